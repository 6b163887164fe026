namespace MentorBot.Domain.Conversations;

/// <summary>
/// What a person sent, independent of the messenger (DESIGN.md decision 2): a text message, a
/// command such as <c>/start PAYLOAD</c>, or a press of a choice button.
/// </summary>
public abstract record ChatInput
{
    /// <summary>Reads a raw text message: <c>/name[@bot] [argument]</c> is a <see cref="CommandInput"/>, anything else a <see cref="TextInput"/>.</summary>
    /// <param name="text">The message text as the messenger delivered it.</param>
    public static ChatInput FromText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 1 && trimmed[0] == '/' && char.IsAsciiLetterOrDigit(trimmed[1]))
        {
            var space = trimmed.IndexOfAny([' ', '\n', '\t']);
            var head = space < 0 ? trimmed[1..] : trimmed[1..space];
            var argument = space < 0 ? null : trimmed[(space + 1)..].Trim();
            // Telegram appends @botname to commands in groups; the name is ours either way.
            var at = head.IndexOf('@');
            if (at >= 0) head = head[..at];
            return new CommandInput(head.ToLowerInvariant(), string.IsNullOrEmpty(argument) ? null : argument);
        }

        return new TextInput(text);
    }
}

/// <summary>An ordinary text message.</summary>
/// <param name="Text">The text as written (not trimmed).</param>
public sealed record TextInput(string Text) : ChatInput;

/// <summary>A command: <c>/start abc</c> is <c>Name = "start"</c>, <c>Argument = "abc"</c>.</summary>
/// <param name="Name">Lower-case command name without the slash or <c>@bot</c> suffix.</param>
/// <param name="Argument">The rest of the message after the command, or null.</param>
public sealed record CommandInput(string Name, string? Argument) : ChatInput;

/// <summary>A press of a <see cref="Choice"/> button.</summary>
/// <param name="Data">The choice's data, <c>feature:action[:id]</c> (DESIGN.md conventions).</param>
public sealed record ChoiceInput(string Data) : ChatInput;

/// <summary>
/// A file sent as a document (Telegram: a message with <c>document</c>). The bytes are not in the update:
/// a handler that wants them downloads them by <see cref="FileId"/> (Bot API getFile; bots may download up to 20 MB).
/// </summary>
/// <param name="FileId">The messenger's id to download the file by.</param>
/// <param name="FileName">The file name as the sender gave it, or null.</param>
/// <param name="FileSize">The size in bytes as the messenger reports it, or null when unknown.</param>
public sealed record DocumentInput(string FileId, string? FileName, long? FileSize) : ChatInput;

/// <summary>
/// A new text of a message sent earlier (Telegram: <c>edited_message</c>), the message being the update's message id.
/// Not new input (issue 12 item 8): it never reaches a command, a button or an open dialogue — only the one edit
/// handler, which corrects a meeting logged by that message; any other edit is ignored.
/// </summary>
/// <param name="Text">The message's text after the edit.</param>
public sealed record EditedTextInput(string Text) : ChatInput;

/// <summary>
/// The person stopped or blocked the bot in this messenger (MAX: <c>bot_stopped</c>). Not input for a feature: the pipeline
/// marks that account unreachable, so background messages go to the person's other account, if any, until they write again.
/// </summary>
public sealed record BotStoppedInput : ChatInput;
