using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// The console chat's side of the pipeline: reads a recorded <see cref="ConsoleUpdate"/> into
/// <see cref="IncomingUpdate"/> and renders replies as console outbox rows (<see cref="ConsoleMessagePayload"/> and its siblings) for
/// <see cref="ConsoleDelivery"/> to print. A terminal has no length or caption limit, so a text is one message; choice
/// data is still checked (<see cref="Choice.HasValidData"/>), so a feature's bad button fails in the console as it
/// would in a messenger.
/// </summary>
public sealed partial class ConsoleAdapter : IMessengerAdapter
{
    /// <summary>The name a picture is saved under (a chart or a photo has no name of its own).</summary>
    public const string PhotoFileName = "photo.png";

    /// <inheritdoc />
    public IncomingUpdate? Read(string source, long updateId, string payloadJson)
    {
        var update = JsonSerializer.Deserialize<ConsoleUpdate>(payloadJson, ConsoleUpdate.Json)
            ?? throw new JsonException("The console update is JSON null.");
        var from = new Sender(update.User, string.Format(CultureInfo.InvariantCulture, ConsoleTexts.UserName, update.User), null, null);
        var id = updateId.ToString(CultureInfo.InvariantCulture);
        return update switch
        {
            // A press refers to the printed message its button is under (the bot may edit it) and is answered by the update's id.
            { Press: { } press } => new IncomingUpdate(source, updateId, update.User, false, from, new ChoiceInput(press.Data),
                "console-" + id, press.Message.ToString(CultureInfo.InvariantCulture)),
            { File: { } file } => new IncomingUpdate(source, updateId, update.User, false, from,
                new DocumentInput(Messengers.ConsoleFileIdPrefix + file.Path, file.Name, file.Size), null, id),
            { Text: { } text } => new IncomingUpdate(source, updateId, update.User, false, from, ChatInput.FromText(text), null, id),
            _ => throw new JsonException("The console update has no text, press or file."),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboxMessage> Render(Reply reply, long chatId, bool isGroup, string keyPrefix, DateTimeOffset dueAt)
    {
        var bad = reply.Choices.SelectMany(r => r).FirstOrDefault(c => !c.HasValidData);
        if (bad is not null)
            throw new ArgumentException($"Choice '{bad.Label}' has data '{bad.Data}' outside 1–{Reply.MaxChoiceDataBytes} bytes.", nameof(reply));
        var payload = new ConsoleMessagePayload(reply.IsHtml ? ToPlain(reply.Text) : reply.Text,
            [.. reply.Choices.SelectMany(row => row).Select(c => new ConsoleButton(c.Label, c.Data))]);
        return [Row($"{keyPrefix}.0", chatId, OutboxKind.Message, payload, dueAt, isGroup)];
    }

    /// <inheritdoc />
    public OutboxMessage RenderDocument(string fileName, byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt) =>
        Row(key, chatId, OutboxKind.Document, new ConsoleFilePayload(fileName, content, Caption(caption)), dueAt, isGroup);

    /// <inheritdoc />
    public OutboxMessage RenderPhoto(byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt)
    {
        if (content.Length == 0) throw new ArgumentException("A photo must not be empty.", nameof(content));
        return Row(key, chatId, OutboxKind.Photo, new ConsoleFilePayload(PhotoFileName, content, Caption(caption)), dueAt, isGroup);
    }

    /// <inheritdoc />
    public OutboxMessage AnswerChoice(string callbackQueryId, long chatId, string? text, string key, DateTimeOffset dueAt) =>
        Row(key, chatId, OutboxKind.AnswerChoice, new ConsoleAnswerPayload(text), dueAt, isGroup: false, paced: false);

    /// <summary>Turns the replies' HTML (the Bot API subset features write) into terminal text: tags dropped, line breaks kept, entities decoded.</summary>
    public static string ToPlain(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    private static string? Caption(string? caption) => caption is null ? null : ToPlain(caption);

    private static OutboxMessage Row<T>(string key, long chatId, string kind, T payload, DateTimeOffset dueAt, bool isGroup, bool paced = true) =>
        new(key, chatId, kind, JsonSerializer.Serialize(payload, ConsoleUpdate.Json), dueAt, Paced: paced, IsGroup: isGroup, Messenger: Messengers.Console);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
