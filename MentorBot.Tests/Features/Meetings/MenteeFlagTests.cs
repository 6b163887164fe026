using MentorBot.Domain.Meetings;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Start;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Meetings;

/// <summary>A mentee asks the curator for help: from words the bot does not understand, or with /curator.</summary>
public sealed class MenteeFlagTests : IAsyncLifetime
{
    private const long Curator = 100, Petrova = 201, Ivanov = 301;
    private const string Problem = "у меня не получается связаться с наставником";
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
    public async Task Words_the_bot_does_not_understand_offer_the_curator_and_the_flag_reaches_every_curator()
    {
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, Problem))).Should().Equal(StartTexts.NotUnderstoodOfferCurator);
        (await harness.ButtonsAsync(Ivanov)).Should().EndWith("flag:ask");

        (await harness.SendAsync(Ivanov, harness.Press(Ivanov, "flag:ask"))).Should().Equal(MeetingsTexts.AskFlagAlone);
        var curatorBefore = (await harness.QueuedTextsAsync(Curator)).Count;
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, Problem))).Should().Equal(MeetingsTexts.FlagSent);

        (await harness.QueuedTextsAsync(Curator)).Skip(curatorBefore).Should().Equal(MeetingsTexts.FlagFromMenteeForCurator("Иванов Игорь", "Петрова Анна", Problem));
        var flagId = await harness.ScalarAsync<long>("SELECT id FROM flags");
        (await harness.ButtonsAsync(Curator)).Should().EndWith($"flag:resolve:{flagId}");

        await harness.SendAsync(Curator, harness.Press(Curator, $"flag:resolve:{flagId}"));
        (await harness.QueuedTextsAsync(Ivanov)).Last().Should().Be(MeetingsTexts.FlagResolvedForMentor(Problem));
    }

    [Fact]
    public async Task The_curator_command_asks_for_the_problem_and_help_lists_it()
    {
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/help"))).Single().Should().Contain("/curator — " + MeetingsTexts.CuratorMenu);
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/curator"))).Should().Equal(MeetingsTexts.AskFlagAlone);
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, new string('а', MeetingCheckIn.MaxFlagLength + 1))))
            .Should().Equal(MeetingsTexts.FlagTextInvalid(MeetingCheckIn.MaxFlagLength));
        (await harness.ScalarAsync<long>("SELECT count(*) FROM flags")).Should().Be(0);
    }
}
