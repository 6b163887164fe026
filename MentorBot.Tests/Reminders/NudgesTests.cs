using MentorBot.Domain.Reminders;

namespace MentorBot.Tests.Reminders;

public sealed class NudgesTests
{
    private static readonly DateTimeOffset Joined = new(2026, 9, 1, 10, 0, 0, TimeSpan.FromHours(6));

    [Theory]
    [InlineData(2.9, null)]
    [InlineData(3, 1)]
    [InlineData(6.9, 1)]
    [InlineData(7, 2)]
    [InlineData(13.9, 2)]
    [InlineData(14, null)]
    [InlineData(40, null)]
    public void Onboarding_nudges_come_after_three_and_seven_days_then_stop(double days, int? notice) =>
        Nudges.Onboarding(Joined, Joined.AddDays(days)).Should().Be(notice);

    [Theory]
    [InlineData(13, new QuietPairAudience[0])]
    [InlineData(14, new[] { QuietPairAudience.Mentor })]
    [InlineData(21, new[] { QuietPairAudience.Mentor, QuietPairAudience.Curator })]
    public void A_quiet_pair_reaches_the_mentor_after_14_days_and_the_curator_after_21(int days, QuietPairAudience[] audiences) =>
        Nudges.QuietPair(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 1).AddDays(days)).Should().Equal(audiences);

    [Fact]
    public void An_unanswered_poll_is_due_its_reminder_after_five_days()
    {
        Nudges.Unanswered(Joined, Joined.AddDays(5).AddMinutes(-1)).Should().BeFalse();
        Nudges.Unanswered(Joined, Joined.AddDays(5)).Should().BeTrue();
    }
}
