using System.Globalization;
using System.Text.Json;
using MentorBot.Host.Outbox;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// The console chat's delivery: performs console outbox rows (rendered by <see cref="ConsoleAdapter"/>) on the
/// <see cref="ConsoleTranscript"/> — message → printed and numbered, edit_text → printed again as edited,
/// edit_choices → its buttons replaced, delete → nothing (a terminal cannot take a line back), document and photo →
/// saved and the path printed, answer_choice → its notice printed. A sent message's id is its number in the transcript.
/// </summary>
/// <param name="transcript">The terminal.</param>
public sealed class ConsoleDelivery(ConsoleTranscript transcript) : IOutboxDelivery
{
    /// <inheritdoc />
    public Task<string?> DeliverAsync(ClaimedOutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Perform(row)?.ToString(CultureInfo.InvariantCulture));
        }
        catch (IOException e)
        {
            // A document that cannot be saved (a full disk, a read-only folder) is not retried into the same wall.
            throw new DeliveryException(DeliveryFailure.Permanent, "the console chat could not save the document: " + e.Message);
        }
    }

    /// <summary>Performs the row; returns the printed message's number, or null when no message was printed.</summary>
    private int? Perform(ClaimedOutboxRow row)
    {
        switch (row.Kind)
        {
            case OutboxKind.Message:
                var message = Payload<ConsoleMessagePayload>(row);
                return transcript.Print(row.ChatId, message.Text, message.Buttons);
            case OutboxKind.EditText:
                var edit = Payload<ConsoleEditPayload>(row);
                return transcript.Edit(row.ChatId, edit.Message, edit.Text ?? "", edit.Buttons);
            case OutboxKind.EditChoices:
                var buttons = Payload<ConsoleEditPayload>(row);
                transcript.ChangeButtons(row.ChatId, buttons.Message, buttons.Buttons);
                return null;
            case OutboxKind.Delete:
                return null;
            case OutboxKind.Document or OutboxKind.Photo:
                var file = Payload<ConsoleFilePayload>(row);
                return transcript.SaveDocument(row.ChatId, file.FileName, file.Content, file.Caption);
            case OutboxKind.AnswerChoice:
                transcript.Toast(Payload<ConsoleAnswerPayload>(row).Text);
                return null;
            default:
                throw new DeliveryException(DeliveryFailure.Permanent, $"Outbox kind '{row.Kind}' is not printed by the console chat.");
        }
    }

    private static T Payload<T>(ClaimedOutboxRow row)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(row.Payload, ConsoleUpdate.Json)
                ?? throw new DeliveryException(DeliveryFailure.Permanent, $"Outbox row {row.Id} has an empty payload.");
        }
        catch (JsonException e)
        {
            throw new DeliveryException(DeliveryFailure.Permanent, $"Outbox row {row.Id} is not a console payload: {e.Message}");
        }
    }
}
