using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MentorBot.Host.Pipeline;

/// <summary>
/// Handles recorded updates: claims unhandled inbox rows (one per chat at a time, oldest first,
/// <c>FOR UPDATE SKIP LOCKED</c> so instances share the work), routes each to its feature, and commits
/// the feature's effects, the replies and the handled mark in one transaction. This is the one
/// catch-all of the update boundary: a failing handler is rolled back to its savepoint, logged with
/// the update id, and the person gets a short apology; the others' effects are kept.
/// </summary>
public sealed class UpdateProcessor(
    NpgsqlDataSource dataSource,
    ChatRoutes routes,
    MessengerAdapters adapters,
    InboxSignal inboxSignal,
    OutboxSignal outboxSignal,
    TimeProvider time,
    ILogger<UpdateProcessor> logger) : BackgroundService
{
    /// <summary>Updates claimed per transaction.</summary>
    public const int BatchSize = 100;

    /// <summary>Handles up to <paramref name="batchSize"/> pending updates; returns how many were handled.</summary>
    public async Task<int> ProcessPendingAsync(int batchSize = BatchSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A row waits while an earlier update of its chat is unhandled: a chat's updates are handled in the order they arrived
        // (MAX updates have no ids to order them by).
        const string claim = """
            SELECT u.source, u.update_id, u.payload::text AS payload FROM inbound_updates u
            WHERE u.handled_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM inbound_updates e
                              WHERE e.handled_at IS NULL AND e.source = u.source AND e.chat_id = u.chat_id
                                AND (e.received_at, e.arrival) < (u.received_at, u.arrival))
            ORDER BY u.received_at, u.arrival
            LIMIT @batchSize
            FOR UPDATE OF u SKIP LOCKED
            """;
        var rows = (await connection.QueryAsync<PendingRow>(new CommandDefinition(claim, new { batchSize }, transaction, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0) return 0;

        var now = time.GetUtcNow();
        var errors = new string?[rows.Count];
        var afterCommit = new List<Action>();
        // Optimistic pass: the whole batch under one savepoint instead of two round trips per update for its own;
        // handlers rarely fail, and when one does the batch goes back to that savepoint (the claim's row locks stay)
        // and through the careful pass, where only the failing update is rolled back.
        await transaction.SaveAsync("batch", cancellationToken);
        var outgoing = await HandleAllAsync(rows, afterCommit, connection, transaction, now, cancellationToken);
        if (outgoing is null)
        {
            await transaction.RollbackAsync("batch", cancellationToken);
            afterCommit.Clear();
            outgoing = await HandleEachAsync(rows, errors, afterCommit, connection, transaction, now, cancellationToken);
        }

        await OutboxStore.EnqueueAsync(connection, transaction, outgoing, cancellationToken);
        const string markHandled = """
            UPDATE inbound_updates u SET handled_at = @now, error = h.error
            FROM unnest(@sources, @ids, @errors) AS h(source, update_id, error)
            WHERE u.source = h.source AND u.update_id = h.update_id
            """;
        await connection.ExecuteAsync(new CommandDefinition(markHandled, new
        {
            now = now.UtcDateTime,
            sources = rows.Select(r => r.Source).ToArray(),
            ids = rows.Select(r => r.UpdateId).ToArray(),
            errors,
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        foreach (var messenger in outgoing.Select(o => o.Messenger).Distinct()) outboxSignal.Notify(messenger);
        foreach (var effect in afterCommit)
        {
            try
            {
                effect();
            }
            catch (Exception e)
            {
                // The data is committed; what failed outside it is repaired by its own sync (e.g. RecurringJobs at start).
                logger.LogError(e, "An effect after committing an update failed");
            }
        }

        return rows.Count;
    }

    /// <summary>Handles every row without savepoints; null when a handler failed (nothing of the pass may be kept).</summary>
    private async Task<List<OutboxMessage>?> HandleAllAsync(List<PendingRow> rows, List<Action> afterCommit, NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outgoing = new List<OutboxMessage>();
        foreach (var row in rows)
        {
            try
            {
                var (produced, effects) = await HandleAsync(row, connection, transaction, now, cancellationToken);
                outgoing.AddRange(produced);
                afterCommit.AddRange(effects);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug("Update {Source}:{UpdateId} failed in the batch ({Error}); handling the batch update by update", row.Source, row.UpdateId, e.GetType().Name);
                return null;
            }
        }

        return outgoing;
    }

    /// <summary>
    /// Handles each row under its own savepoint: a failing handler is rolled back, logged with the update id and
    /// recorded in <paramref name="errors"/>, and the person gets a short apology.
    /// </summary>
    private async Task<List<OutboxMessage>> HandleEachAsync(List<PendingRow> rows, string?[] errors, List<Action> afterCommit, NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outgoing = new List<OutboxMessage>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            await transaction.SaveAsync("update", cancellationToken);
            try
            {
                var (produced, effects) = await HandleAsync(row, connection, transaction, now, cancellationToken);
                await transaction.ReleaseAsync("update", cancellationToken);
                // Only now are the handler's writes kept, so only now do its replies (and effects after commit) join the batch.
                outgoing.AddRange(produced);
                afterCommit.AddRange(effects);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                await transaction.RollbackAsync("update", cancellationToken);
                logger.LogError(e, "Handling update {Source}:{UpdateId} failed", row.Source, row.UpdateId);
                errors[i] = Truncate($"{e.GetType().Name}: {e.Message}", 500);
                if (ReadOrNull(row) is { } update)
                {
                    var adapter = adapters.ForSource(row.Source);
                    outgoing.AddRange(adapter.Render(Reply.Plain(PipelineTexts.Apology), update.ChatId, update.IsGroup, ChatContext.OutboxKey(row.Source, row.UpdateId, "apology"), now));
                    if (update.CallbackQueryId is not null)
                        outgoing.Add(adapter.AnswerChoice(update.CallbackQueryId, update.ChatId, null, ChatContext.OutboxKey(row.Source, row.UpdateId, ChatContext.AckSuffix), now));
                }
            }
        }

        return outgoing;
    }

    /// <summary>
    /// Routes one update to its feature; returns the outbox rows it produced (none for an update the adapter skips) and
    /// the effects it asked for once committed (<see cref="ChatContext.AfterCommit"/>).
    /// </summary>
    private async Task<(IReadOnlyList<OutboxMessage> Outgoing, IReadOnlyList<Action> Effects)> HandleAsync(PendingRow row, NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var adapter = adapters.ForSource(row.Source);
        if (adapter.Read(row.Source, row.UpdateId, row.Payload) is not { } update) return ([], []);
        // A group is no one's private chat: nothing learnt from it (not even the chat), no dialogue touched; a command
        // or button there gets one short answer (issue 12: private notices reached groups after a member wrote there).
        if (update.IsGroup) return (GroupAnswer(update, row, now), []);
        var context = await ChatContext.OpenAsync(update, connection, transaction, adapter, now, cancellationToken);
        await DispatchAsync(context);
        context.AnswerChoice(); // Bot API: always answer a callback query, else the button spins.
        return (context.Outgoing, context.AfterCommitActions);
    }

    /// <summary>The update for an apology: null when the payload itself is what failed.</summary>
    private IncomingUpdate? ReadOrNull(PendingRow row)
    {
        try
        {
            return adapters.ForSource(row.Source).Read(row.Source, row.UpdateId, row.Payload);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Recorded but unhandled updates from before a restart are picked up by the first round.
        // One line when the database goes away and one when it is back, not one per round (issue 12 item 10).
        var outage = new DatabaseOutage(logger, "Update processing");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await ProcessPendingAsync(BatchSize, stoppingToken);
                outage.Succeeded();
                if (handled > 0) continue;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && DatabaseOutage.IsOutage(e))
            {
                outage.Failed(e);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Update processing round failed; retrying");
            }

            await inboxSignal.WaitAsync(TimeSpan.FromMilliseconds(500), stoppingToken);
        }
    }

    private async Task DispatchAsync(ChatContext context)
    {
        var input = context.Update.Input;
        ChatHandler? handler = input switch
        {
            CommandInput command => routes.ForCommand(command.Name) ?? routes.FallbackHandler,
            ChoiceInput choice => routes.ForChoice(choice.Data) ?? ExpiredChoice,
            DocumentInput => await DocumentHandlerAsync(context),
            EditedTextInput => routes.EditHandler,
            BotStoppedInput => StoppedAsync,
            _ => await FlowHandlerAsync(context) ?? routes.FallbackHandler,
        };
        if (handler is not null)
            await handler(context, input);
    }

    /// <summary>A document goes to an open flow that collects files, else to the document handler, else like text.</summary>
    private async Task<ChatHandler?> DocumentHandlerAsync(ChatContext context)
    {
        var conversation = await context.GetConversationAsync();
        if (conversation is not null && routes.TakesDocuments(conversation.Flow)) return routes.ForFlow(conversation.Flow);
        return routes.DocumentHandler ?? (conversation is null ? null : routes.ForFlow(conversation.Flow)) ?? routes.FallbackHandler;
    }

    private async Task<ChatHandler?> FlowHandlerAsync(ChatContext context)
    {
        var conversation = await context.GetConversationAsync();
        return conversation is null ? null : routes.ForFlow(conversation.Flow);
    }

    private IReadOnlyList<OutboxMessage> GroupAnswer(IncomingUpdate update, PendingRow row, DateTimeOffset now)
    {
        if (update.Input is not (CommandInput or ChoiceInput)) return [];
        var adapter = adapters.ForSource(row.Source);
        var answer = adapter.Render(Reply.Plain(PipelineTexts.PrivateChatsOnly), update.ChatId, true, ChatContext.OutboxKey(row.Source, row.UpdateId, "group"), now).ToList();
        if (update.CallbackQueryId is not null)
            answer.Add(adapter.AnswerChoice(update.CallbackQueryId, update.ChatId, null, ChatContext.OutboxKey(row.Source, row.UpdateId, ChatContext.AckSuffix), now));
        return answer;
    }

    /// <summary>The person stopped the bot in this messenger: that account is unreachable (their other one, if any, is not).</summary>
    private static Task StoppedAsync(ChatContext context, ChatInput input) =>
        ParticipantStore.MarkAccountUnreachableAsync(context.Connection, context.Transaction, context.Update.Messenger, context.Update.From.UserId, context.CancellationToken);

    private static Task ExpiredChoice(ChatContext context, ChatInput input)
    {
        context.AnswerChoice(PipelineTexts.ButtonExpired);
        return Task.CompletedTask;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record PendingRow(string Source, long UpdateId, string Payload);
}
