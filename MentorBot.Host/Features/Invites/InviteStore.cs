using Dapper;
using MentorBot.Domain.Invites;
using MentorBot.Domain.Organisations;
using Npgsql;

namespace MentorBot.Host.Features.Invites;

/// <summary>A stored invite, read for redemption.</summary>
public sealed class StoredInvite
{
    /// <summary>The organisation it joins.</summary>
    public Guid OrganisationId { get; init; }

    /// <summary>The role code it grants.</summary>
    public string Role { get; init; } = "";

    /// <summary>Uses allowed; null = unlimited.</summary>
    public int? MaxUses { get; init; }

    /// <summary>Uses so far.</summary>
    public int Uses { get; init; }

    /// <summary>When it stops working (UTC); null = never.</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>Whether it may be redeemed at <paramref name="now"/>.</summary>
    public InviteStatus StatusAt(DateTimeOffset now) =>
        InviteRules.Check(MaxUses, Uses, ExpiresAt is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : null, now);
}

/// <summary>A freshly created invite.</summary>
/// <param name="Token">The secret (<see cref="InviteToken"/>).</param>
/// <param name="ExpiresAt">When it stops working, or null.</param>
/// <param name="MaxUses">Uses allowed, or null for unlimited.</param>
public sealed record CreatedInvite(string Token, DateTimeOffset? ExpiresAt, int? MaxUses);

/// <summary>SQL of <c>invites</c>.</summary>
public static class InviteStore
{
    /// <summary>
    /// Creates an invite to <paramref name="organisationId"/> for <paramref name="role"/> with
    /// <paramref name="limits"/>; <paramref name="createdBy"/> is the curator's participant id (null from the CLI).
    /// </summary>
    public static async Task<CreatedInvite> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, Role role,
        InviteLimits limits, long? createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO invites (token, organisation_id, role, max_uses, expires_at, created_by, created_at)
            VALUES (@token, @organisationId, @role, @maxUses, @expiresAt, @createdBy, @now)
            """;
        var token = InviteToken.New();
        DateTimeOffset? expiresAt = limits.Lifetime is { } lifetime ? now + lifetime : null;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            token, organisationId, role = role.Code(), maxUses = limits.MaxUses, expiresAt = expiresAt?.UtcDateTime, createdBy, now = now.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
        return new CreatedInvite(token, expiresAt, limits.MaxUses);
    }

    /// <summary>
    /// The invite with <paramref name="token"/>, locked until the transaction ends so that two people
    /// redeeming its last use at once are served one after the other; null when there is none.
    /// </summary>
    public static Task<StoredInvite?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string token, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT organisation_id, role, max_uses, uses, expires_at FROM invites WHERE token = @token FOR UPDATE
            """;
        return connection.QuerySingleOrDefaultAsync<StoredInvite>(new CommandDefinition(sql, new { token }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Counts one use of a locked, valid invite (the table's CHECK refuses going past max_uses).</summary>
    public static Task CountUseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string token, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE invites SET uses = uses + 1 WHERE token = @token";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { token }, transaction, cancellationToken: cancellationToken));
    }
}
