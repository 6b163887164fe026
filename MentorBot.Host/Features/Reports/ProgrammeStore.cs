using Dapper;
using MentorBot.Domain.Pairs;
using MentorBot.Domain.Reports;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Roadmaps;
using Npgsql;

namespace MentorBot.Host.Features.Reports;

/// <summary>
/// SQL of the final report (issue 14): the figures of one organisation's programme year — road map, participants,
/// pairs by form, meetings against the plans, feedback polls, consents. Satisfaction and impact come from
/// <see cref="ReportStore"/> like in the monitoring reports.
/// </summary>
public static class ProgrammeStore
{
    /// <summary>Meeting kinds in the order the report lists them.</summary>
    private static readonly string[] MeetingKinds = ["organizational", "trial", "planning", "regular", "final"];

    /// <summary>
    /// The final report's figures as of <paramref name="date"/> (local) for <paramref name="year"/>. A pair counts when it
    /// was approved (approved, active or completed) and its term overlaps the year; meetings and polls when held in it.
    /// </summary>
    public static async Task<ProgrammeFigures> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Organisation organisation,
        ProgrammeYear year, DateOnly date, CancellationToken cancellationToken)
    {
        var args = ReportStore.YearArgs(organisation.Id, organisation.TimeZone, year);
        CommandDefinition Command(string sql) => new(sql, args, transaction, cancellationToken: cancellationToken);

        var plan = await RoadmapStore.LoadAsync(connection, transaction, organisation.Id, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(organisation.TimeZone);
        var stages = plan?.Stages.Select(s => new StageLine(s.Number, s.Title, StageStatusRules.Evaluate(s.Periods, plan.Span, s.Done, date).Status,
            s.DoneAt is { } at ? Domain.Scheduling.LocalDates.OfUtc(at, zone) : null)).ToList();

        const string people = """
            SELECT count(*) FILTER (WHERE r.role = 'mentor')::int AS mentors, count(*) FILTER (WHERE r.role = 'mentee')::int AS mentees
              FROM memberships m JOIN membership_roles r ON r.membership_id = m.id
             WHERE m.organisation_id = @organisationId AND m.status = 'active'
            """;
        var (mentors, mentees) = await connection.QuerySingleAsync<(int, int)>(Command(people));

        const string yearPairs = """
            SELECT p.id, p.form, p.mentor_membership_id
              FROM pairs p
             WHERE p.organisation_id = @organisationId AND p.status IN ('approved', 'active', 'completed')
               AND coalesce(p.starts_on, (p.approved_at AT TIME ZONE @timeZone)::date, @starts::date) <= @ends::date
               AND coalesce(p.ends_on, @ends::date) >= @starts::date
            """;
        var pairs = (await connection.QueryAsync<(long Id, string Form, long Mentor)>(Command(yearPairs))).ToList();
        var byForm = MentoringForms.All.Select(f => f.Code()).Select(f => (Form: f, Pairs: pairs.Count(p => p.Form == f))).Where(f => f.Pairs > 0).ToList();
        var groups = pairs.GroupBy(p => p.Mentor).Count(g => g.Count() > 1);

        const string meetings = """
            SELECT m.kind, count(*)::int AS held, sum(m.duration_minutes)::int AS minutes
              FROM meetings m JOIN pairs p ON p.id = m.pair_id
             WHERE p.organisation_id = @organisationId AND m.deleted_at IS NULL AND m.held_on BETWEEN @starts AND @ends
             GROUP BY m.kind
            """;
        const string planned = """
            SELECT i.kind, count(*)::int
              FROM plan_items i JOIN pairs p ON p.id = i.pair_id
             WHERE p.organisation_id = @organisationId AND p.status IN ('approved', 'active', 'completed') AND i.due_on BETWEEN @starts AND @ends
             GROUP BY i.kind
            """;
        var held = (await connection.QueryAsync<(string Kind, int Held, int Minutes)>(Command(meetings))).ToDictionary(r => r.Kind);
        var plannedByKind = (await connection.QueryAsync<(string Kind, int Count)>(Command(planned))).ToDictionary(r => r.Kind, r => r.Count);
        var kinds = MeetingKinds.Select(k => new MeetingKindLine(k, held.GetValueOrDefault(k).Held, held.GetValueOrDefault(k).Minutes, plannedByKind.GetValueOrDefault(k))).ToList();

        const string perDay = """
            SELECT m.held_on, count(*)::int
              FROM meetings m JOIN pairs p ON p.id = m.pair_id
             WHERE p.organisation_id = @organisationId AND m.deleted_at IS NULL AND m.held_on BETWEEN @starts AND @ends
             GROUP BY m.held_on
            """;
        var days = (await connection.QueryAsync<(DateTime Day, int Count)>(Command(perDay))).Select(d => (Day: DateOnly.FromDateTime(d.Day), d.Count)).ToList();
        var weeks = Weeks(year, date).Select(monday => (monday, days.Where(d => d.Day >= monday && d.Day < monday.AddDays(7)).Sum(d => d.Count))).ToList();

        const string polls = """
            SELECT f.score
              FROM feedback_polls f JOIN meetings m ON m.id = f.meeting_id JOIN pairs p ON p.id = m.pair_id
             WHERE p.organisation_id = @organisationId AND m.deleted_at IS NULL AND m.held_on BETWEEN @starts AND @ends
            """;
        var pollScores = (await connection.QueryAsync<int?>(Command(polls))).ToList();

        const string consents = """
            SELECT kind, count(*) FILTER (WHERE event = 'given')::int AS given, count(*) FILTER (WHERE event = 'withdrawn')::int AS withdrawn
              FROM consent_events
             WHERE organisation_id = @organisationId AND (occurred_at AT TIME ZONE @timeZone)::date BETWEEN @starts AND @ends
             GROUP BY kind
            """;
        var consentRows = (await connection.QueryAsync<(string Kind, int Given, int Withdrawn)>(Command(consents))).ToDictionary(r => r.Kind);
        var consentLines = new[] { "personal_data", "mentoring_duties", "publication" }
            .Select(k => new ConsentLine(k, consentRows.GetValueOrDefault(k).Given, consentRows.GetValueOrDefault(k).Withdrawn)).ToList();
        const string destroyed = """
            SELECT count(*)::int FROM destruction_records
             WHERE organisation_id = @organisationId AND (performed_at AT TIME ZONE @timeZone)::date BETWEEN @starts AND @ends
            """;
        var destroyedCount = await connection.ExecuteScalarAsync<int>(Command(destroyed));

        var surveys = await ReportStore.SurveysAsync(connection, transaction, organisation.Id, organisation.TimeZone, year, cancellationToken);
        var previous = await ReportStore.SurveysAsync(connection, transaction, organisation.Id, organisation.TimeZone, year.Previous, cancellationToken);
        var impact = await ReportStore.ImpactAsync(connection, transaction, organisation.Id, organisation.TimeZone, year, cancellationToken);
        var (curator, head) = await ReportStore.SignersAsync(connection, transaction, organisation.Id, cancellationToken);
        return new ProgrammeFigures(organisation.Name, year, date, stages, mentors, mentees, byForm, groups, kinds, weeks,
            [.. pollScores.OfType<int>()], pollScores.Count, SatisfactionMonitoring.Compute(surveys, previous),
            ImpactMonitoring.Compute(impact.Select(r => r.Measurements)), consentLines, destroyedCount, curator, head);
    }

    /// <summary>The Mondays of the weeks from the year's start to <paramref name="date"/> (or the year's end), in order.</summary>
    private static IEnumerable<DateOnly> Weeks(ProgrammeYear year, DateOnly date)
    {
        var last = date < year.Ends ? date : year.Ends;
        var monday = Domain.Scheduling.CalendarWeeks.Monday(year.Starts);
        for (; monday <= last; monday = monday.AddDays(7)) yield return monday;
    }
}
