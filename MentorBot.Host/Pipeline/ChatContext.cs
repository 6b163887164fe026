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
    private bool choiceAnswered;

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

    /// <summary>Acknowledges the button press with a short toast (≤ 200 characters), or silently with null.</summary>
    public void AnswerChoice(string? text = null)
    {
        if (Update.CallbackQueryId is null || choiceAnswered) return;
        choiceAnswered = true;
        outgoing.Add(adapter.AnswerChoice(Update.CallbackQueryId, Update.ChatId, text, OutboxKey(Update.Source, Update.UpdateId, AckSuffix), Now));
    }

    /// <summary>The chat's open conversation, or null.</summary>
    public Task<ConversationState?> GetConversationAsync() => ConversationStore.GetAsync(Connection, Transaction, Update.ChatId, CancellationToken);

    /// <summary>Opens or moves the chat's conversation.</summary>
    public Task SaveConversationAsync(ConversationState state) => ConversationStore.SaveAsync(Connection, Transaction, Update.ChatId, state, Now, CancellationToken);

    /// <summary>Closes the chat's conversation; true when one was open.</summary>
    public Task<bool> ClearConversationAsync() => ConversationStore.ClearAsync(Connection, Transaction, Update.ChatId, CancellationToken);

    /// <summary>Key suffix of the acknowledgement of a button press (one per update).</summary>
    internal const string AckSuffix = "ack";

    /// <summary>
    /// The idempotency key of an outbox row produced by an update: <c>upd:{source}:{update_id}:{suffix}</c>,
    /// so handling the same update again cannot send twice.
    /// </summary>
    internal static string OutboxKey(string source, long updateId, string suffix) => $"upd:{source}:{updateId}:{suffix}";
}
