using System.Text.Json;
using MentorBot.Host.Max;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Max;

/// <summary>
/// A person in MAX: updates as MAX sends them (<see cref="MaxUpdateJson"/>; the private chat is the user's dialog,
/// <see cref="MaxUpdateJson.DialogOf"/>), and the outbox's MAX payloads (the <c>POST /messages</c> body, files to upload,
/// <c>POST /answers</c>) read back as what the person sees.
/// </summary>
public sealed class MaxDriver : MessengerDriver
{
    /// <inheritdoc />
    public override string Messenger => Messengers.Max;

    /// <inheritdoc />
    public override string Source => MaxUpdates.Source;

    /// <inheritdoc />
    public override long ChatOf(long userId) => MaxUpdateJson.DialogOf(userId);

    /// <inheritdoc />
    public override PersonUpdate Text(long number, long userId, string text, string firstName, DateTimeOffset at) =>
        Wrap(MaxUpdateJson.Text(userId, text, Mid(number), at.ToUnixTimeMilliseconds(), firstName), userId, firstName, Mid(number), at);

    /// <summary><c>bot_started</c> with the deep link's <c>payload</c>.</summary>
    public override PersonUpdate Start(long number, long userId, string payload, string firstName, DateTimeOffset at) =>
        Wrap(MaxUpdateJson.Started(userId, payload, at.ToUnixTimeMilliseconds(), firstName), userId, firstName, null, at);

    /// <inheritdoc />
    public override PersonUpdate Press(long number, long userId, string data, string firstName, DateTimeOffset at) =>
        Wrap(MaxUpdateJson.Press(userId, data, $"cb{number}", at.ToUnixTimeMilliseconds(), firstName), userId, firstName, null, at);

    /// <summary>A <c>file</c> attachment whose URL is <paramref name="fileId"/> (the bot receives it as <see cref="ReceivedFileId"/>).</summary>
    public override PersonUpdate Document(long number, long userId, string fileId, string? fileName, long? size, DateTimeOffset at) =>
        Wrap(MaxUpdateJson.File(userId, fileId, fileName ?? "", size ?? 0, Mid(number), at.ToUnixTimeMilliseconds(), "Анна"), userId, "Анна", Mid(number), at);

    /// <summary>An <c>image</c> attachment whose URL is <paramref name="fileId"/>.</summary>
    public override PersonUpdate Photo(long number, long userId, string fileId, long size, DateTimeOffset at) =>
        Wrap(MaxUpdateJson.Image(userId, fileId, Mid(number), at.ToUnixTimeMilliseconds(), "Анна"), userId, "Анна", Mid(number), at);

    /// <summary><c>message_edited</c>: the same <c>mid</c> and time of writing, a new text.</summary>
    public override PersonUpdate Edit(long number, PersonUpdate original, string text, DateTimeOffset at)
    {
        var mid = original.MessageId ?? throw new ArgumentException("Only a message can be edited.", nameof(original));
        return Wrap(MaxUpdateJson.Edited(original.UserId, text, mid, original.SentAt.ToUnixTimeMilliseconds(), at.ToUnixTimeMilliseconds(), original.FirstName),
            original.UserId, original.FirstName, mid, original.SentAt);
    }

    /// <inheritdoc />
    public override string ReceivedFileId(string fileId) => Messengers.MaxFileIdPrefix + fileId;

    /// <inheritdoc />
    public override Received Decode(string kind, string payloadJson) => kind switch
    {
        OutboxKind.Message => Message(payloadJson),
        OutboxKind.Document when Read<MaxFilePayload>(payloadJson) is var d => new ReceivedDocument(d.FileName, d.Content, d.Caption),
        OutboxKind.Photo when Read<MaxFilePayload>(payloadJson) is var p => new ReceivedPhoto(p.Content, p.Caption),
        OutboxKind.AnswerChoice => new PressAnswer(Read<MaxAnswerPayload>(payloadJson).Notification),
        _ => throw new InvalidOperationException($"A MAX outbox row of kind '{kind}' has no reading in the tests."),
    };

    /// <summary>The message body as MAX documents it: <c>text</c>, and <c>callback</c> buttons of <c>inline_keyboard</c> attachments.</summary>
    private static ReceivedMessage Message(string json)
    {
        using var body = JsonDocument.Parse(json);
        var root = body.RootElement;
        var buttons = new List<(string Label, string Data)>();
        if (root.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
            foreach (var attachment in attachments.EnumerateArray().Where(a => a.GetProperty("type").GetString() == "inline_keyboard"))
                foreach (var row in attachment.GetProperty("payload").GetProperty("buttons").EnumerateArray())
                    buttons.AddRange(row.EnumerateArray().Select(b => (b.GetProperty("text").GetString()!, b.TryGetProperty("payload", out var p) ? p.GetString() ?? "" : "")));
        return new ReceivedMessage(root.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "", buttons);
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, MaxJson.Options)!;

    private static string Mid(long number) => $"mid.{number:x16}";

    private PersonUpdate Wrap(string json, long userId, string firstName, string? messageId, DateTimeOffset at) =>
        new(Source, MaxUpdates.ToInbound(MaxJson.ReadUpdate(json)), userId, firstName, messageId, at);
}
