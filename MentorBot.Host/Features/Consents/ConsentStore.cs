using Dapper;
using MentorBot.Domain.Consents;
using Npgsql;

namespace MentorBot.Host.Features.Consents;

/// <summary>A consent's latest event for one person in one organisation (view <c>current_consents</c>).</summary>
public sealed class ConsentState
{
    /// <summary>personal_data | mentoring_duties | publication.</summary>
    public string Kind { get; init; } = "";

    /// <summary>given | declined | withdrawn.</summary>
    public string Event { get; init; } = "";

    /// <summary>The text version the event was made under.</summary>
    public string TextVersion { get; init; } = "";

    /// <summary>When it happened.</summary>
    public DateTime OccurredAt { get; init; }

    /// <summary>True when the consent is in force.</summary>
    public bool IsGiven => Event == ConsentEvent.Given.Code();
}

/// <summary>
/// SQL of the consent ledger <c>consent_events</c> (152-ФЗ ст. 9 ч. 3: the operator proves the consent;
/// append-only, enforced by a trigger). Other features ask <see cref="IsGivenAsync"/> before they act on
/// a consent (e.g. matching: mentoring duties; publishing: publication).
/// </summary>
public static class ConsentStore
{
    /// <summary>Appends one event; <paramref name="channel"/> is the update's source (telegram | console).</summary>
    public static Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long participantId,
        ConsentKind kind, ConsentEvent consentEvent, string channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at)
            VALUES (@organisationId, @participantId, @kind, @event, @version, @channel, @now)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            organisationId, participantId, kind = kind.Code(), @event = consentEvent.Code(),
            version = ConsentDocuments.VersionOf(kind), channel, now = now.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The latest event of each consent kind the person has one of in the organisation.</summary>
    public static async Task<IReadOnlyList<ConsentState>> CurrentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long participantId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT kind, event, text_version, occurred_at FROM current_consents
             WHERE organisation_id = @organisationId AND participant_id = @participantId
            """;
        return (await connection.QueryAsync<ConsentState>(new CommandDefinition(sql, new { organisationId, participantId }, transaction, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>True when the person's latest <paramref name="kind"/> event in the organisation is «given».</summary>
    public static Task<bool> IsGivenAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long participantId, ConsentKind kind, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT EXISTS (SELECT 1 FROM current_consents
                            WHERE organisation_id = @organisationId AND participant_id = @participantId AND kind = @kind AND event = 'given')
            """;
        return connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { organisationId, participantId, kind = kind.Code() }, transaction, cancellationToken: cancellationToken));
    }
}
