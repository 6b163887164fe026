using System.Text.RegularExpressions;

namespace MentorBot.Domain.Scheduling;

/// <summary>What is wrong with a cron expression under <see cref="CronRules"/>.</summary>
public enum CronProblem
{
    /// <summary>The expression follows the rules (its values are still checked by the scheduler's parser).</summary>
    None,

    /// <summary>Not exactly five fields: a seconds or a year field, or something missing.</summary>
    FieldCount,

    /// <summary>A weekday written as a number.</summary>
    NumericWeekday,

    /// <summary>Right shape, but the scheduler's parser cannot read a value (set by the Host, which holds the parser).</summary>
    Unreadable,
}

/// <summary>
/// The shape of every cron we store or accept (DESIGN.md decision 1): five fields — minute, hour, day of month,
/// month, day of week — as Hangfire's Cronos reads them, with weekdays named (MON…SUN). Numbers are refused in the
/// weekday field because schedulers disagree on them: Quartz counted 1 = Sunday, Cronos counts 0 = Sunday (and
/// 7 = Sunday), so «1» meant Sunday in what we stored before and Monday today. No seconds and no year field
/// (Quartz had both; a seven-field Quartz expression would otherwise be misread).
/// </summary>
public static partial class CronRules
{
    /// <summary>The weekday names a cron may use, Sunday first (as <see cref="DayOfWeek"/>).</summary>
    public static readonly IReadOnlyList<string> WeekdayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Checks the shape of <paramref name="cron"/>; <see cref="CronProblem.None"/> when it may be stored.</summary>
    public static CronProblem Check(string? cron)
    {
        var fields = Fields(cron);
        if (fields.Length != 5) return CronProblem.FieldCount;
        return NumericWeekday().IsMatch(fields[4]) ? CronProblem.NumericWeekday : CronProblem.None;
    }

    /// <summary>
    /// True when <paramref name="text"/> is meant as a cron rather than as words («пн 09:00»): no Cyrillic, and a
    /// «*» or at least five fields.
    /// </summary>
    public static bool LooksLikeCron(string? text) =>
        text is not null && !text.Any(c => c is >= 'А' and <= 'я' or 'ё' or 'Ё') && (text.Contains('*') || Fields(text).Length >= 5);

    /// <summary>The whitespace-separated fields of <paramref name="cron"/>.</summary>
    public static string[] Fields(string? cron) => (cron ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    // A digit that is not a step («*/2») or an nth-weekday count («MON#1»).
    [GeneratedRegex(@"(?<![/#\d])\d")]
    private static partial Regex NumericWeekday();
}
