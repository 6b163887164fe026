namespace MentorBot.Domain.Reminders;

/// <summary>Who a quiet-pair nudge goes to.</summary>
public enum QuietPairAudience
{
    /// <summary>The pair's mentor, after <see cref="Nudges.QuietDaysForMentor"/> days.</summary>
    Mentor,

    /// <summary>The curator(s), as an at-risk pair, after <see cref="Nudges.QuietDaysForCurator"/> days.</summary>
    Curator,
}

/// <summary>
/// The nudge rules of issue 7, pure. Nudges are non-essential: <c>/pause</c> mutes them (deadline reminders to
/// responsible persons are not nudges). Each returns the occurrence to send now, or nothing.
/// </summary>
public static class Nudges
{
    /// <summary>Onboarding nudges go this many days after joining: the first after 3, the second after 7, then none.</summary>
    public static readonly IReadOnlyList<int> OnboardingDays = [3, 7];

    /// <summary>A nudge not sent within this many days of its moment is dropped (no backlog after an outage).</summary>
    public const int GraceDays = 6;

    /// <summary>Days without a logged meeting before the mentor is nudged.</summary>
    public const int QuietDaysForMentor = 14;

    /// <summary>Days without a logged meeting before the curator is told the pair is at risk.</summary>
    public const int QuietDaysForCurator = 21;

    /// <summary>Days a feedback poll or satisfaction survey may stay unanswered before its one reminder.</summary>
    public const int UnansweredDays = 5;

    /// <summary>
    /// Which onboarding nudge (1 or 2) is due at <paramref name="now"/> for a person who joined at
    /// <paramref name="joinedAt"/> and has not finished (consent or questionnaire); null when none is.
    /// </summary>
    public static int? Onboarding(DateTimeOffset joinedAt, DateTimeOffset now)
    {
        for (var n = OnboardingDays.Count; n >= 1; n--)
        {
            var at = joinedAt.AddDays(OnboardingDays[n - 1]);
            if (now >= at) return now < at.AddDays(GraceDays + 1) ? n : null;
        }

        return null;
    }

    /// <summary>
    /// Who is due a nudge about a pair whose last logged meeting (or, before the first, its start) was on
    /// <paramref name="lastActivity"/>, as of local <paramref name="today"/>. Keyed by that date, so each quiet
    /// spell nudges each audience once.
    /// </summary>
    public static IReadOnlyList<QuietPairAudience> QuietPair(DateOnly lastActivity, DateOnly today)
    {
        var days = today.DayNumber - lastActivity.DayNumber;
        var audiences = new List<QuietPairAudience>();
        if (days >= QuietDaysForMentor) audiences.Add(QuietPairAudience.Mentor);
        if (days >= QuietDaysForCurator) audiences.Add(QuietPairAudience.Curator);
        return audiences;
    }

    /// <summary>True when a poll or survey sent at <paramref name="sentAt"/> and still unanswered is due its one reminder.</summary>
    public static bool Unanswered(DateTimeOffset sentAt, DateTimeOffset now) => now >= sentAt.AddDays(UnansweredDays);
}
