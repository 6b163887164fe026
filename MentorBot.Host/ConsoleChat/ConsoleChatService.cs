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
/// <c>!N</c> presses button N of the last message; <c>/as N</c> switches the simulated user; <c>/file PATH</c>
/// sends a local file as a document.
/// </summary>
public sealed class ConsoleChatService(TextReader input, TextWriter output, ConsoleBotClient bot, UpdateInbox inbox, InboxSignal signal, IHostApplicationLifetime lifetime) : BackgroundService
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
        if (text.StartsWith('!') && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var button))
        {
            var buttons = bot.LastKeyboard(user);
            if (button < 1 || button > buttons.Count || buttons[button - 1].CallbackData is null)
            {
                output.WriteLine(ConsoleTexts.NoSuchButton);
                lastUpdateId--;
                return;
            }

            update.CallbackQuery = new CallbackQuery
            {
                Id = $"console-{lastUpdateId}",
                From = from,
                Data = buttons[button - 1].CallbackData,
                Message = new Message { Id = 0, Chat = chat, Date = DateTime.UtcNow },
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
                Id = (int)lastUpdateId, From = from, Chat = chat, Date = DateTime.UtcNow,
                Document = new Document { FileId = info.FullName, FileName = info.Name, FileSize = info.Length },
            };
        }
        else
        {
            update.Message = new Message { Id = (int)lastUpdateId, From = from, Chat = chat, Date = DateTime.UtcNow, Text = text };
        }

        await inbox.RecordAsync(Source, [TelegramPolling.ToInbound(update)], cancellationToken);
        signal.Notify();
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
