using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using Npgsql;

namespace MentorBot.Host.Pipeline;

/// <summary>
/// What a handler may touch while handling one update: the update, the person, the open conversation
/// and the replies — all inside the update's transaction, so the effects commit together with
/// marking the update handled (exactly-once effects, DESIGN.md decision 4).
/// </summary>
public sealed class ChatContext
{
    private readonly IMessengerAdapter adapter;
    private readonly List<OutboxMessage> outgoing = [];
    private readonly List<Action> afterCommit = [];
    private bool choiceAnswered;

    // The chat's conversation row as this update last read or wrote it (it is locked, so nobody else changes it meanwhile).
    private ConversationState? conversation;
    private bool conversationKnown;

    internal ChatContext(IncomingUpdate update, long participantId, NpgsqlConnection connection, NpgsqlTransaction transaction, IMessengerAdapter adapter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Update = update;
        ParticipantId = participantId;
        Connection = connection;
        Transaction = transaction;
        this.adapter = adapter;
        Now = now;
        CancellationToken = cancellationToken;
    }

    /// <summary>
    /// Starts handling <paramref name="update"/>: records its sender (<see cref="ParticipantStore.TouchAsync"/>) and reads
    /// the chat's open conversation, locked, in one round trip — every update needs the first, and any text the second.
    /// </summary>
    internal static async Task<ChatContext> OpenAsync(IncomingUpdate update, NpgsqlConnection connection, NpgsqlTransaction transaction, IMessengerAdapter adapter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var arguments = ParticipantStore.TouchArguments(update.Messenger, update.From, update.ChatId, now);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            ParticipantStore.TouchSql + ";\n" + ConversationStore.GetSql, arguments, transaction, cancellationToken: cancellationToken));
        var participantId = await results.ReadSingleAsync<long>();
        return new ChatContext(update, participantId, connection, transaction, adapter, now, cancellationToken)
        {
            conversation = await results.ReadSingleOrDefaultAsync<ConversationState>(),
            conversationKnown = true,
        };
    }

    /// <summary>The update being handled.</summary>
    public IncomingUpdate Update { get; }

    /// <summary>The <c>participants.id</c> of the person who sent it.</summary>
    public long ParticipantId { get; }

    /// <summary>The update's connection; features run their SQL on it with <see cref="Transaction"/>.</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>The update's transaction.</summary>
    public NpgsqlTransaction Transaction { get; }

    /// <summary>The moment the update is handled (from the injected clock).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Cancels the handling (the host is stopping).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The outbox rows this update produced so far.</summary>
    internal IReadOnlyList<OutboxMessage> Outgoing => outgoing;

    /// <summary>The effects outside the database this update asked for once its writes are committed.</summary>
    internal IReadOnlyList<Action> AfterCommitActions => afterCommit;

    /// <summary>
    /// Runs <paramref name="action"/> once this update's writes are committed, and never when they are rolled back: for
    /// effects outside the update's transaction (rescheduling a Hangfire job), so they never run ahead of the data they follow.
    /// </summary>
    public void AfterCommit(Action action) => afterCommit.Add(action);

    /// <summary>Sends <paramref name="reply"/> to the chat (through the outbox, with a key derived from the update).</summary>
    public void Reply(Reply reply)
    {
        var key = OutboxKey(Update.Source, Update.UpdateId, outgoing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        outgoing.AddRange(adapter.Render(reply, Update.ChatId, Update.IsGroup, key, Now));
    }

    /// <summary>Sends a file to the chat (an order draft, an export) through the outbox, after the replies so far.</summary>
    /// <param name="fileName">The name the person sees («Приказ.docx»).</param>
    /// <param name="content">The file's bytes (Bot API: ≤ 50 MB).</param>
    /// <param name="caption">Plain-text caption (≤ 1024 characters), or null.</param>
    public void ReplyDocument(string fileName, byte[] content, string? caption = null)
    {
        var key = OutboxKey(Update.Source, Update.UpdateId, outgoing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ".doc";
        outgoing.Add(adapter.RenderDocument(fileName, content, caption is null ? null : Html.Escape(caption), Update.ChatId, Update.IsGroup, key, Now));
    }

    /// <summary>Shows a picture in the chat (a chart, a photo) through the outbox, after the replies so far.</summary>
    /// <param name="content">PNG or JPEG bytes (Bot API sendPhoto: ≤ 10 MB).</param>
    /// <param name="caption">Plain-text caption (≤ 1024 characters), or null.</param>
    /// <exception cref="ArgumentException">The picture is empty or over 10 MB.</exception>
    public void ReplyPhoto(byte[] content, string? caption = null)
    {
        var key = OutboxKey(Update.Source, Update.UpdateId, outgoing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ".photo";
        outgoing.Add(adapter.RenderPhoto(content, caption is null ? null : Html.Escape(caption), Update.ChatId, Update.IsGroup, key, Now));
    }

    /// <summary>Acknowledges the button press with a short toast (≤ 200 characters), or silently with null.</summary>
    public void AnswerChoice(string? text = null)
    {
        if (Update.CallbackQueryId is null || choiceAnswered) return;
        choiceAnswered = true;
        outgoing.Add(adapter.AnswerChoice(Update.CallbackQueryId, Update.ChatId, text, OutboxKey(Update.Source, Update.UpdateId, AckSuffix), Now));
    }

    /// <summary>The chat's open conversation, or null; read once per update (the row stays locked), then as this update saved it.</summary>
    public async Task<ConversationState?> GetConversationAsync()
    {
        if (!conversationKnown)
        {
            conversation = await ConversationStore.GetAsync(Connection, Transaction, Update.Messenger, Update.ChatId, CancellationToken);
            conversationKnown = true;
        }

        return conversation;
    }

    /// <summary>Opens or moves the chat's conversation.</summary>
    public async Task SaveConversationAsync(ConversationState state)
    {
        await ConversationStore.SaveAsync(Connection, Transaction, Update.Messenger, Update.ChatId, state, Now, CancellationToken);
        (conversation, conversationKnown) = (state, true);
    }

    /// <summary>Closes the chat's conversation; true when one was open.</summary>
    public async Task<bool> ClearConversationAsync()
    {
        var cleared = await ConversationStore.ClearAsync(Connection, Transaction, Update.Messenger, Update.ChatId, CancellationToken);
        (conversation, conversationKnown) = (null, true);
        return cleared;
    }

    /// <summary>For SQL that changed the chat's conversation row behind this context (erasure): the next read goes to the database.</summary>
    public void ForgetConversation() => conversationKnown = false;

    /// <summary>Key suffix of the acknowledgement of a button press (one per update).</summary>
    internal const string AckSuffix = "ack";

    /// <summary>
    /// The idempotency key of an outbox row produced by an update: <c>upd:{source}:{update_id}:{suffix}</c>,
    /// so handling the same update again cannot send twice.
    /// </summary>
    internal static string OutboxKey(string source, long updateId, string suffix) => $"upd:{source}:{updateId}:{suffix}";
}
