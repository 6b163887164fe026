using MentorBot.Domain.Scheduling;

namespace MentorBot.Domain.Pairs;

/// <summary>
/// The skeleton of a pair's personal mentoring plan (road map stages 5–6). Rules:
/// <list type="number">
/// <item>Only working days of the term count (<see cref="WorkCalendar"/>: weekends, holidays and transfers).</item>
/// <item>Organizational meeting on the term's first working day; trial meeting a week later; planning meeting a
/// week after that (each on the first working day on or after the nominal date).</item>
/// <item>The satisfaction survey on the term's last working day; the final meeting on the last working day at
/// least a week before the term ends.</item>
/// <item>Regular meetings every <c>cadenceDays</c> after the planning meeting, each on the first working day on
/// or after its nominal date, strictly between the planning and the final meeting.</item>
/// <item>A term too short for that keeps the five fixed steps, spread evenly over its working days (no regular
/// meetings); a term with no working day gets no plan.</item>
/// </list>
/// </summary>
public static class PlanGenerator
{
    /// <summary>Days between the organizational, trial and planning meetings, and between the final meeting and the term's end.</summary>
    public const int StepDays = 7;

    /// <summary>The default cadence of regular meetings (every two weeks; <c>pairs.meeting_cadence_days</c>).</summary>
    public const int DefaultCadenceDays = 14;

    /// <summary>Builds the plan, items in date order.</summary>
    /// <exception cref="ArgumentException">The term ends before it starts, or the cadence is outside 1–90 days.</exception>
    public static IReadOnlyList<PlanItemDraft> Build(PairTerm term, int cadenceDays, WorkCalendar calendar)
    {
        if (term.End < term.Start)
        {
            throw new ArgumentException($"the term ends ({term.End}) before it starts ({term.Start})", nameof(term));
        }

        if (cadenceDays is < 1 or > 90)
        {
            throw new ArgumentException($"cadence must be 1–90 days, got {cadenceDays}", nameof(cadenceDays));
        }

        var days = new List<DateOnly>();
        for (var d = term.Start; d <= term.End; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d))
            {
                days.Add(d);
            }
        }

        if (days.Count == 0)
        {
            return [];
        }

        var organizational = days[0];
        var trial = FirstOnOrAfter(days, organizational.AddDays(StepDays));
        var planning = trial is { } t ? FirstOnOrAfter(days, t.AddDays(StepDays)) : null;
        var final = LastOnOrBefore(days, term.End.AddDays(-StepDays));
        var survey = days[^1];
        if (trial is null || planning is null || final is null || final <= planning)
        {
            return Compressed(days);
        }

        var items = new List<PlanItemDraft>
        {
            new(PlanItemKind.Organizational, PairsTexts.OrganizationalMeeting, organizational),
            new(PlanItemKind.Trial, PairsTexts.TrialMeeting, trial.Value),
            new(PlanItemKind.Planning, PairsTexts.PlanningMeeting, planning.Value),
        };
        var last = planning.Value;
        for (var nominal = planning.Value.AddDays(cadenceDays); ; nominal = nominal.AddDays(cadenceDays))
        {
            var date = FirstOnOrAfter(days, nominal);
            if (date is null || date >= final)
            {
                break;
            }

            if (date > last)
            {
                items.Add(new(PlanItemKind.Regular, PairsTexts.RegularMeeting(items.Count - 2), date.Value));
                last = date.Value;
            }
        }

        items.Add(new(PlanItemKind.Final, PairsTexts.FinalMeeting, final.Value));
        items.Add(new(PlanItemKind.SatisfactionSurvey, PairsTexts.SatisfactionSurvey, survey));
        return items;
    }

    private static List<PlanItemDraft> Compressed(List<DateOnly> days)
    {
        (PlanItemKind Kind, string Title)[] steps =
        [
            (PlanItemKind.Organizational, PairsTexts.OrganizationalMeeting), (PlanItemKind.Trial, PairsTexts.TrialMeeting),
            (PlanItemKind.Planning, PairsTexts.PlanningMeeting), (PlanItemKind.Final, PairsTexts.FinalMeeting),
            (PlanItemKind.SatisfactionSurvey, PairsTexts.SatisfactionSurvey),
        ];
        return [.. steps.Select((s, k) => new PlanItemDraft(s.Kind, s.Title, days[k * (days.Count - 1) / (steps.Length - 1)]))];
    }

    private static DateOnly? FirstOnOrAfter(List<DateOnly> days, DateOnly date)
    {
        var index = days.BinarySearch(date);
        index = index >= 0 ? index : ~index;
        return index < days.Count ? days[index] : null;
    }

    private static DateOnly? LastOnOrBefore(List<DateOnly> days, DateOnly date)
    {
        var index = days.BinarySearch(date);
        index = index >= 0 ? index : ~index - 1;
        return index >= 0 ? days[index] : null;
    }
}
