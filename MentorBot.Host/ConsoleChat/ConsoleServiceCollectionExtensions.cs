using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.ConsoleChat;

/// <summary>Registers the console chat: the messenger of <c>./scripts/run</c> when no messenger is configured.</summary>
public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// Serves the console chat on <paramref name="input"/>/<paramref name="output"/>: the terminal
    /// (<see cref="ConsoleChatService"/>), its transcript, the documents it sends (<see cref="ConsoleDocumentDownloads"/>)
    /// and its own outbox sender printing through <see cref="ConsoleDelivery"/> — without pacing, since no messenger's
    /// limit applies to a terminal. Its adapter is registered with the core (<c>AddMentorBotCore</c>).
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="input">What the person types.</param>
    /// <param name="output">Where the bot's messages are printed.</param>
    /// <param name="documentsFolder">Where documents the bot sends are saved (<c>MENTORBOT_CONSOLE_DOCUMENTS</c>).</param>
    /// <param name="rate">Messages a second (the bot's <c>MENTORBOT_SENDER_RATE</c>).</param>
    public static IServiceCollection AddConsoleChat(this IServiceCollection services, TextReader input, TextWriter output, string documentsFolder, int rate)
    {
        services.AddSingleton(new ConsoleTranscript(output, documentsFolder));
        services.AddKeyedSingleton<IDocumentDownloads, ConsoleDocumentDownloads>(Messengers.Console);
        var senderOptions = new OutboxSenderOptions
        {
            Messenger = Messengers.Console, RateKey = Messengers.Console, GlobalRatePerSecond = rate, ChatInterval = TimeSpan.Zero, GroupInterval = TimeSpan.Zero,
        };
        services.AddHostedService(p => new OutboxSender(p.GetRequiredService<OutboxStore>(), new ConsoleDelivery(p.GetRequiredService<ConsoleTranscript>()),
            p.GetRequiredService<OutboxSignal>(), p.GetRequiredService<TimeProvider>(), senderOptions, p.GetRequiredService<ILogger<OutboxSender>>()));
        services.AddHostedService(p => ActivatorUtilities.CreateInstance<ConsoleChatService>(p, input, output));
        return services;
    }
}
