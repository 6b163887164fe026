using System.Globalization;
using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Outbox;
using MentorBot.Host.Scheduling;
using Npgsql;

namespace MentorBot.Host.Features.Meetings;

/// <summary>
/// The end of a pair's term (road map 6.8 and stage 7): the pair becomes <c>completed</c> and, once,
/// the mentor gets the satisfaction survey (<c>q:start:satisfaction_mentor:pair:&lt;id&gt;</c>), the
/// mentee the satisfaction survey and the final self-assessment (<c>q:start:satisfaction_mentee:…</c>,
/// <c>q:start:final_self_assessment:…</c>; the questionnaires feature runs them), delivered in the
/// organisation's working hours (<see cref="DeliveryWindow.WorkingHours"/>). «Once» rests on the status
/// change: the row lock lets only one run (or instance) move a pair from approved/active to completed,
/// and the outbox keys <c>term:&lt;pairId&gt;:mentor|mentee</c> make a repeat a no-op.
/// </summary>
public static class PairTermEnd
{
    private sealed class EndedPair
    {
        public long Id { get; init; }
        public long MentorMembershipId { get; init; }
        public long MenteeMembershipId { get; init; }
        public string MentorName { get; init; } = "";
        public string MenteeName { get; init; } = "";
        public string TimeZone { get; init; } = "";
    }

    /// <summary>
    /// Completes the live pairs whose <c>ends_on</c> is before the organisation's local today — or, with
    /// <paramref name="closeOrganisation"/>, every live pair of that organisation (the curator closes the
    /// programme; <c>ends_on</c> becomes today when later or unset) — and enqueues the surveys. Returns how many pairs ended.
    /// </summary>
    public static async Task<int> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Notifier notifier, DateTimeOffset now, Guid? closeOrganisation, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH ended AS (
                UPDATE pairs p
                   SET status = 'completed',
                       ends_on = CASE WHEN @closeOrganisation::uuid IS NULL THEN p.ends_on
                                      ELSE least(coalesce(p.ends_on, (@now AT TIME ZONE o.time_zone)::date), (@now AT TIME ZONE o.time_zone)::date) END
                  FROM organisations o
                 WHERE o.id = p.organisation_id AND p.status IN ('approved', 'active')
                   AND (CASE WHEN @closeOrganisation::uuid IS NULL THEN p.ends_on < (@now AT TIME ZONE o.time_zone)::date
                             ELSE p.organisation_id = @closeOrganisation::uuid END)
                RETURNING p.id, p.mentor_membership_id, p.mentee_membership_id, o.time_zone
            )
            SELECT e.id, e.mentor_membership_id, e.mentee_membership_id, e.time_zone,
                   coalesce(mentor.full_name, 'наставник') AS mentor_name, coalesce(mentee.full_name, 'наставляемый') AS mentee_name
              FROM ended e
              JOIN memberships mentor ON mentor.id = e.mentor_membership_id
              JOIN memberships mentee ON mentee.id = e.mentee_membership_id
             ORDER BY e.id
            """;
        var ended = (await connection.QueryAsync<EndedPair>(new CommandDefinition(sql,
            new { now = now.UtcDateTime, closeOrganisation }, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var pair in ended)
        {
            var dueAt = DeliveryWindow.WorkingHours.Next(now, TimeZoneInfo.FindSystemTimeZoneById(pair.TimeZone));
            var context = "pair:" + pair.Id.ToString(CultureInfo.InvariantCulture);
            await notifier.EnqueueAsync(connection, transaction, pair.MentorMembershipId,
                Reply.WithChoices(MeetingsTexts.TermEndedMentor(pair.MenteeName), new Choice(MeetingsTexts.SatisfactionLabel, $"q:start:satisfaction_mentor:{context}")),
                $"term:{pair.Id}:mentor", dueAt, cancellationToken);
            await notifier.EnqueueAsync(connection, transaction, pair.MenteeMembershipId,
                Reply.WithChoices(MeetingsTexts.TermEndedMentee(pair.MentorName),
                    new Choice(MeetingsTexts.SatisfactionLabel, $"q:start:satisfaction_mentee:{context}"),
                    new Choice(MeetingsTexts.SelfAssessmentLabel, $"q:start:final_self_assessment:{context}")),
                $"term:{pair.Id}:mentee", dueAt, cancellationToken);
        }

        return ended.Count;
    }

    /// <summary>How many live (approved or active) pairs the organisation has.</summary>
    public static Task<int> LivePairCountAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT count(*)::int FROM pairs WHERE organisation_id = @organisationId AND status IN ('approved', 'active')";
        return connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
    }
}

/// <summary>Ends pairs whose term is over (<see cref="PairTermEnd"/>); hourly, so a term ends within the hour of the local midnight.</summary>
public sealed class PairTermJob(NpgsqlDataSource dataSource, Notifier notifier) : IScheduledJob
{
    /// <inheritdoc />
    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await PairTermEnd.CompleteAsync(connection, transaction, notifier, now, closeOrganisation: null, cancellationToken);
        JobRun.Note($"pairs whose term ended, completed: {ended}");
        await JobRun.CommitAsync(transaction, cancellationToken);
    }
}
