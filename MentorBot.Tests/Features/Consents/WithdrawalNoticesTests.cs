using MentorBot.Domain.Consents;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Host.Features.Consents;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Consents;

/// <summary>A consent withdrawal that dissolves a pair tells the one who stays and the curator, and /plan says why.</summary>
public sealed class WithdrawalNoticesTests : IAsyncLifetime
{
    private const long Curator = 100, Petrova = 201, Ivanov = 301;
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;
    private long mentor, mentee;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ «Средняя школа № 42»");
        (mentor, mentee) = await harness.ApprovedPairAsync(school, (Curator, "Орлова Ольга Ивановна"), (Petrova, "Петрова Анна Сергеевна"), (Ivanov, "Иванов Игорь"));
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(harness.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(school.TimeZone)).DateTime);

    private async Task<(IReadOnlyList<string> Mentor, IReadOnlyList<string> Curator)> NewTextsAfterAsync(Func<Task> action)
    {
        var (mentorBefore, curatorBefore) = ((await harness.QueuedTextsAsync(Petrova)).Count, (await harness.QueuedTextsAsync(Curator)).Count);
        await action();
        return ([.. (await harness.QueuedTextsAsync(Petrova)).Skip(mentorBefore)], [.. (await harness.QueuedTextsAsync(Curator)).Skip(curatorBefore)]);
    }

    [Fact]
    public async Task A_mentee_withdrawing_personal_data_consent_is_told_to_the_mentor_and_the_curator_without_their_name()
    {
        var menteeBefore = (await harness.QueuedTextsAsync(Ivanov)).Count;

        var (toMentor, toCurator) = await NewTextsAfterAsync(async () =>
        {
            await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/consents"));
            await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"consents:withdraw:personal_data:{mentee}"));
            await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"consents:confirm:personal_data:{mentee}"));
        });

        toMentor.Should().Equal(ConsentTexts.PairEndedToMentor(group: false));
        toCurator.Should().Equal(ConsentTexts.PairEndedMenteeLeftToCurator("Петрова Анна Сергеевна"));
        toMentor.Concat(toCurator).Should().NotContain(t => t.Contains("Иванов"), "the mentee's data is destroyed");
        (await harness.QueuedTextsAsync(Ivanov)).Count(t => t == ConsentTexts.PersonalDataWithdrawn).Should().Be(1);

        var plan = await harness.SendAsync(Petrova, harness.Text(Petrova, "/plan"));
        plan.Should().Equal(PairsTexts.NoPlanDissolved(Today, "consent_withdrawn", viewerWasMentor: true));
        plan.Single().Should().Contain("наставляемый отозвал согласие на обработку персональных данных");
    }

    [Fact]
    public async Task A_mentor_withdrawing_the_duties_consent_is_told_to_the_mentee_and_the_curator()
    {
        var (_, toCurator) = await NewTextsAfterAsync(async () =>
        {
            await harness.SendAsync(Petrova, harness.Press(Petrova, $"consents:withdraw:mentoring_duties:{mentor}"));
            var reply = await harness.SendAsync(Petrova, harness.Press(Petrova, $"consents:confirm:mentoring_duties:{mentor}"));
            reply.Should().Equal(ConsentTexts.MentoringDutiesWithdrawn(hadPairs: true));
        });

        toCurator.Should().Equal(ConsentTexts.PairEndedMentorLeftToCurator("Иванов Игорь", ConsentKind.MentoringDuties));
        (await harness.QueuedTextsAsync(Ivanov)).Should().Contain(ConsentTexts.PairEndedToMentee(ConsentKind.MentoringDuties));
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/plan"))).Should().Equal(
            PairsTexts.NoPlanDissolved(Today, "mentor_consent_withdrawn", viewerWasMentor: false));
    }
}
