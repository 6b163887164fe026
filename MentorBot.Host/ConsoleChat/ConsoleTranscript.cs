using System.Collections.Concurrent;
using System.Globalization;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// The terminal of the console chat: the bot's messages printed and numbered («🤖 №3 → 1: …»), each one's buttons
/// remembered — so <c>!N</c> presses a button of a chat's latest message and <c>!M.N</c> one of message M (issue 17
/// item 19) — and documents saved into <see cref="DocumentsFolder"/> with their full path printed (issue 17 item 6).
/// Thread-safe: the sender prints while the terminal reads presses.
/// </summary>
/// <param name="output">Where messages are printed.</param>
/// <param name="documentsFolder">Where documents the bot sends are saved (created on the first one); relative paths are resolved against the working directory.</param>
public sealed class ConsoleTranscript(TextWriter output, string documentsFolder)
{
    /// <summary>The default folder documents are saved into (<c>MENTORBOT_CONSOLE_DOCUMENTS</c>).</summary>
    public const string DefaultDocumentsFolder = "out";

    private readonly ConcurrentDictionary<int, (long ChatId, IReadOnlyList<ConsoleButton> Buttons)> messages = new();
    private readonly ConcurrentDictionary<long, int> latest = new();
    private int nextMessageId;

    /// <summary>A transcript printing to <paramref name="output"/> that saves documents into <c>./out/</c>.</summary>
    public ConsoleTranscript(TextWriter output)
        : this(output, DefaultDocumentsFolder)
    {
    }

    /// <summary>The full path of the folder documents are saved into.</summary>
    public string DocumentsFolder { get; } = Path.GetFullPath(documentsFolder);

    /// <summary>The number of the latest message to <paramref name="chatId"/>, or null when none was printed.</summary>
    public int? LatestMessage(long chatId) => latest.TryGetValue(chatId, out var id) ? id : null;

    /// <summary>
    /// The buttons under message <paramref name="messageId"/> (its number in the transcript) in reading order, or
    /// null when no such message went to <paramref name="chatId"/> (a person presses only buttons of their own chat).
    /// </summary>
    public IReadOnlyList<ConsoleButton>? Keyboard(long chatId, int messageId) =>
        messages.TryGetValue(messageId, out var message) && message.ChatId == chatId ? message.Buttons : null;

    /// <summary>Prints a new message with its numbered buttons; returns its number.</summary>
    public int Print(long chatId, string text, IReadOnlyList<ConsoleButton> buttons)
    {
        var id = Interlocked.Increment(ref nextMessageId);
        messages[id] = (chatId, buttons);
        lock (output)
        {
            latest[chatId] = id;
            Write(string.Format(CultureInfo.InvariantCulture, ConsoleTexts.Message, id, chatId, Indent(text)), buttons);
        }

        return id;
    }

    /// <summary>
    /// Prints message <paramref name="messageId"/> again with its new text and buttons, marked «изменено»; a message
    /// that is not this chat's is printed as a new one instead (the person sees the text either way). Returns its number.
    /// </summary>
    public int Edit(long chatId, int messageId, string text, IReadOnlyList<ConsoleButton> buttons)
    {
        if (!(messages.TryGetValue(messageId, out var before) && before.ChatId == chatId)) return Print(chatId, text, buttons);
        messages[messageId] = (chatId, buttons);
        lock (output) Write(string.Format(CultureInfo.InvariantCulture, ConsoleTexts.EditedMessage, messageId, chatId, Indent(text)), buttons);
        return messageId;
    }

    /// <summary>The buttons of a printed message change (nothing is printed; <c>!M.N</c> presses the new ones).</summary>
    public void ChangeButtons(long chatId, int messageId, IReadOnlyList<ConsoleButton> buttons)
    {
        if (messages.TryGetValue(messageId, out var message) && message.ChatId == chatId)
            messages[messageId] = (chatId, buttons);
    }

    /// <summary>Saves a document into <see cref="DocumentsFolder"/> under its own name (a number added when taken), prints where; returns its number.</summary>
    public int SaveDocument(long chatId, string fileName, byte[] content, string? caption)
    {
        var id = Interlocked.Increment(ref nextMessageId);
        Directory.CreateDirectory(DocumentsFolder);
        var path = FreePath(Path.GetFileName(fileName) is { Length: > 0 } name ? name : "document");
        using (var file = new FileStream(path, FileMode.CreateNew))
            file.Write(content);
        messages[id] = (chatId, []);
        lock (output)
        {
            latest[chatId] = id;
            output.WriteLine();
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, ConsoleTexts.Message, id, chatId,
                string.Format(CultureInfo.InvariantCulture, ConsoleTexts.DocumentSaved, path, content.Length)));
            if (caption is not null) output.WriteLine("   " + Indent(caption));
        }

        return id;
    }

    /// <summary>Prints the notice of an answered press, if it has one.</summary>
    public void Toast(string? text)
    {
        if (text is not null)
            lock (output) output.WriteLine(ConsoleTexts.Toast, text);
    }

    private void Write(string line, IReadOnlyList<ConsoleButton> buttons)
    {
        output.WriteLine();
        output.WriteLine(line);
        for (var i = 0; i < buttons.Count; i++)
            output.WriteLine($"   [{i + 1}] {buttons[i].Label}");
    }

    private static string Indent(string text) => text.Replace("\n", "\n   ");

    /// <summary>«order.docx», else «order (2).docx», «order (3).docx»…: a document the bot sends again never overwrites an earlier one.</summary>
    private string FreePath(string name)
    {
        var path = Path.Combine(DocumentsFolder, name);
        for (var n = 2; File.Exists(path); n++)
            path = Path.Combine(DocumentsFolder, $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}");
        return path;
    }
}
