using System.Text.Json;
using Dapper;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Banks;

/// <summary>Questionnaire responses in the answers contract's shape, consent events, and one update sent with the reply it got.</summary>
public static class BankTestData
{
    /// <summary>Inserts a <c>questionnaire_responses</c> row; <paramref name="answers"/> is serialised as the contract's JSON object.</summary>
    public static async Task<long> RespondAsync(this PipelineHarness harness, long membershipId, string questionnaire, object answers,
        bool completed = true, string contextKey = "", DateTimeOffset? at = null)
    {
        var when = (at ?? harness.Clock.GetUtcNow()).UtcDateTime;
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO questionnaire_responses (membership_id, questionnaire, version, context_key, status, answers, started_at, updated_at, completed_at)
            VALUES (@membershipId, @questionnaire, 1, @contextKey, @status, @answers::jsonb, @when, @when, @completedAt)
            RETURNING id
            """, new
        {
            membershipId, questionnaire, contextKey,
            status = completed ? "completed" : "in_progress",
            answers = JsonSerializer.Serialize(answers),
            when,
            completedAt = completed ? when : (DateTime?)null,
        });
    }

    /// <summary>Appends a consent event (the ledger is append-only: a later event wins).</summary>
    public static Task ConsentAsync(this PipelineHarness harness, Host.Features.Organisations.Organisation organisation, long userId, string kind, string consentEvent) =>
        harness.ExecuteAsync("""
            INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at)
            SELECT @organisationId, id, @kind, @consentEvent, 'test', @messenger, @now FROM participants WHERE id = (SELECT participant_id FROM messenger_accounts WHERE messenger = @messenger AND external_user_id = @userId)
            """, new { organisationId = organisation.Id, userId, messenger = harness.MessengerOf(userId).Messenger, kind, consentEvent, now = harness.Clock.GetUtcNow().UtcDateTime.AddSeconds(1) });

    /// <summary>Sends one update through the pipeline and returns the last message then queued for the person.</summary>
    public static async Task<ReceivedMessage> SendAsync(this PipelineHarness harness, long userId, PersonUpdate update)
    {
        await harness.RecordAsync(update);
        await harness.ProcessAllAsync();
        return (await harness.QueuedMessagesAsync(userId))[^1];
    }
}
