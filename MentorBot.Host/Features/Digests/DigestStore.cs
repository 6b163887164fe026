using Dapper;
using MentorBot.Domain.Digests;
using MentorBot.Domain.Reminders;
using MentorBot.Host.Features.Reminders;
using Npgsql;

namespace MentorBot.Host.Features.Digests;

/// <summary>Reads the digest's <see cref="DigestSnapshot"/> of one organisation at one moment (the programme tables of 0008).</summary>
public static class DigestStore
{
    private sealed class BankRow
    {
        public int Mentors { get; init; }
        public int MentorsLastWeek { get; init; }
        public int Mentees { get; init; }
        public int MenteesLastWeek { get; init; }
        public int ConsentsPending { get; init; }
        public int QuestionnairesUnfinished { get; init; }
        public int UnmatchedMentees { get; init; }
    }

    private sealed class PairRow
    {
        public int Formed { get; init; }
        public int FormedLastWeek { get; init; }
        public int Active { get; init; }
    }

    private sealed class FeedbackRow
    {
        public int Count { get; init; }
        public double? Average { get; init; }
        public int CountLastWeek { get; init; }
        public double? AverageLastWeek { get; init; }
        public int OpenFlags { get; init; }
        public int OpenFlagsLastWeek { get; init; }
    }

    /// <summary>The snapshot of <paramref name="organisation"/> as of <paramref name="now"/>.</summary>
    public static async Task<DigestSnapshot> SnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OrganisationClock organisation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = organisation.Today(now);
        var weekStart = DigestSchedule.ReportWeekStart(today);
        var args = new { organisationId = organisation.Id, weekStart = organisation.StartOf(weekStart).UtcDateTime, now = now.UtcDateTime };

        const string banksSql = """
            WITH state AS (
                SELECT o.*, EXISTS (SELECT 1 FROM pairs x WHERE x.mentee_membership_id = o.membership_id AND x.status IN ('approved', 'active')) AS matched
                  FROM member_onboarding o
                 WHERE o.organisation_id = @organisationId AND o.joined_at <= @now
            )
            SELECT count(*) FILTER (WHERE is_mentor)::int AS Mentors,
                   count(*) FILTER (WHERE is_mentor AND joined_at < @weekStart)::int AS MentorsLastWeek,
                   count(*) FILTER (WHERE is_mentee)::int AS Mentees,
                   count(*) FILTER (WHERE is_mentee AND joined_at < @weekStart)::int AS MenteesLastWeek,
                   count(*) FILTER (WHERE NOT has_consent OR (is_mentor AND NOT has_duties))::int AS ConsentsPending,
                   count(*) FILTER (WHERE (is_mentor AND NOT mentor_done) OR (is_mentee AND NOT mentee_done))::int AS QuestionnairesUnfinished,
                   count(*) FILTER (WHERE is_mentee AND NOT matched)::int AS UnmatchedMentees
              FROM state
            """;
        var banks = await connection.QuerySingleAsync<BankRow>(new CommandDefinition(banksSql, args, transaction, cancellationToken: cancellationToken));

        const string pairsSql = """
            SELECT count(*) FILTER (WHERE status IN ('approved', 'active'))::int AS Formed,
                   count(*) FILTER (WHERE status IN ('approved', 'active') AND approved_at < @weekStart)::int AS FormedLastWeek,
                   count(*) FILTER (WHERE status = 'active')::int AS Active
              FROM pairs WHERE organisation_id = @organisationId
            """;
        var pairs = await connection.QuerySingleAsync<PairRow>(new CommandDefinition(pairsSql, args, transaction, cancellationToken: cancellationToken));

        const string feedbackSql = """
            SELECT count(f.score)::int AS Count, avg(f.score)::float8 AS Average,
                   count(f.score) FILTER (WHERE f.answered_at < @weekStart)::int AS CountLastWeek,
                   (avg(f.score) FILTER (WHERE f.answered_at < @weekStart))::float8 AS AverageLastWeek,
                   (SELECT count(*) FROM flags WHERE organisation_id = @organisationId AND resolved_at IS NULL)::int AS OpenFlags,
                   (SELECT count(*) FROM flags WHERE organisation_id = @organisationId AND raised_at < @weekStart
                       AND (resolved_at IS NULL OR resolved_at >= @weekStart))::int AS OpenFlagsLastWeek
              FROM feedback_polls f JOIN meetings mt ON mt.id = f.meeting_id JOIN pairs p ON p.id = mt.pair_id
             WHERE p.organisation_id = @organisationId AND f.answered_at IS NOT NULL AND f.answered_at <= @now
            """;
        var feedback = await connection.QuerySingleAsync<FeedbackRow>(new CommandDefinition(feedbackSql, args, transaction, cancellationToken: cancellationToken));

        var live = await PairActivityStore.LoadAsync(connection, transaction, organisation, weekStart, today, cancellationToken);
        var atRisk = live
            .Select(p => (Pair: p, Days: today.DayNumber - DateOnly.FromDateTime(p.LastActivity).DayNumber))
            .Where(x => x.Days >= Nudges.QuietDaysForCurator)
            .OrderByDescending(x => x.Days)
            .Select(x => new AtRiskPair(x.Pair.MentorName ?? "—", x.Pair.MenteeName ?? "—", x.Days))
            .ToList();
        var byPair = live
            .OrderByDescending(p => p.MeetingsThisWeek).ThenByDescending(p => p.MeetingsLastWeek)
            .Select(p => new PairMeetings(p.MentorName ?? "—", p.MenteeName ?? "—", p.MeetingsThisWeek, p.MeetingsLastWeek))
            .ToList();

        RoadMapProgress? progress = null;
        if (await RoadMapItemsStore.LoadAsync(connection, transaction, organisation, cancellationToken) is { } map)
        {
            var remindable = map.Stages.SelectMany(s => DeadlineSchedule.Remindable(s.Stage, s.Activities)).ToList();
            progress = RoadMapStatus.Progress(map.Stages.Select(s => s.Stage).ToList(), remindable, today, weekStart);
        }

        return new DigestSnapshot(
            organisation.Name, today, weekStart, progress,
            new BankFigures(banks.Mentors, banks.MentorsLastWeek, banks.Mentees, banks.MenteesLastWeek, banks.ConsentsPending, banks.QuestionnairesUnfinished),
            new PairFigures(pairs.Formed, pairs.FormedLastWeek, pairs.Active, banks.UnmatchedMentees, atRisk),
            new MeetingFigures(live.Sum(p => p.MeetingsThisWeek), live.Sum(p => p.MeetingsLastWeek), byPair),
            new FeedbackFigures(feedback.Count, feedback.Average, feedback.CountLastWeek, feedback.AverageLastWeek),
            feedback.OpenFlags, feedback.OpenFlagsLastWeek)
        {
            Impact = Domain.Reports.ImpactMonitoring.Compute((await Reports.ReportStore.ImpactAsync(connection, transaction, organisation.Id, organisation.Zone.Id,
                Domain.Reports.ProgrammeYear.Of(today), cancellationToken)).Select(r => r.Measurements)),
            Weekly = await WeeklyAsync(connection, transaction, organisation, weekStart, now, cancellationToken),
        };
    }

    /// <summary>Meetings held and stages done per week for the digest's picture (<see cref="DigestChart"/>).</summary>
    private static async Task<IReadOnlyList<WeekActivity>> WeeklyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OrganisationClock organisation,
        DateOnly weekStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT w.monday,
                   (SELECT count(*) FROM meetings m JOIN pairs p ON p.id = m.pair_id
                     WHERE p.organisation_id = @organisationId AND m.deleted_at IS NULL
                       AND m.held_on >= w.monday AND m.held_on < w.monday + 7)::int AS meetings,
                   (SELECT count(*) FROM road_map_stages s JOIN road_maps r ON r.id = s.road_map_id
                     WHERE r.organisation_id = @organisationId AND s.done_at <= @now
                       AND (s.done_at AT TIME ZONE @zone)::date >= w.monday AND (s.done_at AT TIME ZONE @zone)::date < w.monday + 7)::int AS stages_done
              FROM unnest(@mondays::date[]) AS w(monday)
             ORDER BY w.monday
            """;
        var mondays = DigestChart.Mondays(weekStart).Select(d => d.ToDateTime(TimeOnly.MinValue)).ToArray();
        var rows = await connection.QueryAsync<(DateTime Monday, int Meetings, int StagesDone)>(new CommandDefinition(sql,
            new { organisationId = organisation.Id, zone = organisation.Zone.Id, now = now.UtcDateTime, mondays }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new WeekActivity(DateOnly.FromDateTime(r.Monday), r.Meetings, r.StagesDone))];
    }
}
