using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>Matching in each messenger (issue 16): the curator approves the proposed pairs with a button; both members are told.</summary>
public sealed class MatchingInEachMessengerTests
{
    private const long Curator = 740_001, Mentor = 740_002, Mentee = 740_003;

    [Theory]
    [MemberData(nameof(MessengerDriver.Both), MemberType = typeof(MessengerDriver))]
    public async Task The_curator_approves_every_proposed_pair_and_the_mentor_and_the_mentee_each_get_their_notice(string messenger)
    {
        await using var harness = await PipelineHarness.StartAsync(messenger, Onboarding.BotUsername, "school_mentor_bot");
        var school = await harness.CreateOrganisationAsync("Лицей № 9");

        var (mentorId, menteeId) = await harness.ApprovedPairAsync(school, (Curator, "Куратова Ольга"), (Mentor, "Петрова Анна Сергеевна"), (Mentee, "Сидорова Мария Ивановна"));

        (await harness.LastTextAsync(Curator)).Should().Contain("Утверждена пара: наставник Петрова Анна Сергеевна — наставляемый Сидорова Мария Ивановна");
        (await harness.ScalarAsync<string>("SELECT status FROM pairs WHERE mentor_membership_id = @mentorId AND mentee_membership_id = @menteeId", new { mentorId, menteeId }))
            .Should().Be("approved");
        (await harness.QueuedTextsAsync(Mentor)).Should().ContainSingle().Which.Should().Contain("Ваш наставляемый: Сидорова Мария Ивановна").And.Contain("/plan");
        var notice = (await harness.QueuedMessagesAsync(Mentee)).Should().ContainSingle().Subject;
        notice.Text.Should().Contain("Ваш наставник: Петрова Анна Сергеевна");
        notice.Buttons.Select(b => b.Data).Should().Equal("plan:show");
        (await harness.RowsForOtherMessengersAsync()).Should().Be(0);
    }
}
