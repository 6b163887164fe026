using MentorBot.Domain.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>The curator's /plan: any live pair of the organisation, seen and edited as its mentor would.</summary>
public sealed class CuratorPlanTests : IAsyncLifetime
{
    private const long Curator = 100, Petrova = 201, Ivanov = 301, Stranger = 400;
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync();
        await harness.ApprovedPairAsync(school, (Curator, "Орлова Ольга"), (Petrova, "Петрова Анна"), (Ivanov, "Иванов Игорь"));
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task The_curator_chooses_a_pair_sees_its_plan_and_sets_its_goals()
    {
        var pairId = await harness.ScalarAsync<long>("SELECT id FROM pairs WHERE status = 'approved'");

        var list = await harness.SendAsync(Curator, harness.Text(Curator, "/plan"));
        list.Should().Equal(PairsTexts.ChoosePairForPlan);
        (await harness.ButtonsAsync(Curator)).Should().EndWith($"plan:pair:{pairId}");

        var plan = await harness.SendAsync(Curator, harness.Press(Curator, $"plan:pair:{pairId}"));
        plan.Single().Should().Contain("Персональный план наставничества").And.Contain("Наставник: Петрова Анна");
        (await harness.ButtonsAsync(Curator)).Should().EndWith([$"plan:mv:{pairId}", $"plan:add:{pairId}", $"plan:goals:{pairId}"]);

        await harness.SendAsync(Curator, harness.Press(Curator, $"plan:goals:{pairId}"));
        var saved = await harness.SendAsync(Curator, harness.Text(Curator, "Провести открытый урок"));
        saved[0].Should().Be(PairsTexts.Saved);
        saved[1].Should().Contain("1. Провести открытый урок");
        (await harness.SendAsync(Petrova, harness.Text(Petrova, "/plan"))).Single().Should().Contain("1. Провести открытый урок");
    }

    [Fact]
    public async Task Only_a_curator_of_the_pairs_organisation_opens_it()
    {
        var pairId = await harness.ScalarAsync<long>("SELECT id FROM pairs WHERE status = 'approved'");
        var other = await harness.CreateOrganisationAsync("Другая школа");
        await harness.AddMemberAsync(other, Stranger, "Чужой Куратор", [Role.Curator]);

        (await harness.SendAsync(Stranger, harness.Press(Stranger, $"plan:pair:{pairId}"))).Should().Equal(PairsTexts.PairGone);
        (await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"plan:pair:{pairId}"))).Should().Equal(AccessTexts.NotAllowed);
        await harness.AddMemberAsync(other, 401, "Без Пар", [Role.Curator]);
        (await harness.SendAsync(401, harness.Text(401, "/plan"))).Should().Equal(PairsTexts.NoLivePairs);
    }
}
