using System.Globalization;
using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Meetings;
using MentorBot.Host.Outbox;
using Npgsql;

namespace MentorBot.Host.Features.Meetings;

/// <summary>
/// «Нужна помощь куратора» (issue 6; mentees too, issue 17): a mentor's or mentee's flag is a <c>flags</c> row;
/// every curator of the organisation gets it at once with a «resolved» button (<c>flag:resolve:&lt;id&gt;</c>).
/// </summary>
public static class FlagStore
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "flag";

    /// <summary>
    /// Records the flag <paramref name="text"/> raised by <paramref name="raisedBy"/> (a membership) and enqueues
    /// <paramref name="curatorText"/> (who asks and the text, <see cref="MeetingsTexts.FlagForCurator"/>) to the
    /// curators now; returns its id.
    /// </summary>
    public static async Task<long> RaiseAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Notifier notifier, Guid organisationId, long? pairId,
        long raisedBy, string curatorText, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string insert = """
            INSERT INTO flags (organisation_id, pair_id, raised_by, text, raised_at)
            VALUES (@organisationId, @pairId, @raisedBy, @text, @now)
            RETURNING id
            """;
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(insert,
            new { organisationId, pairId, raisedBy, text, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        var reply = Reply.WithChoices(curatorText,
            new Choice(MeetingsTexts.ResolveLabel, $"{Prefix}:resolve:{id.ToString(CultureInfo.InvariantCulture)}"));
        foreach (var curator in await Organisations.MembershipStore.WithRoleAsync(connection, transaction, organisationId, Domain.Organisations.Role.Curator, cancellationToken))
            await notifier.EnqueueAsync(connection, transaction, curator, reply, $"flag:{id}:{curator}", now, cancellationToken);
        return id;
    }

    /// <summary>What resolving did.</summary>
    public enum ResolveResult
    {
        /// <summary>Marked resolved now.</summary>
        Resolved,

        /// <summary>It was resolved before.</summary>
        AlreadyResolved,

        /// <summary>No such flag in the organisation.</summary>
        NotFound,
    }

    /// <summary>Marks the flag resolved by the curator and tells the mentor who raised it.</summary>
    public static async Task<ResolveResult> ResolveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Notifier notifier, Guid organisationId, long flagId,
        long curatorParticipantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE flags SET resolved_at = @now, resolved_by = @curatorParticipantId
             WHERE id = @flagId AND organisation_id = @organisationId AND resolved_at IS NULL
            RETURNING raised_by AS RaisedBy, text AS Text
            """;
        var row = await connection.QuerySingleOrDefaultAsync<(long RaisedBy, string Text)?>(new CommandDefinition(sql,
            new { flagId, organisationId, curatorParticipantId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        if (row is { } resolved)
        {
            await notifier.EnqueueAsync(connection, transaction, resolved.RaisedBy, Reply.Plain(MeetingsTexts.FlagResolvedForMentor(resolved.Text)),
                $"flag:{flagId}:resolved", now, cancellationToken);
            return ResolveResult.Resolved;
        }

        const string exists = "SELECT count(*)::int FROM flags WHERE id = @flagId AND organisation_id = @organisationId";
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(exists, new { flagId, organisationId }, transaction, cancellationToken: cancellationToken)) > 0
            ? ResolveResult.AlreadyResolved
            : ResolveResult.NotFound;
    }
}
