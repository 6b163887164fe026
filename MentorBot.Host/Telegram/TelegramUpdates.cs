using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Host.Persistence;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;

namespace MentorBot.Host.Telegram;

/// <summary>
/// Turns updates as received (raw JSON, from getUpdates or the webhook) into inbox rows. An update PostgreSQL
/// cannot store as it is (a U+0000 in a text or a name: jsonb refuses it, 22P05) is stored with that character
/// removed; one that is not a readable Bot API update (an out-of-range <c>date</c>) is stored as a poison row
/// with the reason, so polling moves past it instead of stalling every chat (issue 12 item 7).
/// </summary>
public static partial class TelegramUpdates
{
    /// <summary>Wraps a typed update for the inbox, in the Bot API's JSON shape (<see cref="JsonBotAPI.Options"/>).</summary>
    public static InboundUpdate ToInbound(Update update) =>
        new(update.Id, ChatIdOf(update), JsonSerializer.Serialize(update, JsonBotAPI.Options));

    /// <summary>
    /// Wraps a raw update for the inbox; null when it has no numeric <c>update_id</c> (nothing to record it by).
    /// </summary>
    public static InboundUpdate? ToInbound(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.Object || !raw.TryGetProperty("update_id", out var id) || !id.TryGetInt64(out var updateId))
            return null;
        // jsonb cannot hold U+0000 (22P05); the character carries nothing a person meant to write.
        var json = NulEscape().Replace(raw.GetRawText(), "$1");
        try
        {
            var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options) ?? throw new JsonException("null update");
            return new InboundUpdate(updateId, ChatIdOf(update), json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            return new InboundUpdate(updateId, null, json, $"unreadable update: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>A <c>\u0000</c> escape, not one whose backslash is itself escaped (<c>\\u0000</c> is the text "\u0000").</summary>
    [GeneratedRegex(@"(?<!\\)((?:\\\\)*)\\u0000", RegexOptions.IgnoreCase)]
    private static partial Regex NulEscape();

    private static long? ChatIdOf(Update update) =>
        update.Message?.Chat.Id ?? update.EditedMessage?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id;
}

/// <summary>
/// getUpdates answered as raw JSON (Bot API <c>getUpdates</c>): the library's typed <c>GetUpdates</c> fails the whole
/// batch on one update it cannot read, and the offset could then never move past it.
/// </summary>
public sealed class RawGetUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    /// <summary>Identifier of the first update to return; earlier ones are confirmed.</summary>
    public int? Offset { get; set; }

    /// <summary>1–100 updates at most.</summary>
    public int? Limit { get; set; }

    /// <summary>Long-poll timeout in seconds.</summary>
    public int? Timeout { get; set; }
}
