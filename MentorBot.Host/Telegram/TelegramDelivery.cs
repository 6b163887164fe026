using System.Globalization;
using System.Text.Json;
using MentorBot.Host.Outbox;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MentorBot.Host.Telegram;

/// <summary>
/// Performs outbox rows through Telegram.Bot — each <see cref="OutboxKind"/> as its Bot API method: message →
/// sendMessage, edit_text → editMessageText, edit_choices → editMessageReplyMarkup, answer_choice → answerCallbackQuery,
/// delete → deleteMessage, document → sendDocument, photo → sendPhoto — and classifies its errors for the sender (Bot API error codes):
/// <see cref="ApiRequestException"/> 429 → pause every instance for <c>parameters.retry_after</c>; 403 → the
/// person is unreachable; other 4xx → permanent, with the description; 5xx → transient.
/// <see cref="RequestException"/> (network, timeouts, HTML bodies from a proxy, <c>ok:false</c> on a 200) → transient.
/// </summary>
/// <param name="client">Telegram.Bot's client.</param>
public sealed class TelegramDelivery(ITelegramBotClient client) : IOutboxDelivery
{
    /// <summary>The pause when a 429 names no <c>retry_after</c>.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The upload's file name for a photo (Telegram recompresses photos; the name only names the part).</summary>
    public const string PhotoFileName = "photo.png";

    /// <inheritdoc />
    public async Task<string?> DeliverAsync(ClaimedOutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            switch (row.Kind)
            {
                case OutboxKind.Message:
                    var message = Payload<SendMessagePayload>(row);
                    return Id(await client.SendMessage(row.ChatId, message.Text, ParseMode.Html, replyMarkup: message.ReplyMarkup, cancellationToken: cancellationToken));
                case OutboxKind.AnswerChoice:
                    var answer = Payload<AnswerCallbackQueryPayload>(row);
                    await client.AnswerCallbackQuery(answer.CallbackQueryId, answer.Text, cancellationToken: cancellationToken);
                    return null;
                case OutboxKind.EditText:
                    var edit = Payload<EditMessageTextPayload>(row);
                    await client.EditMessageText(row.ChatId, edit.MessageId, edit.Text, ParseMode.Html, edit.ReplyMarkup, cancellationToken: cancellationToken);
                    return null;
                case OutboxKind.EditChoices:
                    var markup = Payload<MessageRefPayload>(row);
                    await client.EditMessageReplyMarkup(row.ChatId, markup.MessageId, markup.ReplyMarkup, cancellationToken: cancellationToken);
                    return null;
                case OutboxKind.Delete:
                    await client.DeleteMessage(row.ChatId, Payload<MessageRefPayload>(row).MessageId, cancellationToken);
                    return null;
                case OutboxKind.Document:
                    var document = Payload<SendDocumentPayload>(row);
                    await using (var stream = new MemoryStream(document.Content, writable: false))
                        return Id(await client.SendDocument(row.ChatId, InputFile.FromStream(stream, document.FileName), document.Caption, ParseMode.Html, cancellationToken: cancellationToken));
                case OutboxKind.Photo:
                    var photo = Payload<SendPhotoPayload>(row);
                    await using (var stream = new MemoryStream(photo.Content, writable: false))
                        return Id(await client.SendPhoto(row.ChatId, InputFile.FromStream(stream, PhotoFileName), photo.Caption, ParseMode.Html, cancellationToken: cancellationToken));
                default:
                    throw new DeliveryException(DeliveryFailure.Permanent, $"Unknown outbox kind '{row.Kind}'.");
            }
        }
        catch (ApiRequestException e)
        {
            throw Classify(e);
        }
        catch (RequestException e)
        {
            throw new DeliveryException(DeliveryFailure.Transient, TelegramSecrets.Scrub($"request failed: {e.Message}{Status(e)}"));
        }
    }

    /// <summary>
    /// How the sender reacts to the Bot API's refusal <paramref name="e"/>. The result carries no inner exception
    /// and a scrubbed message: a description or a handler's message may quote the request URL, token included.
    /// </summary>
    public static DeliveryException Classify(ApiRequestException e) => e.ErrorCode switch
    {
        429 => new DeliveryException(DeliveryFailure.RateLimited, e.Message,
            e.Parameters?.RetryAfter is int seconds and > 0 ? TimeSpan.FromSeconds(seconds) : DefaultRetryAfter, e),
        403 => new DeliveryException(DeliveryFailure.Blocked, TelegramSecrets.Scrub(e.Message)),
        >= 400 and < 500 => new DeliveryException(DeliveryFailure.Permanent, TelegramSecrets.Scrub($"{e.ErrorCode}: {e.Message}")),
        _ => new DeliveryException(DeliveryFailure.Transient, TelegramSecrets.Scrub($"{e.ErrorCode}: {e.Message}")),
    };

    /// <summary>A sent message's id as the outbox keeps it: the Bot API's number (unique within its chat) in decimal.</summary>
    private static string Id(Message message) => message.Id.ToString(CultureInfo.InvariantCulture);

    private static string Status(RequestException e) => e.HttpStatusCode is { } status ? $" (HTTP {(int)status})" : "";

    private static T Payload<T>(ClaimedOutboxRow row) =>
        JsonSerializer.Deserialize<T>(row.Payload, JsonBotAPI.Options)
        ?? throw new DeliveryException(DeliveryFailure.Permanent, $"Outbox row {row.Id} has an empty payload.");
}
