namespace MentorBot.Host.ConsoleChat;

/// <summary>A button under a console message.</summary>
/// <param name="Label">What it says.</param>
/// <param name="Data">The choice data a press sends.</param>
public sealed record ConsoleButton(string Label, string Data);

/// <summary>The outbox payload of a console message (kind <c>message</c>).</summary>
/// <param name="Text">Plain text as printed (the reply's HTML already turned into text).</param>
/// <param name="Buttons">The buttons under it, in reading order; numbered from 1 when printed.</param>
public sealed record ConsoleMessagePayload(string Text, IReadOnlyList<ConsoleButton> Buttons);

/// <summary>The outbox payload of an edit of a printed message (kinds <c>edit_text</c>, <c>edit_choices</c>, <c>delete</c>).</summary>
/// <param name="Message">The message's number in the transcript.</param>
/// <param name="Text">The new plain text (<c>edit_text</c>), else null.</param>
/// <param name="Buttons">The new buttons (none: removed).</param>
public sealed record ConsoleEditPayload(int Message, string? Text, IReadOnlyList<ConsoleButton> Buttons);

/// <summary>The outbox payload of a document or a picture (kinds <c>document</c>, <c>photo</c>), saved into the documents folder.</summary>
/// <param name="FileName">The name it is saved under.</param>
/// <param name="Content">The file.</param>
/// <param name="Caption">Plain caption printed under the path, or null.</param>
public sealed record ConsoleFilePayload(string FileName, byte[] Content, string? Caption);

/// <summary>The outbox payload of the answer to a press (kind <c>answer_choice</c>).</summary>
/// <param name="Text">The notice printed, or null for a silent acknowledgement.</param>
public sealed record ConsoleAnswerPayload(string? Text);
