using System.Globalization;
using System.Text.Json;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// The terminal side of the console chat: each line becomes a <see cref="ConsoleUpdate"/> recorded in the inbox
/// (source <c>console</c>), so it runs through exactly the pipeline messengers' updates do (<see cref="ConsoleAdapter"/>
/// reads it). <c>!N</c> presses button N of the last message, <c>!M.N</c> button N of message M; <c>/as N</c> switches
/// the simulated user; <c>/file PATH</c> sends a local file as a document.
/// </summary>
public sealed class ConsoleChatService(TextReader input, TextWriter output, ConsoleTranscript transcript, UpdateInbox inbox, InboxSignal signal, IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>The inbox source name of console updates (the console chat is its own messenger).</summary>
    public const string Source = Messengers.Console;

    private long user = 1;
    private long lastUpdateId;

    /// <summary>Handles one typed line: a command of the console itself, or an update for the bot.</summary>
    public async Task HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        var text = line.Trim();
        if (text.Length == 0) return;
        if (text.StartsWith("/as", StringComparison.OrdinalIgnoreCase) && (text.Length == 3 || text[3] == ' '))
        {
            if (long.TryParse(text[3..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                user = n;
                output.WriteLine(ConsoleTexts.SwitchedUser, n);
            }
            else
            {
                output.WriteLine(ConsoleTexts.BadUser);
            }

            return;
        }

        ConsoleUpdate update;
        if (Press(text) is var (messageId, button))
        {
            var pressed = messageId ?? transcript.LatestMessage(user);
            var buttons = pressed is { } m ? transcript.Keyboard(user, m) : null;
            var problem = messageId is not null && buttons is null ? string.Format(CultureInfo.InvariantCulture, ConsoleTexts.NoSuchMessage, messageId)
                : buttons is null || button < 1 || button > buttons.Count
                    ? messageId is null ? ConsoleTexts.NoSuchButton : string.Format(CultureInfo.InvariantCulture, ConsoleTexts.NoSuchButtonUnder, messageId)
                    : null;
            if (problem is not null)
            {
                output.WriteLine(problem);
                return;
            }

            // The pressed message goes with the press, as a messenger sends it: the bot may edit it (its buttons, its text).
            update = new ConsoleUpdate(user, Press: new ConsolePress(pressed!.Value, buttons![button - 1].Data));
        }
        else if (text.StartsWith("/file ", StringComparison.OrdinalIgnoreCase))
        {
            // «/file PATH» sends a local file as a document, as a curator sends the road map in a messenger.
            var info = new FileInfo(text[6..].Trim().Trim('"'));
            if (!info.Exists)
            {
                output.WriteLine(ConsoleTexts.NoSuchFile, info.FullName);
                return;
            }

            update = new ConsoleUpdate(user, File: new ConsoleFile(info.FullName, info.Name, info.Length));
        }
        else
        {
            update = new ConsoleUpdate(user, Text: text);
        }

        await inbox.RecordAsync(Source, [new InboundUpdate(++lastUpdateId, user, JsonSerializer.Serialize(update, ConsoleUpdate.Json))], cancellationToken);
        signal.Notify();
    }

    /// <summary>
    /// A button press typed as <c>!N</c> (button N of the latest message: message null) or <c>!M.N</c> (button N of
    /// message M, its number in the transcript); null when <paramref name="text"/> is neither.
    /// </summary>
    public static (int? Message, int Button)? Press(string text)
    {
        if (!text.StartsWith('!')) return null;
        var parts = text[1..].Split('.');
        static int? Number(string part) => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return parts switch
        {
            [var b] when Number(b) is { } button => (null, button),
            [var m, var b] when Number(m) is { } message && Number(b) is { } button => (message, button),
            _ => null,
        };
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Numbering continues after the last console update, so a restarted chat is not taken for duplicates.
        lastUpdateId = await inbox.LastUpdateIdAsync(Source, stoppingToken);
        output.WriteLine(ConsoleTexts.Intro);
        while (!stoppingToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                // A terminal read ignores cancellation; WaitAsync lets Ctrl+C stop the host at once.
                line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (line is null) break;
            await HandleLineAsync(line, stoppingToken);
        }

        // End of input (Ctrl+D): give the sender a moment to print the last replies, then stop.
        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        lifetime.StopApplication();
    }
}
