namespace MentorBot.Domain.Pairs;

/// <summary>A pair's term of work: inclusive dates, <see cref="Start"/> ≤ <see cref="End"/>.</summary>
/// <param name="Start">The first day (<c>pairs.starts_on</c>).</param>
/// <param name="End">The last day (<c>pairs.ends_on</c>).</param>
public sealed record PairTerm(DateOnly Start, DateOnly End)
{
    /// <summary>A fallback term shorter than this many days moves to the next academic year's end.</summary>
    public const int MinimumFallbackDays = 30;

    /// <summary>
    /// The default term of a pair approved on <paramref name="today"/>: the road map's pair-work stage
    /// («Организация работы наставнических пар/групп», stage kind <c>pair_work</c>) when its periods end after
    /// today — from the later of today and the stage's first day to the stage's last day; otherwise today to
    /// 31 May, the end of the academic year's teaching (of next year when this year's is under
    /// <see cref="MinimumFallbackDays"/> days away).
    /// </summary>
    /// <param name="today">The organisation's local date.</param>
    /// <param name="pairWorkPeriods">Dated periods of the pair-work stage and its activities; may be empty.</param>
    public static PairTerm Default(DateOnly today, IReadOnlyCollection<(DateOnly Start, DateOnly End)> pairWorkPeriods)
    {
        if (pairWorkPeriods.Count > 0)
        {
            var first = pairWorkPeriods.Min(p => p.Start);
            var last = pairWorkPeriods.Max(p => p.End);
            if (last > today)
            {
                return new PairTerm(first > today ? first : today, last);
            }
        }

        var may = new DateOnly(today.Year, 5, 31);
        if (may.DayNumber - today.DayNumber < MinimumFallbackDays)
        {
            may = may.AddYears(1);
        }

        return new PairTerm(today, may);
    }
}
