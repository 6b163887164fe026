using MentorBot.Domain.Meetings;

namespace MentorBot.Tests.Meetings;

public class MeetingDraftRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 19);

    [Theory]
    [InlineData("2026-03-19", 45)]
    [InlineData("2026-03-01", 5)]
    [InlineData("2026-03-18", 480)]
    public void A_plausible_draft_raises_no_concern(string date, int minutes)
    {
        MeetingDraftRules.Concerns(Draft(DateOnly.Parse(date), minutes), Today).Should().BeEmpty();
    }

    [Fact]
    public void A_missing_date_or_duration_is_not_a_concern_but_for_the_check_in_to_ask()
    {
        MeetingDraftRules.Concerns(Draft(null, null), Today).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-03-20", 45, MeetingDraftConcern.DateInFuture)]
    [InlineData("2026-03-18", 481, MeetingDraftConcern.DurationTooLong)]
    [InlineData("2026-03-18", 4, MeetingDraftConcern.DurationTooShort)]
    public void An_implausible_draft_is_questioned(string date, int minutes, MeetingDraftConcern concern)
    {
        MeetingDraftRules.Concerns(Draft(DateOnly.Parse(date), minutes), Today).Should().Equal(concern);
    }

    [Fact]
    public void All_concerns_are_listed_date_first()
    {
        MeetingDraftRules.Concerns(Draft(Today.AddDays(3), 600), Today)
            .Should().Equal(MeetingDraftConcern.DateInFuture, MeetingDraftConcern.DurationTooLong);
    }

    [Fact]
    public void Parsed_messages_are_questioned_the_same_way()
    {
        var draft = MeetingMessageParser.Parse("вчера 3 минуты", Today);

        MeetingDraftRules.Concerns(draft, Today).Should().Equal(MeetingDraftConcern.DurationTooShort);
    }

    private static MeetingDraft Draft(DateOnly? date, int? minutes) => new(date, minutes, MeetingKind.Regular, null, null);
}
