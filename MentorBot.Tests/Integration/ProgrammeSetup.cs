using Dapper;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;

namespace MentorBot.Tests.Integration;

/// <summary>
/// Shortcuts that put people into an organisation directly in the database, for tests of features
/// that come after onboarding (road map, matching, meetings, reminders). Onboarding's own tests go
/// through invites and consents in chat instead.
/// </summary>
public static class ProgrammeSetup
{
    /// <summary>Creates an organisation; returns it.</summary>
    public static async Task<Organisation> CreateOrganisationAsync(this PipelineHarness harness, string name = "МБОУ СОШ № 1", string timeZone = "Asia/Omsk")
    {
        var id = Guid.NewGuid();
        await harness.ExecuteAsync("INSERT INTO organisations (id, name, time_zone) VALUES (@id, @name, @timeZone)", new { id, name, timeZone });
        return new Organisation(id, name, timeZone);
    }

    /// <summary>
    /// Adds user <paramref name="userId"/> of their messenger (<see cref="PipelineHarness.MessengerOf"/>, with its private chat) to
    /// <paramref name="organisation"/> with <paramref name="roles"/>, a full name and position, and —
    /// unless <paramref name="consented"/> is false — a given personal-data consent (and, for mentors,
    /// the mentoring-duties consent). Returns the membership id.
    /// </summary>
    public static async Task<long> AddMemberAsync(this PipelineHarness harness, Organisation organisation, long userId, string fullName, Role[] roles,
        string? position = null, string? subject = null, bool consented = true)
    {
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var messenger = harness.MessengerOf(userId);
        var participantId = await PersonAsync(connection, messenger.Messenger, userId, messenger.ChatOf(userId), fullName.Split(' ').Last());
        var now = harness.Clock.GetUtcNow();
        long membershipId = 0;
        foreach (var role in roles)
            membershipId = await MembershipStore.GrantAsync(connection, null, organisation.Id, participantId, role, now, CancellationToken.None);
        await connection.ExecuteAsync("UPDATE memberships SET full_name = @fullName, position = @position, subject = @subject WHERE id = @membershipId",
            new { fullName, position, subject, membershipId });
        if (consented)
        {
            await Consent(connection, organisation.Id, participantId, "personal_data", now, messenger.Messenger);
            if (roles.Contains(Role.Mentor)) await Consent(connection, organisation.Id, participantId, "mentoring_duties", now, messenger.Messenger);
        }

        return membershipId;
    }

    /// <summary>The participant of Telegram user <paramref name="userId"/> (its account's private chat is the user id), created with the account when new.</summary>
    public static Task<long> TelegramPersonAsync(Npgsql.NpgsqlConnection connection, long userId, string firstName = "Анна") =>
        PersonAsync(connection, "telegram", userId, userId, firstName);

    /// <summary>The participant of user <paramref name="userId"/> of <paramref name="messenger"/>, created with its account (private chat <paramref name="chatId"/>) when new.</summary>
    public static async Task<long> PersonAsync(Npgsql.NpgsqlConnection connection, string messenger, long userId, long chatId, string firstName = "Анна")
    {
        const string sql = """
            WITH known AS (SELECT participant_id AS id FROM messenger_accounts WHERE messenger = @messenger AND external_user_id = @userId),
                 renamed AS (UPDATE participants SET first_name = @firstName WHERE id IN (SELECT id FROM known)),
                 created AS (INSERT INTO participants (first_name) SELECT @firstName WHERE NOT EXISTS (SELECT 1 FROM known) RETURNING id),
                 account AS (INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name)
                             SELECT id, @messenger, @userId, @chatId, @firstName FROM created RETURNING participant_id)
            SELECT id FROM known UNION ALL SELECT participant_id FROM account
            """;
        return await connection.ExecuteScalarAsync<long>(sql, new { messenger, userId, chatId, firstName });
    }

    private static Task Consent(Npgsql.NpgsqlConnection connection, Guid organisationId, long participantId, string kind, DateTimeOffset now, string channel) =>
        connection.ExecuteAsync("""
            INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at)
            VALUES (@organisationId, @participantId, @kind, 'given', 'test', @channel, @now)
            """, new { organisationId, participantId, kind, channel, now = now.UtcDateTime });
}
