using System.Text.Json.Serialization;

namespace MentorBot.Host.Max;

// The MAX Bot API's objects, named as its OpenAPI schema names them (max-messenger-bot/max-bot-api-schemas,
// dev.max.ru/docs-api/objects). Only the fields MentorBot reads or writes; unknown fields are ignored when
// reading. JSON names are snake_case (MaxJson.Options). Times are milliseconds since the Unix epoch, UTC.

/// <summary>A MAX user or bot (schema <c>User</c>).</summary>
public sealed class User
{
    /// <summary>The user's or bot's id (<c>user_id</c>).</summary>
    public long UserId { get; set; }

    /// <summary>Display name (<c>first_name</c>).</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Display last name; never set for bots.</summary>
    public string? LastName { get; set; }

    /// <summary>The bot's nickname or the user's public name; null when the user has none.</summary>
    public string? Username { get; set; }

    /// <summary>True for a bot.</summary>
    public bool IsBot { get; set; }

    /// <summary>Last activity, ms since the epoch; absent when the user hides it.</summary>
    public long? LastActivityTime { get; set; }

    /// <summary>The deprecated single name field (older servers and docs send only this).</summary>
    public string? Name { get; set; }
}

/// <summary>The bot itself, as <c>GET /me</c> returns it (schema <c>BotInfo</c>).</summary>
public sealed class BotInfo
{
    /// <summary>The bot's id.</summary>
    public long UserId { get; set; }

    /// <summary>The bot's display name.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>The bot's nickname: the <c>&lt;botName&gt;</c> of <c>https://max.ru/&lt;botName&gt;?start=…</c>.</summary>
    public string? Username { get; set; }

    /// <summary>Always true here.</summary>
    public bool IsBot { get; set; }

    /// <summary>The bot's description, if set (≤ 16,000 characters).</summary>
    public string? Description { get; set; }
}

/// <summary>Where a message went (schema <c>Recipient</c>).</summary>
public sealed class Recipient
{
    /// <summary>The chat's id; a dialog with the bot has one too.</summary>
    public long? ChatId { get; set; }

    /// <summary><see cref="ChatTypes.Dialog"/> (a private dialog with the bot), <see cref="ChatTypes.Chat"/> or <see cref="ChatTypes.Channel"/>.</summary>
    public string? ChatType { get; set; }

    /// <summary>The user's id when the message was sent to a user.</summary>
    public long? UserId { get; set; }
}

/// <summary>The values of <see cref="Recipient.ChatType"/>.</summary>
public static class ChatTypes
{
    /// <summary>A private dialog between one user and the bot.</summary>
    public const string Dialog = "dialog";

    /// <summary>A group chat.</summary>
    public const string Chat = "chat";

    /// <summary>A channel.</summary>
    public const string Channel = "channel";
}

/// <summary>A message in a chat (schema <c>Message</c>).</summary>
public sealed class Message
{
    /// <summary>Who sent it; absent for channel posts.</summary>
    public User? Sender { get; set; }

    /// <summary>Where it was sent.</summary>
    public Recipient Recipient { get; set; } = new();

    /// <summary>When it was created, ms since the epoch.</summary>
    public long Timestamp { get; set; }

    /// <summary>Text and attachments; null when the message only forwards another.</summary>
    public MessageBody? Body { get; set; }

    /// <summary><see cref="Timestamp"/> as an instant.</summary>
    [JsonIgnore]
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(Timestamp);
}

/// <summary>A message's content (schema <c>MessageBody</c>).</summary>
public sealed class MessageBody
{
    /// <summary>The message's id, a string (<c>mid.…</c>): what <c>PUT/DELETE /messages?message_id=</c> take.</summary>
    public string Mid { get; set; } = "";

    /// <summary>The message's sequence number in its chat.</summary>
    public long Seq { get; set; }

    /// <summary>The text, if any.</summary>
    public string? Text { get; set; }

    /// <summary>Attachments (files, images, the inline keyboard…), if any.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; set; }
}

/// <summary>
/// An attachment of a received message (schema <c>Attachment</c> and its subtypes, told apart by
/// <see cref="Type"/>): <c>file</c> (<see cref="Filename"/>, <see cref="Size"/>, payload url and token),
/// <c>image</c>, <c>video</c>, <c>audio</c>, <c>inline_keyboard</c> (payload buttons), …
/// </summary>
public sealed class Attachment
{
    /// <summary>One of <see cref="AttachmentTypes"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The type's payload: url and token for media and files, buttons for a keyboard.</summary>
    public AttachmentPayload? Payload { get; set; }

    /// <summary>The file's name (type <c>file</c>).</summary>
    public string? Filename { get; set; }

    /// <summary>The file's size in bytes (type <c>file</c>).</summary>
    public long? Size { get; set; }
}

/// <summary>The payload of a received attachment (schemas <c>FileAttachmentPayload</c>, <c>PhotoAttachmentPayload</c>, <c>Keyboard</c>).</summary>
public sealed class AttachmentPayload
{
    /// <summary>Where to download the file or image; a host of MAX's own, not the API's.</summary>
    public string? Url { get; set; }

    /// <summary>Reuses the same file in another message (<see cref="AttachmentRequest.File"/>).</summary>
    public string? Token { get; set; }

    /// <summary>An image's id (type <c>image</c>).</summary>
    public long? PhotoId { get; set; }

    /// <summary>The rows of buttons (type <c>inline_keyboard</c>).</summary>
    public IReadOnlyList<IReadOnlyList<Button>>? Buttons { get; set; }
}

/// <summary>The attachment types MentorBot sends or reads (schema <c>Attachment</c>'s discriminator).</summary>
public static class AttachmentTypes
{
    /// <summary>Any file (orders, exports, the road-map upload).</summary>
    public const string File = "file";

    /// <summary>An image.</summary>
    public const string Image = "image";

    /// <summary>Buttons under the message.</summary>
    public const string InlineKeyboard = "inline_keyboard";
}

/// <summary>
/// A button of an inline keyboard (schema <c>Button</c>: <c>CallbackButton</c>, <c>LinkButton</c>, …).
/// Text ≤ <see cref="MaxLimits.ButtonText"/> characters; a callback's payload ≤ <see cref="MaxLimits.CallbackPayload"/>.
/// </summary>
public sealed class Button
{
    /// <summary><c>callback</c>, <c>link</c>, <c>request_contact</c>, …</summary>
    public string Type { get; set; } = "";

    /// <summary>The visible text.</summary>
    public string Text { get; set; } = "";

    /// <summary>What a <c>callback</c> button sends back in <see cref="Callback.Payload"/>.</summary>
    public string? Payload { get; set; }

    /// <summary>Where a <c>link</c> button leads.</summary>
    public string? Url { get; set; }

    /// <summary>A button whose press comes back as a <c>message_callback</c> update carrying <paramref name="payload"/>.</summary>
    public static Button Callback(string text, string payload) => new() { Type = "callback", Text = text, Payload = payload };

    /// <summary>A button that opens <paramref name="url"/>.</summary>
    public static Button Link(string text, string url) => new() { Type = "link", Text = text, Url = url };
}

/// <summary>
/// What to send or to put in place of a message (schema <c>NewMessageBody</c>): <c>POST /messages</c>,
/// <c>PUT /messages</c> and the <c>message</c> of <c>POST /answers</c>.
/// </summary>
public sealed class NewMessageBody
{
    /// <summary>The text, ≤ <see cref="MaxLimits.MessageText"/> characters.</summary>
    public string? Text { get; set; }

    /// <summary><see cref="TextFormats.Html"/> or <see cref="TextFormats.Markdown"/>; null = plain text.</summary>
    public string? Format { get; set; }

    /// <summary>
    /// Attachments. On an edit, null leaves the message's attachments as they are and an empty list removes
    /// them all (the schema's rule), e.g. the keyboard.
    /// </summary>
    public IReadOnlyList<AttachmentRequest>? Attachments { get; set; }

    /// <summary>False sends without a notification (the API's default is true, written only when false).</summary>
    public bool? Notify { get; set; }
}

/// <summary>The values of <see cref="NewMessageBody.Format"/> (schema <c>TextFormat</c>).</summary>
public static class TextFormats
{
    /// <summary>The HTML subset MAX keeps: b/strong, i/em, s/del, u/ins, a href, code/pre, mark, h1; other tags are stripped.</summary>
    public const string Html = "html";

    /// <summary>MAX's Markdown subset.</summary>
    public const string Markdown = "markdown";
}

/// <summary>An attachment to send (schema <c>AttachmentRequest</c>): a keyboard or an uploaded file.</summary>
public sealed class AttachmentRequest
{
    /// <summary>One of <see cref="AttachmentTypes"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The type's payload (written with its runtime type).</summary>
    public object Payload { get; set; } = new();

    /// <summary>An inline keyboard (schema <c>InlineKeyboardAttachmentRequest</c>): rows of buttons.</summary>
    public static AttachmentRequest InlineKeyboard(IReadOnlyList<IReadOnlyList<Button>> buttons) =>
        new() { Type = AttachmentTypes.InlineKeyboard, Payload = new InlineKeyboardPayload { Buttons = buttons } };

    /// <summary>A file uploaded through <c>/uploads</c> (schema <c>FileAttachmentRequest</c>); the API wants it as the message's only attachment.</summary>
    /// <param name="token">The token the upload returned (<see cref="UploadedInfo.Token"/>) or a received file's <see cref="AttachmentPayload.Token"/>.</param>
    public static AttachmentRequest File(string token) =>
        new() { Type = AttachmentTypes.File, Payload = new UploadedInfo { Token = token } };
}

/// <summary>The payload of an inline keyboard to send (schema <c>InlineKeyboardAttachmentRequestPayload</c>).</summary>
public sealed class InlineKeyboardPayload
{
    /// <summary>Rows of buttons: ≤ <see cref="MaxLimits.KeyboardRows"/> rows of ≤ <see cref="MaxLimits.ButtonsPerRow"/>, ≤ <see cref="MaxLimits.KeyboardButtons"/> in all.</summary>
    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; set; } = [];
}

/// <summary>A file once uploaded (schema <c>UploadedInfo</c>): the token to attach it with.</summary>
public sealed class UploadedInfo
{
    /// <summary>The uploaded file's token.</summary>
    public string Token { get; set; } = "";
}

/// <summary>Where to upload a file (schema <c>UploadEndpoint</c>, the answer of <c>POST /uploads</c>).</summary>
public sealed class UploadEndpoint
{
    /// <summary>The upload URL, on a host of MAX's own (e.g. fu.oneme.ru for files); one file per URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>For video and audio only: the token to attach the file with once uploaded.</summary>
    public string? Token { get; set; }
}

/// <summary>The values of <c>POST /uploads?type=</c> (schema <c>UploadType</c>).</summary>
public static class UploadTypes
{
    /// <summary>Any file, up to 4 GB.</summary>
    public const string File = "file";

    /// <summary>An image (JPG, PNG, …), up to 50 MB.</summary>
    public const string Image = "image";
}

/// <summary>A button press (schema <c>Callback</c>).</summary>
public sealed class Callback
{
    /// <summary>When it was pressed, ms since the epoch.</summary>
    public long Timestamp { get; set; }

    /// <summary>The id to answer with <c>POST /answers?callback_id=</c>.</summary>
    public string CallbackId { get; set; } = "";

    /// <summary>The pressed button's payload.</summary>
    public string? Payload { get; set; }

    /// <summary>Who pressed it.</summary>
    public User User { get; set; } = new();
}

/// <summary>The answer to a button press (schema <c>CallbackAnswer</c>): a new message in place of the pressed one and/or a one-time notification.</summary>
public sealed class CallbackAnswer
{
    /// <summary>Replaces the message that carried the button, if set.</summary>
    public NewMessageBody? Message { get; set; }

    /// <summary>A one-time notification shown to the user, if set.</summary>
    public string? Notification { get; set; }
}

/// <summary>The result of a call that returns nothing else (schema <c>SimpleQueryResult</c>).</summary>
public sealed class SimpleQueryResult
{
    /// <summary>True when the call took effect.</summary>
    public bool Success { get; set; }

    /// <summary>Why not, when <see cref="Success"/> is false.</summary>
    public string? Message { get; set; }
}

/// <summary>The answer of <c>POST /messages</c> (schema <c>SendMessageResult</c>).</summary>
public sealed class SendMessageResult
{
    /// <summary>The message as created.</summary>
    public Message Message { get; set; } = new();
}

/// <summary>A webhook subscription (schema <c>Subscription</c>).</summary>
public sealed class Subscription
{
    /// <summary>The webhook's URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>When it was created, ms since the epoch.</summary>
    public long Time { get; set; }

    /// <summary>The update types it delivers; null = all.</summary>
    public IReadOnlyList<string>? UpdateTypes { get; set; }
}

/// <summary>The body of <c>POST /subscriptions</c> (schema <c>SubscriptionRequestBody</c>).</summary>
public sealed class SubscriptionRequestBody
{
    /// <summary>The HTTPS endpoint (port 443 only) MAX posts updates to.</summary>
    public string Url { get; set; } = "";

    /// <summary>The update types to deliver; null = all.</summary>
    public IReadOnlyList<string>? UpdateTypes { get; set; }

    /// <summary>Echoed in the <c>X-Max-Bot-Api-Secret</c> header of every webhook call; 5–256 of <c>A-Za-z0-9_-</c>.</summary>
    public string? Secret { get; set; }
}

/// <summary>The answer of <c>GET /subscriptions</c> (schema <c>GetSubscriptionsResult</c>).</summary>
public sealed class GetSubscriptionsResult
{
    /// <summary>The bot's current webhook subscriptions.</summary>
    public IReadOnlyList<Subscription> Subscriptions { get; set; } = [];
}

/// <summary>
/// One event (schema <c>Update</c>, told apart by <see cref="UpdateType"/>). The fields of every subtype
/// MentorBot handles are here; each subtype sets only its own.
/// </summary>
public sealed class Update
{
    /// <summary>One of <see cref="UpdateTypes"/>.</summary>
    public string UpdateType { get; set; } = "";

    /// <summary>When it happened, ms since the epoch.</summary>
    public long Timestamp { get; set; }

    /// <summary><c>message_created</c>, <c>message_edited</c>: the message; <c>message_callback</c>: the message that carried the button (null when deleted since).</summary>
    public Message? Message { get; set; }

    /// <summary><c>message_callback</c>: the press.</summary>
    public Callback? Callback { get; set; }

    /// <summary><c>bot_started</c>, <c>bot_stopped</c>, <c>bot_added</c>, <c>bot_removed</c>, <c>user_added</c>, <c>user_removed</c>: the chat.</summary>
    public long? ChatId { get; set; }

    /// <summary><c>bot_started</c>/<c>bot_stopped</c>: the user; <c>bot_added</c>/<c>bot_removed</c>: who added or removed the bot.</summary>
    public User? User { get; set; }

    /// <summary><c>bot_started</c>: the deep link's <c>start</c> parameter (<c>https://max.ru/&lt;bot&gt;?start=&lt;payload&gt;</c>), else null.</summary>
    public string? Payload { get; set; }

    /// <summary><c>bot_added</c>/<c>bot_removed</c>: true for a channel.</summary>
    public bool? IsChannel { get; set; }

    /// <summary>The user's language (IETF BCP 47), where MAX sends it.</summary>
    public string? UserLocale { get; set; }

    /// <summary><see cref="Timestamp"/> as an instant.</summary>
    [JsonIgnore]
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(Timestamp);

    /// <summary>The update exactly as received (what the inbox stores); empty for an update built in code.</summary>
    [JsonIgnore]
    public string Json { get; internal set; } = "";
}

/// <summary>The update types MentorBot subscribes to (schema <c>Update</c>'s discriminator).</summary>
public static class UpdateTypes
{
    /// <summary>A new message.</summary>
    public const string MessageCreated = "message_created";

    /// <summary>A button press.</summary>
    public const string MessageCallback = "message_callback";

    /// <summary>An edited message.</summary>
    public const string MessageEdited = "message_edited";

    /// <summary>A user opened the bot (Start), possibly through a deep link with a payload.</summary>
    public const string BotStarted = "bot_started";

    /// <summary>A user stopped or deleted the bot.</summary>
    public const string BotStopped = "bot_stopped";

    /// <summary>The bot was added to a chat or channel.</summary>
    public const string BotAdded = "bot_added";

    /// <summary>The bot was removed from a chat or channel.</summary>
    public const string BotRemoved = "bot_removed";

    /// <summary>What MentorBot asks for when polling or subscribing.</summary>
    public static readonly IReadOnlyList<string> Handled = [MessageCreated, MessageCallback, MessageEdited, BotStarted, BotStopped, BotAdded, BotRemoved];
}

/// <summary>The answer of <c>GET /updates</c> (schema <c>UpdateList</c>).</summary>
public sealed class UpdateList
{
    /// <summary>The updates, oldest first; each with its <see cref="Update.Json"/>.</summary>
    public IReadOnlyList<Update> Updates { get; set; } = [];

    /// <summary>Pass it as <c>marker</c> on the next call (after the batch is recorded): every update before it then counts as read.</summary>
    public long? Marker { get; set; }

    /// <summary>
    /// Elements of <c>updates</c> that are not readable updates (raw JSON, and why): kept apart so one of them does not fail
    /// the batch, and the marker can move past it.
    /// </summary>
    public IReadOnlyList<(string Json, string Reason)> Unreadable { get; set; } = [];
}
