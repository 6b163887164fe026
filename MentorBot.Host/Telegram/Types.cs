using System.Text.Json.Serialization;

namespace MentorBot.Host.Telegram;

// The Bot API object model we use, named as in Telegram.Bot so that swapping the library in later
// touches only this folder (DESIGN.md, decision 1). Field names follow https://core.telegram.org/bots/api#available-types;
// TelegramJson.Options maps PascalCase properties to the API's snake_case names. Only the fields the
// bot reads are modelled; unknown fields are ignored on reading.

/// <summary>Formatting mode of a message text or caption (Bot API "Formatting options").</summary>
[JsonConverter(typeof(ParseModeConverter))]
public enum ParseMode
{
    /// <summary>Plain text: the <c>parse_mode</c> field is omitted.</summary>
    None,

    /// <summary>Legacy Markdown, sent as <c>"Markdown"</c>.</summary>
    Markdown,

    /// <summary>HTML, sent as <c>"HTML"</c>.</summary>
    Html,

    /// <summary>MarkdownV2, sent as <c>"MarkdownV2"</c>.</summary>
    MarkdownV2,
}

/// <summary>An incoming update (Bot API <c>Update</c>); at most one of the optional parts is set.</summary>
public sealed class Update
{
    /// <summary>The update's sequential identifier; confirm it with a later getUpdates whose offset is greater.</summary>
    public long UpdateId { get; set; }

    /// <summary>A new incoming message.</summary>
    public Message? Message { get; set; }

    /// <summary>A new version of a message the bot already knows.</summary>
    public Message? EditedMessage { get; set; }

    /// <summary>A press of an inline keyboard button.</summary>
    public CallbackQuery? CallbackQuery { get; set; }
}

/// <summary>A message (Bot API <c>Message</c>).</summary>
public sealed class Message
{
    /// <summary>Identifier unique inside its chat.</summary>
    public int MessageId { get; set; }

    /// <summary>The sender; absent for messages sent to channels.</summary>
    public User? From { get; set; }

    /// <summary>The chat the message belongs to; always present in the Bot API.</summary>
    public Chat Chat { get; set; } = null!;

    /// <summary>When the message was sent, in UTC (unix seconds on the wire; the emulator's milliseconds are tolerated).</summary>
    [JsonConverter(typeof(UnixDateTimeConverter))]
    public DateTime Date { get; set; }

    /// <summary>The text of a text message, 0–4096 characters.</summary>
    public string? Text { get; set; }

    /// <summary>Special entities of the text: commands, links, formatting.</summary>
    public MessageEntity[]? Entities { get; set; }

    /// <summary>The attached file of a document message.</summary>
    public Document? Document { get; set; }

    /// <summary>The caption of a document or media message, 0–1024 characters.</summary>
    public string? Caption { get; set; }

    /// <summary>The inline keyboard attached to the message, if any.</summary>
    public InlineKeyboardMarkup? ReplyMarkup { get; set; }
}

/// <summary>A special part of a message text (Bot API <c>MessageEntity</c>), e.g. a <c>bot_command</c>.</summary>
public sealed class MessageEntity
{
    /// <summary>The entity type: <c>bot_command</c>, <c>url</c>, <c>bold</c>…</summary>
    public string Type { get; set; } = "";

    /// <summary>Offset in UTF-16 code units from the start of the text.</summary>
    public int Offset { get; set; }

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length { get; set; }
}

/// <summary>A general file (Bot API <c>Document</c>).</summary>
public sealed class Document
{
    /// <summary>Identifier to download or re-send the file.</summary>
    public string FileId { get; set; } = "";

    /// <summary>The original file name as the sender gave it.</summary>
    public string? FileName { get; set; }

    /// <summary>The MIME type as the sender gave it.</summary>
    public string? MimeType { get; set; }

    /// <summary>File size in bytes.</summary>
    public long? FileSize { get; set; }
}

/// <summary>A file ready to be downloaded (Bot API <c>File</c>; Telegram.Bot calls it <c>TGFile</c>).</summary>
public sealed class TGFile
{
    /// <summary>Identifier to download or re-send the file.</summary>
    public string FileId { get; set; } = "";

    /// <summary>File size in bytes, when known.</summary>
    public long? FileSize { get; set; }

    /// <summary>Path for <c>https://api.telegram.org/file/bot&lt;token&gt;/&lt;file_path&gt;</c>; absent when the file is too big to download (over 20 MB).</summary>
    public string? FilePath { get; set; }
}

/// <summary>A Telegram user or bot (Bot API <c>User</c>).</summary>
public sealed class User
{
    /// <summary>Unique identifier; up to 52 significant bits, hence <see cref="long"/>.</summary>
    public long Id { get; set; }

    /// <summary>True for bots.</summary>
    public bool IsBot { get; set; }

    /// <summary>The user's first name.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>The user's last name.</summary>
    public string? LastName { get; set; }

    /// <summary>The @username without the @.</summary>
    public string? Username { get; set; }

    /// <summary>IETF language tag of the user's client.</summary>
    public string? LanguageCode { get; set; }
}

/// <summary>A chat (Bot API <c>Chat</c>).</summary>
public sealed class Chat
{
    /// <summary>Unique identifier; negative for groups and channels.</summary>
    public long Id { get; set; }

    /// <summary><c>private</c>, <c>group</c>, <c>supergroup</c> or <c>channel</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Title of a group or channel.</summary>
    public string? Title { get; set; }

    /// <summary>Username of a private chat, supergroup or channel.</summary>
    public string? Username { get; set; }

    /// <summary>First name of the other party in a private chat.</summary>
    public string? FirstName { get; set; }

    /// <summary>Last name of the other party in a private chat.</summary>
    public string? LastName { get; set; }
}

/// <summary>A press of an inline keyboard button (Bot API <c>CallbackQuery</c>); answer it with answerCallbackQuery.</summary>
public sealed class CallbackQuery
{
    /// <summary>Identifier to pass to answerCallbackQuery.</summary>
    public string Id { get; set; } = "";

    /// <summary>Who pressed the button.</summary>
    public User From { get; set; } = null!;

    /// <summary>The message with the button; absent when it is too old or inline.</summary>
    public Message? Message { get; set; }

    /// <summary>The button's callback data, 1–64 bytes.</summary>
    public string? Data { get; set; }
}

/// <summary>Base of the reply markups a message can carry.</summary>
public abstract class ReplyMarkup;

/// <summary>An inline keyboard shown under a message (Bot API <c>InlineKeyboardMarkup</c>).</summary>
public sealed class InlineKeyboardMarkup : ReplyMarkup
{
    /// <summary>Creates a keyboard from rows of buttons.</summary>
    [JsonConstructor]
    public InlineKeyboardMarkup(IEnumerable<IEnumerable<InlineKeyboardButton>> inlineKeyboard) => InlineKeyboard = inlineKeyboard;

    /// <summary>Rows of buttons, top to bottom.</summary>
    public IEnumerable<IEnumerable<InlineKeyboardButton>> InlineKeyboard { get; set; }
}

/// <summary>One button of an inline keyboard (Bot API <c>InlineKeyboardButton</c>); exactly one action field is set.</summary>
public sealed class InlineKeyboardButton
{
    /// <summary>The label on the button.</summary>
    public string Text { get; set; } = "";

    /// <summary>Data sent back in a callback query when pressed, 1–64 bytes.</summary>
    public string? CallbackData { get; set; }

    /// <summary>A URL opened when pressed.</summary>
    public string? Url { get; set; }

    /// <summary>A button that sends <paramref name="data"/> back as a callback query.</summary>
    public static InlineKeyboardButton WithCallbackData(string text, string data) => new() { Text = text, CallbackData = data };

    /// <summary>A button that opens <paramref name="url"/>.</summary>
    public static InlineKeyboardButton WithUrl(string text, string url) => new() { Text = text, Url = url };
}

/// <summary>A command shown in the client's menu (Bot API <c>BotCommand</c>).</summary>
public sealed class BotCommand
{
    /// <summary>The command without the slash: 1–32 characters of <c>a-z0-9_</c>.</summary>
    public string Command { get; set; } = "";

    /// <summary>The description, 1–256 characters.</summary>
    public string Description { get; set; } = "";
}

/// <summary>Why a request failed and what to do about it (Bot API <c>ResponseParameters</c>).</summary>
public sealed class ResponseParameters
{
    /// <summary>After a 429: seconds to wait before the bot may send again (the pause applies to the whole bot).</summary>
    public int? RetryAfter { get; set; }

    /// <summary>The group was migrated to a supergroup with this identifier.</summary>
    public long? MigrateToChatId { get; set; }
}

/// <summary>The envelope of every Bot API response: <c>ok</c> plus either <c>result</c> or the error fields.</summary>
/// <typeparam name="T">Type of the result.</typeparam>
public sealed class ApiResponse<T>
{
    /// <summary>True when the request succeeded; authoritative whatever the HTTP status.</summary>
    public bool Ok { get; set; }

    /// <summary>The result of a successful request (<c>true</c> or <c>null</c> for many edit/answer methods).</summary>
    public T? Result { get; set; }

    /// <summary>Human-readable error description.</summary>
    public string? Description { get; set; }

    /// <summary>The error code, usually equal to the HTTP status.</summary>
    public int? ErrorCode { get; set; }

    /// <summary>Extra error details such as <c>retry_after</c>.</summary>
    public ResponseParameters? Parameters { get; set; }
}

/// <summary>A file to upload with multipart/form-data.</summary>
public sealed class InputFileStream
{
    /// <summary>Wraps <paramref name="content"/>; the client reads it from its current position and does not dispose it.</summary>
    public InputFileStream(Stream content, string fileName)
    {
        Content = content;
        FileName = fileName;
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The file name the recipient sees.</summary>
    public string FileName { get; }
}

/// <summary>Maps <see cref="ParseMode"/> to the Bot API's <c>parse_mode</c> values.</summary>
internal static class ParseModeExtensions
{
    /// <summary>The wire value of <paramref name="mode"/>, or null when the field must be omitted.</summary>
    public static string? ToApiValue(this ParseMode mode) => mode switch
    {
        ParseMode.None => null,
        ParseMode.Markdown => "Markdown",
        ParseMode.Html => "HTML",
        ParseMode.MarkdownV2 => "MarkdownV2",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown parse mode."),
    };
}
