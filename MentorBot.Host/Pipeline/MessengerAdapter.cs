using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Pipeline;

/// <summary>
/// The messenger-specific half of the pipeline (DESIGN.md decision 2): reads stored updates and renders
/// replies as outbox rows. Telegram is one implementation; a MAX adapter would be another folder.
/// </summary>
public interface IMessengerAdapter
{
    /// <summary>Reads a recorded update; null when it carries nothing the bot acts on (e.g. a channel post, a sticker).</summary>
    /// <param name="source">The inbox source (<c>telegram</c>, <c>max</c>, <c>console</c>).</param>
    /// <param name="updateId">The update id.</param>
    /// <param name="payloadJson">The update as received.</param>
    /// <exception cref="System.Text.Json.JsonException">The payload is not an update.</exception>
    IncomingUpdate? Read(string source, long updateId, string payloadJson);

    /// <summary>Renders <paramref name="reply"/> as one or more rows (long texts are split), keys <c>{keyPrefix}.{n}</c>.</summary>
    /// <exception cref="ArgumentException">A choice's data breaks the 64-byte limit.</exception>
    IReadOnlyList<OutboxMessage> Render(Reply reply, long chatId, bool isGroup, string keyPrefix, DateTimeOffset dueAt);

    /// <summary>Renders a file to send (Bot API sendDocument: ≤ 50 MB, caption ≤ 1024 characters, HTML).</summary>
    OutboxMessage RenderDocument(string fileName, byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt);

    /// <summary>Renders a picture to show in the chat (Bot API sendPhoto: ≤ 10 MB, caption ≤ 1024 characters, HTML).</summary>
    /// <exception cref="ArgumentException"><paramref name="content"/> is empty or over the messenger's photo size limit.</exception>
    OutboxMessage RenderPhoto(byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt);

    /// <summary>Renders the acknowledgement of a button press (Bot API answerCallbackQuery; text ≤ 200 characters, shown as a toast).</summary>
    OutboxMessage AnswerChoice(string callbackQueryId, long chatId, string? text, string key, DateTimeOffset dueAt);
}

/// <summary>
/// The messenger adapters of the host (issue 16: one host serves Telegram and MAX): the unkeyed
/// <see cref="IMessengerAdapter"/> is Telegram's, the others (MAX, the console chat) are keyed services named by
/// <see cref="Messengers"/>.
/// </summary>
/// <param name="telegram">The unkeyed adapter.</param>
/// <param name="services">Where the other messengers' adapters come from.</param>
public sealed class MessengerAdapters(IMessengerAdapter telegram, IServiceProvider services)
{
    /// <summary>The adapter of <paramref name="messenger"/>.</summary>
    /// <exception cref="InvalidOperationException">That messenger is not configured in this host.</exception>
    public IMessengerAdapter For(string messenger) =>
        messenger == Messengers.Telegram ? telegram : services.GetRequiredKeyedService<IMessengerAdapter>(messenger);

    /// <summary>The adapter that reads the updates of inbox <paramref name="source"/>.</summary>
    public IMessengerAdapter ForSource(string source) => For(Messengers.OfSource(source));
}
