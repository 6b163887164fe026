using System.Globalization;
using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Reminders;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Meetings;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Scheduling;
using Npgsql;

namespace MentorBot.Host.Features.Reminders;

/// <summary>
/// Nudges (issue 7): unfinished onboarding (after 3 and 7 days), quiet pairs (mentor after 14 days, curator after 21
/// as at risk), unanswered feedback polls and satisfaction surveys (one reminder after 5 days). Nobody paused with
/// /pause is nudged; what a pause held back goes out after it if still timely. Idempotent through unique keys.
/// </summary>
public sealed class NudgeJob(NpgsqlDataSource dataSource, Notifier notifier, WorkCalendar calendar) : IScheduledJob
{
    /// <summary>The job's name for <c>jobs run</c>.</summary>
    public const string Name = "nudges";

    /// <inheritdoc />
    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var organisation in await OrganisationClock.LoadAsync(connection, null, calendar, null, cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var paused = await PausedAsync(connection, transaction, organisation.Id, now, cancellationToken);
            await OnboardingAsync(connection, transaction, organisation, paused, now, cancellationToken);
            await QuietPairsAsync(connection, transaction, organisation, paused, now, cancellationToken);
            await FeedbackPollsAsync(connection, transaction, organisation, paused, now, cancellationToken);
            await SatisfactionSurveysAsync(connection, transaction, organisation, paused, now, cancellationToken);
            await JobRun.CommitAsync(transaction, cancellationToken);
        }
    }

    private static async Task<HashSet<long>> PausedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id FROM memberships m JOIN participants p ON p.id = m.participant_id
             WHERE m.organisation_id = @organisationId AND p.nudges_paused_until > @now
            """;
        return [.. await connection.QueryAsync<long>(new CommandDefinition(sql, new { organisationId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken))];
    }

    private sealed class OnboardingRow
    {
        public long MembershipId { get; init; }
        public DateTime JoinedAt { get; init; }
        public bool ConsentMissing { get; init; }
        public string? Questionnaire { get; init; }
    }

    private async Task OnboardingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganisationClock organisation, HashSet<long> paused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Mentors and mentees who joined recently and lack a consent in force or a completed intake questionnaire (view member_onboarding).
        const string sql = """
            WITH state AS (
                SELECT * FROM member_onboarding WHERE organisation_id = @organisationId AND joined_at > @since
            )
            SELECT membership_id AS MembershipId, joined_at AS JoinedAt,
                   (NOT has_consent OR (is_mentor AND NOT has_duties)) AS ConsentMissing,
                   CASE WHEN is_mentee AND NOT mentee_done THEN 'mentee_intake' WHEN is_mentor AND NOT mentor_done THEN 'mentor_intake' END AS Questionnaire
              FROM state
             WHERE NOT has_consent OR (is_mentor AND NOT has_duties) OR (is_mentor AND NOT mentor_done) OR (is_mentee AND NOT mentee_done)
            """;
        var since = now.AddDays(-(Nudges.OnboardingDays[^1] + Nudges.GraceDays + 1));
        var rows = await connection.QueryAsync<OnboardingRow>(new CommandDefinition(sql, new { organisationId = organisation.Id, since = since.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            if (paused.Contains(row.MembershipId)) continue;
            if (Nudges.Onboarding(new DateTimeOffset(DateTime.SpecifyKind(row.JoinedAt, DateTimeKind.Utc)), now) is not { } notice) continue;
            var text = ReminderTexts.Onboarding(notice, row.ConsentMissing);
            var reply = !row.ConsentMissing && row.Questionnaire is { } questionnaire
                ? Reply.WithChoices(text, new Choice(ReminderTexts.ContinueQuestionnaire, ReminderButtons.StartQuestionnaire(questionnaire)))
                : Reply.Plain(text);
            await notifier.EnqueueAsync(connection, transaction, row.MembershipId, reply, Key($"onb:m{row.MembershipId}:{notice}"),
                organisation.DueAt(now, organisation.Today(now)), cancellationToken);
        }
    }

    private async Task QuietPairsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganisationClock organisation, HashSet<long> paused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = organisation.Today(now);
        var pairs = await PairActivityStore.LoadAsync(connection, transaction, organisation, CalendarWeeks.Monday(today), today, cancellationToken);
        IReadOnlyList<long>? curators = null;
        var dueAt = organisation.DueAt(now, today);
        foreach (var pair in pairs)
        {
            var last = DateOnly.FromDateTime(pair.LastActivity);
            var days = today.DayNumber - last.DayNumber;
            var spell = Key($"quiet:p{pair.Id}:{last:yyyyMMdd}");
            foreach (var audience in Nudges.QuietPair(last, today))
            {
                if (audience == QuietPairAudience.Mentor)
                {
                    if (paused.Contains(pair.MentorMembershipId)) continue;
                    await notifier.EnqueueAsync(connection, transaction, pair.MentorMembershipId,
                        Reply.Formatted(ReminderTexts.QuietPairToMentor(pair.MenteeName, days)), spell + ":mentor", dueAt, cancellationToken);
                    continue;
                }

                curators ??= await MembershipStore.WithRoleAsync(connection, transaction, organisation.Id, Role.Curator, cancellationToken);
                var alert = Reply.Formatted(ReminderTexts.QuietPairToCurator(pair.MentorName, pair.MenteeName, days),
                    [[new Choice(ReminderTexts.OpenPair, ReminderButtons.OpenPairs)]]);
                foreach (var curator in curators.Where(c => !paused.Contains(c)))
                    await notifier.EnqueueAsync(connection, transaction, curator, alert, Key($"{spell}:curator:m{curator}"), dueAt, cancellationToken);
            }
        }
    }

    private sealed class PollRow
    {
        public long Id { get; init; }
        public long MenteeMembershipId { get; init; }
        public DateTime DueAt { get; init; }
        public DateTime ExpiresAt { get; init; }
    }

    private async Task FeedbackPollsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganisationClock organisation, HashSet<long> paused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT f.id, f.mentee_membership_id AS MenteeMembershipId, f.due_at AS DueAt, f.expires_at AS ExpiresAt
              FROM feedback_polls f JOIN meetings mt ON mt.id = f.meeting_id JOIN pairs p ON p.id = mt.pair_id
             WHERE p.organisation_id = @organisationId AND f.answered_at IS NULL AND f.reminded_at IS NULL
               AND f.expires_at > @now AND f.due_at <= @now
             ORDER BY f.id
            """;
        const string markReminded = """
            UPDATE feedback_polls SET reminded_at = @now WHERE id = @id AND reminded_at IS NULL
            """;
        var polls = await connection.QueryAsync<PollRow>(new CommandDefinition(sql, new { organisationId = organisation.Id, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        foreach (var poll in polls)
        {
            if (!Nudges.Unanswered(new DateTimeOffset(DateTime.SpecifyKind(poll.DueAt, DateTimeKind.Utc)), now) || paused.Contains(poll.MenteeMembershipId)) continue;
            // The reminder carries the poll's own score buttons; its key differs from the poll's (poll:{id}).
            var reply = new Reply(ReminderTexts.FeedbackPoll, FeedbackPolls.ScoreButtons(poll.Id));
            // Past the poll's expiry its buttons are refused: the reminder is dropped then rather than sent late.
            await notifier.EnqueueAsync(connection, transaction, poll.MenteeMembershipId, reply, Key($"poll-reminder:{poll.Id}"), organisation.DueAt(now, organisation.Today(now)), cancellationToken,
                new DateTimeOffset(DateTime.SpecifyKind(poll.ExpiresAt, DateTimeKind.Utc)));
            await connection.ExecuteAsync(new CommandDefinition(markReminded, new { id = poll.Id, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        }
    }

    private sealed class SurveyRow
    {
        public long PairId { get; init; }
        public long MembershipId { get; init; }
        public string Questionnaire { get; init; } = "";
        public DateTime DueOn { get; init; }
    }

    private async Task SatisfactionSurveysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganisationClock organisation, HashSet<long> paused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The satisfaction survey is a plan item (road map 6.8); each side answers its own questionnaire with context pair:<id>.
        const string sql = """
            SELECT p.id AS PairId, x.membership_id AS MembershipId, x.questionnaire, pi.due_on::timestamp AS DueOn
              FROM plan_items pi JOIN pairs p ON p.id = pi.pair_id
             CROSS JOIN LATERAL (VALUES (p.mentee_membership_id, 'satisfaction_mentee'), (p.mentor_membership_id, 'satisfaction_mentor')) AS x (membership_id, questionnaire)
             WHERE p.organisation_id = @organisationId AND pi.kind = 'satisfaction_survey' AND p.status IN ('approved', 'active', 'completed')
               AND pi.due_on BETWEEN @oldest::date AND @latest::date
               AND NOT EXISTS (SELECT 1 FROM questionnaire_responses q WHERE q.membership_id = x.membership_id AND q.questionnaire = x.questionnaire
                                  AND q.context_key = 'pair:' || p.id AND q.status = 'completed')
             ORDER BY p.id, x.questionnaire
            """;
        var today = organisation.Today(now);
        var latest = today.AddDays(-Nudges.UnansweredDays);
        var oldest = latest.AddDays(-Nudges.GraceDays);
        var surveys = await connection.QueryAsync<SurveyRow>(new CommandDefinition(sql, new
        {
            organisationId = organisation.Id,
            oldest = oldest.ToDateTime(TimeOnly.MinValue),
            latest = latest.ToDateTime(TimeOnly.MinValue),
        }, transaction, cancellationToken: cancellationToken));
        foreach (var survey in surveys)
        {
            if (paused.Contains(survey.MembershipId)) continue;
            var contextKey = string.Create(CultureInfo.InvariantCulture, $"pair:{survey.PairId}");
            var reply = Reply.WithChoices(ReminderTexts.SatisfactionSurvey,
                new Choice(ReminderTexts.Answer, ReminderButtons.StartQuestionnaire(survey.Questionnaire, contextKey)));
            await notifier.EnqueueAsync(connection, transaction, survey.MembershipId, reply, Key($"survey:p{survey.PairId}:{survey.Questionnaire}"),
                organisation.DueAt(now, today), cancellationToken);
        }
    }

    private static string Key(FormattableString key) => FormattableString.Invariant(key);
}
