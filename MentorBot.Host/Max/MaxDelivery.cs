using System.Text.Json;
using MentorBot.Host.Outbox;

namespace MentorBot.Host.Max;

/// <summary>
/// Performs MAX outbox rows (rendered by <see cref="MaxAdapter"/>) — message → <c>POST /messages</c>, answer_choice →
/// <c>POST /answers</c>, document and photo → an upload, then <c>POST /messages</c> with the attachment (the adapter
/// renders no edits or deletions for MAX) — and classifies MAX's errors for the sender:
/// 429 → pause MAX's sending (<c>Retry-After</c> if sent, else <see cref="DefaultRetryAfter"/>); 403 and a 404 of the
/// chat → the account is unreachable (the person stopped the bot or the dialog is gone); 401 → transient (a revoked
/// token must not fail every row; the log says so); other refusals → permanent; 5xx, timeouts, the network and
/// <c>attachment.not.ready</c> → transient. A sent message's id is MAX's <c>body.mid</c> (<c>mid.…</c>).
/// A file just uploaded may not be ready yet (<c>attachment.not.ready</c>): the message is sent again with the same
/// upload token, up to <see cref="NotReadySends"/> times, <paramref name="notReadyPause"/> apart (growing) — the file is
/// uploaded once per attempt, not once per try.
/// </summary>
/// <param name="client">The MAX Bot API client.</param>
/// <param name="time">The clock of the pauses (the system's when null).</param>
/// <param name="notReadyPause">The first pause after <c>attachment.not.ready</c> (<see cref="DefaultNotReadyPause"/> when null).</param>
public sealed class MaxDelivery(MaxBotClient client, TimeProvider? time = null, TimeSpan? notReadyPause = null) : IOutboxDelivery
{
    /// <summary>The pause when a 429 names no <c>Retry-After</c> (MAX documents none).</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>How many times a message with a just-uploaded file is sent while MAX says the file is not ready.</summary>
    public const int NotReadySends = 4;

    /// <summary>The first pause after <c>attachment.not.ready</c>; then twice, three times as long (MAX processes a file in a moment or two).</summary>
    public static readonly TimeSpan DefaultNotReadyPause = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    public async Task<string?> DeliverAsync(ClaimedOutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            switch (row.Kind)
            {
                case OutboxKind.Message:
                    return Mid(await client.SendMessageToChat(row.ChatId, Payload<NewMessageBody>(row), cancellationToken: cancellationToken));
                case OutboxKind.AnswerChoice:
                    var answer = Payload<MaxAnswerPayload>(row);
                    // MAX wants a notification or a message in an answer; a silent acknowledgement needs no call.
                    if (answer.Notification is { Length: > 0 } notification)
                        await client.AnswerOnCallback(answer.CallbackId, new CallbackAnswer { Notification = notification }, cancellationToken);
                    return null;
                case OutboxKind.Document or OutboxKind.Photo:
                    var file = Payload<MaxFilePayload>(row);
                    var endpoint = await client.GetUploadUrl(file.UploadType, cancellationToken);
                    await using (var stream = new MemoryStream(file.Content, writable: false))
                    {
                        var uploaded = await client.UploadFile(endpoint.Url, file.FileName, stream, cancellationToken);
                        var attachment = file.UploadType == UploadTypes.Image
                            ? new AttachmentRequest { Type = AttachmentTypes.Image, Payload = new UploadedInfo { Token = uploaded.Token } }
                            : AttachmentRequest.File(uploaded.Token);
                        var body = new NewMessageBody { Text = file.Caption, Format = file.Caption is null ? null : TextFormats.Html, Attachments = [attachment] };
                        return Mid(await SendWhenReadyAsync(row.ChatId, body, cancellationToken));
                    }

                default:
                    throw new DeliveryException(DeliveryFailure.Permanent, $"Outbox kind '{row.Kind}' is not sent to MAX.");
            }
        }
        catch (MaxApiException e)
        {
            throw Classify(e);
        }
        catch (MaxRequestException e)
        {
            throw new DeliveryException(DeliveryFailure.Transient, "MAX request failed: " + e.Message);
        }
    }

    /// <summary>Sends a message with a just-uploaded file, again with the same token while MAX has not processed the file.</summary>
    private async Task<Message> SendWhenReadyAsync(long chatId, NewMessageBody body, CancellationToken cancellationToken)
    {
        for (var send = 1; ; send++)
        {
            try
            {
                return await client.SendMessageToChat(chatId, body, cancellationToken: cancellationToken);
            }
            catch (MaxApiException e) when (e.Code == MaxApiException.AttachmentNotReady && send < NotReadySends)
            {
                await Task.Delay((notReadyPause ?? DefaultNotReadyPause) * send, time ?? TimeProvider.System, cancellationToken);
            }
        }
    }

    /// <summary>How the sender reacts to MAX's refusal <paramref name="e"/> (messages are already free of the token).</summary>
    public static DeliveryException Classify(MaxApiException e) => e switch
    {
        MaxTooManyRequestsException limited => new DeliveryException(DeliveryFailure.RateLimited, e.Message, limited.RetryAfter ?? DefaultRetryAfter),
        MaxUnauthorizedException => new DeliveryException(DeliveryFailure.Transient, "the MAX token was rejected (401): check MENTORBOT_MAX_TOKEN"),
        { StatusCode: 403 } or { StatusCode: 404, Code: "chat.not.found" } => new DeliveryException(DeliveryFailure.Blocked, $"{e.StatusCode}: {e.Message}"),
        { IsTransient: true } => new DeliveryException(DeliveryFailure.Transient, $"{e.StatusCode}: {e.Message}"),
        _ => new DeliveryException(DeliveryFailure.Permanent, $"{e.StatusCode}: {e.Message}"),
    };

    /// <summary>The sent message's id (<c>body.mid</c>); null when MAX answered without a body.</summary>
    private static string? Mid(Message message) => message.Body?.Mid is { Length: > 0 } mid ? mid : null;

    private static T Payload<T>(ClaimedOutboxRow row) =>
        JsonSerializer.Deserialize<T>(row.Payload, MaxJson.Options)
        ?? throw new DeliveryException(DeliveryFailure.Permanent, $"Outbox row {row.Id} has an empty payload.");
}
