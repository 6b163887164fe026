using Dapper;
using MentorBot.Domain.Accounts;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Accounts;

/// <summary>One of a person's messenger accounts, as the settings screen lists it.</summary>
/// <param name="Id"><c>messenger_accounts.id</c>.</param>
/// <param name="Messenger"><c>telegram</c> or <c>max</c>.</param>
/// <param name="ExternalUserId">The messenger's user id.</param>
/// <param name="Status"><c>active</c> or <c>unreachable</c>.</param>
public sealed record AccountRow(long Id, string Messenger, long ExternalUserId, string Status);

/// <summary>SQL of linking accounts and choosing where background messages go, inside the update's transaction.</summary>
public static class AccountStore
{
    /// <summary>The sender's own account row id.</summary>
    public static Task<long> CurrentAccountAsync(ChatContext context) => Scalar<long>(context,
        "SELECT id FROM messenger_accounts WHERE messenger = @messenger AND external_user_id = @userId",
        new { messenger = context.Update.Messenger, userId = context.Update.From.UserId });

    /// <summary>True when the sender's participant has any membership (so it is someone of its own, not a fresh account).</summary>
    public static Task<bool> HasMembershipsAsync(ChatContext context) => Scalar<bool>(context,
        "SELECT EXISTS (SELECT 1 FROM memberships WHERE participant_id = @participantId)", new { participantId = context.ParticipantId });

    /// <summary>Stores a new code of the sender's participant, valid <see cref="LinkCode.Lifetime"/>.</summary>
    public static Task SaveCodeAsync(ChatContext context, string code) => Execute(context,
        "INSERT INTO account_link_codes (code_hash, participant_id, created_at, expires_at) VALUES (@hash, @participantId, @now, @expires)",
        new { hash = LinkCode.Hash(code), participantId = context.ParticipantId, now = context.Now.UtcDateTime, expires = (context.Now + LinkCode.Lifetime).UtcDateTime });

    /// <summary>Wrong codes the account sent within the attempt window.</summary>
    public static Task<long> RecentWrongAttemptsAsync(ChatContext context, long accountId) => Scalar<long>(context,
        "SELECT count(*) FROM account_link_attempts WHERE account_id = @accountId AND attempted_at > @since",
        new { accountId, since = (context.Now - LinkCode.AttemptWindow).UtcDateTime });

    /// <summary>Counts a wrong code against the account.</summary>
    public static Task RecordWrongAttemptAsync(ChatContext context, long accountId) => Execute(context,
        "INSERT INTO account_link_attempts (account_id, attempted_at) VALUES (@accountId, @now)", new { accountId, now = context.Now.UtcDateTime });

    /// <summary>The participant a valid, unused code belongs to (locked), or null.</summary>
    public static Task<long?> CodeOwnerAsync(ChatContext context, string code) => Scalar<long?>(context,
        "SELECT participant_id FROM account_link_codes WHERE code_hash = @hash AND used_at IS NULL AND expires_at > @now FOR UPDATE",
        new { hash = LinkCode.Hash(code), now = context.Now.UtcDateTime });

    /// <summary>True when <paramref name="participantId"/> already has an account in <paramref name="messenger"/>.</summary>
    public static Task<bool> HasAccountInAsync(ChatContext context, long participantId, string messenger) => Scalar<bool>(context,
        "SELECT EXISTS (SELECT 1 FROM messenger_accounts WHERE participant_id = @participantId AND messenger = @messenger)", new { participantId, messenger });

    /// <summary>
    /// Uses the code and moves <paramref name="accountId"/> to <paramref name="owner"/>; the participant the account
    /// leaves is deleted when nothing else refers to it (a person created only by that account's <c>/start</c>).
    /// </summary>
    public static async Task LinkAsync(ChatContext context, string code, long accountId, long owner)
    {
        const string link = """
            UPDATE account_link_codes SET used_at = @now WHERE code_hash = @hash;
            UPDATE messenger_accounts SET participant_id = @owner, last_used_at = @now WHERE id = @accountId;
            """;
        await Execute(context, link, new { hash = LinkCode.Hash(code), owner, accountId, now = context.Now.UtcDateTime });
        await context.Transaction.SaveAsync("left_participant", context.CancellationToken);
        try
        {
            await Execute(context, "DELETE FROM participants p WHERE id = @left AND NOT EXISTS (SELECT 1 FROM messenger_accounts WHERE participant_id = p.id)",
                new { left = context.ParticipantId });
            await context.Transaction.ReleaseAsync("left_participant", context.CancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.ForeignKeyViolation)
        {
            // Something still names the empty participant (an invite it created, a ledger line): it stays, without accounts.
            await context.Transaction.RollbackAsync("left_participant", context.CancellationToken);
        }
    }

    /// <summary>The person's accounts, Telegram first.</summary>
    public static async Task<IReadOnlyList<AccountRow>> AccountsAsync(ChatContext context) =>
        (await context.Connection.QueryAsync<AccountRow>(new CommandDefinition(
            "SELECT id, messenger, external_user_id, status FROM messenger_accounts WHERE participant_id = @participantId ORDER BY messenger DESC, id",
            new { participantId = context.ParticipantId }, context.Transaction, cancellationToken: context.CancellationToken))).ToList();

    /// <summary>The account chosen for background messages, or null for the account used last.</summary>
    public static Task<long?> NotifyAccountAsync(ChatContext context) => Scalar<long?>(context,
        "SELECT notify_account_id FROM participants WHERE id = @participantId", new { participantId = context.ParticipantId });

    /// <summary>Chooses the account for background messages (null: the one used last); false when it is not the person's active account.</summary>
    public static async Task<bool> ChooseNotifyAccountAsync(ChatContext context, long? accountId) => await context.Connection.ExecuteAsync(new CommandDefinition("""
        UPDATE participants p SET notify_account_id = @accountId, updated_at = @now
         WHERE p.id = @participantId
           AND (@accountId::bigint IS NULL OR EXISTS (SELECT 1 FROM messenger_accounts a WHERE a.id = @accountId AND a.participant_id = p.id AND a.status = 'active'))
        """, new { accountId, participantId = context.ParticipantId, now = context.Now.UtcDateTime }, context.Transaction, cancellationToken: context.CancellationToken)) > 0;

    /// <summary>Removes one of the person's accounts (the person stays); returns its messenger, or null when it is not theirs.</summary>
    public static Task<string?> UnlinkAsync(ChatContext context, long accountId) => Scalar<string?>(context, """
        UPDATE participants SET notify_account_id = NULL WHERE id = @participantId AND notify_account_id = @accountId;
        DELETE FROM messenger_accounts WHERE id = @accountId AND participant_id = @participantId RETURNING messenger;
        """, new { accountId, participantId = context.ParticipantId });

    private static Task<T> Scalar<T>(ChatContext context, string sql, object args) =>
        context.Connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, context.Transaction, cancellationToken: context.CancellationToken))!;

    private static Task Execute(ChatContext context, string sql, object args) =>
        context.Connection.ExecuteAsync(new CommandDefinition(sql, args, context.Transaction, cancellationToken: context.CancellationToken));
}
