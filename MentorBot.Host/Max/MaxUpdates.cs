using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MentorBot.Host.Persistence;

namespace MentorBot.Host.Max;

/// <summary>
/// Turns MAX updates as received (long polling or the webhook) into inbox rows. MAX updates carry no id, so the
/// inbox's <c>update_id</c> is derived from what identifies the event (<see cref="UpdateId"/>): a redelivery (MAX
/// retries a webhook for 8 hours; a poll repeated after a crash) gives the same id and is recorded once.
/// </summary>
public static class MaxUpdates
{
    /// <summary>The inbox source name of MAX updates.</summary>
    public const string Source = "max";

    /// <summary>Wraps a received update for the inbox: its derived id, its chat and its JSON as received.</summary>
    public static InboundUpdate ToInbound(Update update) => new(UpdateId(update), ChatIdOf(update), update.Json.Length > 0 ? update.Json : JsonSerializer.Serialize(update, MaxJson.Options));

    /// <summary>
    /// An element of a poll that is not a readable update, for the inbox as a poison row (recorded handled, with the reason),
    /// so polling moves past it; its id is derived from its text, so fetching it again records it once.
    /// </summary>
    public static InboundUpdate Poison(string json, string reason)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("unreadable|" + json), hash);
        return new InboundUpdate((long)(BinaryPrimitives.ReadUInt64BigEndian(hash) >> 1), null, json, reason);
    }

    /// <summary>
    /// The update's id in the inbox: the first 63 bits of SHA-256 over its type and what identifies the event — the
    /// message's <c>mid</c> (with <c>seq</c> and the text for an edit), the <c>callback_id</c> of a press, or chat, user
    /// and timestamp for <c>bot_*</c> events. Positive, and the same for every delivery of the same event.
    /// </summary>
    public static long UpdateId(Update update)
    {
        var identity = update.UpdateType switch
        {
            UpdateTypes.MessageCallback => update.Callback?.CallbackId,
            UpdateTypes.MessageCreated => update.Message?.Body?.Mid,
            UpdateTypes.MessageEdited => $"{update.Message?.Body?.Mid}|{update.Message?.Body?.Seq}|{update.Message?.Body?.Text}",
            _ => null,
        };
        identity ??= $"{update.ChatId ?? update.Message?.Recipient.ChatId}|{update.User?.UserId ?? update.Message?.Sender?.UserId}|{update.Timestamp}|{update.Payload}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(update.UpdateType + "|" + identity), hash);
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) >> 1);
    }

    /// <summary>The chat an update belongs to (orders handling within a chat), or null.</summary>
    public static long? ChatIdOf(Update update) => update.Message?.Recipient.ChatId ?? update.ChatId;
}
