using System.Globalization;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Telegram;
using Microsoft.Extensions.Hosting;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// The terminal side of the console chat: each line becomes a Telegram-shaped update recorded in the inbox
/// (source <c>console</c>), so it runs through exactly the pipeline Telegram updates do.
/// <c>!N</c> presses button N of the last message, <c>!M.N</c> button N of message M; <c>/as N</c> switches the simulated user; <c>/file PATH</c>
/// sends a local file as a document.
/// </summary>
public sealed class ConsoleChatService(TextReader input, TextWriter output, ConsoleBotClient bot, UpdateInbox inbox, InboxSignal signal, TimeProvider time, IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>The inbox source name of console updates.</summary>
    public const string Source = "console";

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

        var from = new User { Id = user, FirstName = $"Пользователь {user}" };
        var chat = new Chat { Id = user, Type = ChatType.Private };
        var update = new Update { Id = (int)++lastUpdateId };
        if (Press(text) is var (messageId, button))
        {
            var buttons = messageId is { } m ? bot.Keyboard(user, m) : bot.LastKeyboard(user);
            var problem = buttons is null ? string.Format(CultureInfo.InvariantCulture, ConsoleTexts.NoSuchMessage, messageId)
                : button < 1 || button > buttons.Count || buttons[button - 1].CallbackData is null
                    ? messageId is null ? ConsoleTexts.NoSuchButton : string.Format(CultureInfo.InvariantCulture, ConsoleTexts.NoSuchButtonUnder, messageId)
                    : null;
            if (problem is not null)
            {
                output.WriteLine(problem);
                lastUpdateId--;
                return;
            }

            update.CallbackQuery = new CallbackQuery
            {
                Id = $"console-{lastUpdateId}",
                From = from,
                Data = buttons![button - 1].CallbackData,
                // The pressed message, as Telegram sends it: the bot may edit it (its buttons, its text).
                Message = new Message { Id = messageId ?? bot.LatestMessage(user) ?? 0, Chat = chat, Date = time.GetUtcNow().UtcDateTime },
            };
        }
        else if (text.StartsWith("/file ", StringComparison.OrdinalIgnoreCase))
        {
            // «/file PATH» sends a local file as a document, as a curator sends the road map in Telegram.
            var info = new FileInfo(text[6..].Trim().Trim('"'));
            if (!info.Exists)
            {
                output.WriteLine(ConsoleTexts.NoSuchFile, info.FullName);
                lastUpdateId--;
                return;
            }

            update.Message = new Message
            {
                Id = (int)lastUpdateId, From = from, Chat = chat, Date = time.GetUtcNow().UtcDateTime,
                Document = new Document { FileId = info.FullName, FileName = info.Name, FileSize = info.Length },
            };
        }
        else
        {
            update.Message = new Message { Id = (int)lastUpdateId, From = from, Chat = chat, Date = time.GetUtcNow().UtcDateTime, Text = text };
        }

        await inbox.RecordAsync(Source, [TelegramPolling.ToInbound(update)], cancellationToken);
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
