using System.Text.Json;
using MentorBot.Host.Outbox;

namespace MentorBot.Host.Telegram;

/// <summary>
/// Performs outbox rows through the Bot API client and classifies its errors for the sender:
/// 429 → pause (retry_after), 403 → unreachable, other 4xx → permanent, 5xx and network → transient.
/// </summary>
/// <param name="client">The Bot API client (Telegram or the console stand-in).</param>
public sealed class TelegramDelivery(ITelegramBotClient client) : IOutboxDelivery
{
    /// <inheritdoc />
    public async Task<long?> DeliverAsync(ClaimedOutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            switch (row.Kind)
            {
                case OutboxKind.SendMessage:
                    var message = Payload<SendMessagePayload>(row);
                    return (await client.SendMessage(row.ChatId, message.Text, ParseMode.Html, message.ReplyMarkup, cancellationToken)).MessageId;
                case OutboxKind.AnswerCallbackQuery:
                    var answer = Payload<AnswerCallbackQueryPayload>(row);
                    await client.AnswerCallbackQuery(answer.CallbackQueryId, answer.Text, cancellationToken: cancellationToken);
                    return null;
                case OutboxKind.EditMessageText:
                    var edit = Payload<EditMessageTextPayload>(row);
                    await client.EditMessageText(row.ChatId, edit.MessageId, edit.Text, ParseMode.Html, edit.ReplyMarkup, cancellationToken);
                    return null;
                case OutboxKind.EditMessageReplyMarkup:
                    var markup = Payload<MessageRefPayload>(row);
                    await client.EditMessageReplyMarkup(row.ChatId, markup.MessageId, markup.ReplyMarkup, cancellationToken);
                    return null;
                case OutboxKind.DeleteMessage:
                    await client.DeleteMessage(row.ChatId, Payload<MessageRefPayload>(row).MessageId, cancellationToken);
                    return null;
                case OutboxKind.SendDocument:
                    var document = Payload<SendDocumentPayload>(row);
                    using (var stream = new MemoryStream(document.Content))
                        return (await client.SendDocument(row.ChatId, new InputFileStream(stream, document.FileName), document.Caption, ParseMode.Html, cancellationToken)).MessageId;
                default:
                    throw new DeliveryException(DeliveryFailure.Permanent, $"Unknown outbox kind '{row.Kind}'.");
            }
        }
        catch (ApiRequestException e)
        {
            throw e.ErrorCode switch
            {
                429 => new DeliveryException(DeliveryFailure.RateLimited, e.Message, TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 5), e),
                403 => new DeliveryException(DeliveryFailure.Blocked, e.Message, inner: e),
                >= 400 and < 500 => new DeliveryException(DeliveryFailure.Permanent, $"{e.ErrorCode}: {e.Message}", inner: e),
                _ => new DeliveryException(DeliveryFailure.Transient, $"{e.ErrorCode}: {e.Message}", inner: e),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException(DeliveryFailure.Transient, $"network: {e.Message}", inner: e);
        }
    }

    private static T Payload<T>(ClaimedOutboxRow row) =>
        JsonSerializer.Deserialize<T>(row.Payload, TelegramJson.Options)
        ?? throw new DeliveryException(DeliveryFailure.Permanent, $"Outbox row {row.Id} has an empty payload.");
}
