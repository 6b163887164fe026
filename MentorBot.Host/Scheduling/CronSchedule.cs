using Cronos;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Host.Scheduling;

/// <summary>
/// Crons as Hangfire reads them (Cronos, five fields, weekdays 0 = Sunday), under our stricter
/// <see cref="CronRules"/> (named weekdays only, no seconds or year).
/// </summary>
public static class CronSchedule
{
    /// <summary>What keeps <paramref name="cron"/> from being stored; <see cref="CronProblem.None"/> when it may be.</summary>
    public static CronProblem Check(string? cron)
    {
        var problem = CronRules.Check(cron);
        if (problem != CronProblem.None) return problem;
        try
        {
            CronExpression.Parse(cron!, CronFormat.Standard);
            return CronProblem.None;
        }
        catch (CronFormatException)
        {
            return CronProblem.Unreadable;
        }
    }

    /// <summary>
    /// The occurrences of <paramref name="cron"/> in <paramref name="zone"/> in (<paramref name="from"/>, <paramref name="to"/>],
    /// oldest first; none when the cron breaks <see cref="Check"/>.
    /// </summary>
    public static IEnumerable<DateTimeOffset> Occurrences(string cron, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to) =>
        Check(cron) != CronProblem.None || to <= from
            ? []
            : CronExpression.Parse(cron, CronFormat.Standard).GetOccurrences(from, to, zone, fromInclusive: false, toInclusive: true);
}
