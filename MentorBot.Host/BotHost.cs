using MentorBot.Host.Configuration;
using MentorBot.Host.ConsoleChat;
using MentorBot.Host.Features.Digests;
using MentorBot.Host.Features.Questionnaires;
using MentorBot.Host.Features.Reminders;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Host.Features.Start;
using MentorBot.Host.Max;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Scheduling;
using MentorBot.Host.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host;

/// <summary>The composition root: one <c>Add…</c> per concern, then the receive mode's pieces.</summary>
public static class BotHost
{
    /// <summary>
    /// Registers everything but the receivers and hosted workers: database, inbox, pipeline and features,
    /// outbox and sender, scheduled jobs. Used by <c>run</c>, by verbs and by tests.
    /// </summary>
    public static IServiceCollection AddMentorBotCore(this IServiceCollection services, MentorBotOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase(options.ConnectionString);
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<UpdateInbox>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<Notifier>();
        services.AddSingleton(new OutboxSenderOptions { GlobalRatePerSecond = options.SenderRate, RetryWindow = TimeSpan.FromHours(options.SenderRetryHours) });
        services.AddSingleton<IMessengerAdapter, TelegramAdapter>();
        services.AddKeyedSingleton<IMessengerAdapter, MaxAdapter>(Messengers.Max);
        services.AddKeyedSingleton<IMessengerAdapter, ConsoleAdapter>(Messengers.Console);
        services.AddSingleton<MessengerAdapters>();
        services.AddSingleton<TelegramHealth>();
        services.AddSingleton<IOutboxDelivery, TelegramDelivery>();
        services.AddKeyedSingleton<IDocumentDownloads, TelegramDocumentDownloads>(Messengers.Telegram);
        services.AddKeyedSingleton<IDocumentDownloads, MaxDocumentDownloads>(Messengers.Max);
        services.AddSingleton<IDocumentDownloads, MessengerDocumentDownloads>();
        services.AddFeatures();
        services.AddSingleton<ChatRoutes>();
        services.AddSingleton<UpdateProcessor>();
        services.AddSingleton<OutboxSender>();
        services.AddScheduledJobs();
        return services;
    }

    /// <summary>The chat features; each new feature adds one line.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        // Registration order is the order of /help and the command menu: joining first, then the curator's work.
        services.AddSingleton<IChatFeature, StartFeature>();
        services.AddSingleton<IChatFeature, ConversationSwitch>();
        services.AddSingleton<IChatFeature, QuestionnaireFeature>();
        services.AddSingleton<Features.Consents.WithdrawalNotices>();
        services.AddSingleton<IChatFeature, Features.Consents.ConsentsFeature>();
        services.AddSingleton<IChatFeature, Features.Organisations.OrganisationSwitch>();
        services.AddSingleton<IChatFeature, Features.Meetings.MeetingsFeature>();
        services.AddSingleton<IChatFeature, Features.Pairs.PairsFeature>();
        services.AddRoadmapFeature();
        services.AddSingleton<IChatFeature, Features.Invites.InvitesFeature>();
        services.AddSingleton<IChatFeature, Features.Banks.BanksFeature>();
        services.AddReminders();
        services.AddDigests();
        services.AddSingleton<IChatFeature, Features.Exports.ExportsFeature>();
        services.AddSingleton<IChatFeature, Features.Reports.ReportsFeature>();
        services.AddSingleton<IChatFeature, Features.Practices.PracticesFeature>();
        services.AddSingleton<IChatFeature, Features.Events.EventsFeature>();
        services.AddSingleton<IChatFeature, Features.Publishing.PublishFeature>();
        services.AddSingleton<IChatFeature, Features.Colleagues.ColleaguesFeature>();
        services.AddSingleton<IChatFeature, Features.Accounts.AccountsFeature>();
        return services;
    }

    /// <summary>
    /// Builds the bot: Telegram by polling or webhook when its token is set, MAX by polling or webhook when its token is
    /// set (either or both), else the console chat on
    /// <paramref name="consoleInput"/>/<paramref name="consoleOutput"/>. Except in the console chat it listens on
    /// <c>MENTORBOT_LISTEN_URL</c> for <c>/healthz</c>, the jobs Dashboard <c>/jobs</c> and, in webhook mode, the webhook.
    /// <paramref name="configure"/> lets tests replace services.
    /// </summary>
    public static IHost Build(MentorBotOptions options, TextReader consoleInput, TextWriter consoleOutput, Action<IServiceCollection>? configure = null)
    {
        var webhook = options.Mode == ReceiveMode.Webhook && options.HasTelegram;
        IHostApplicationBuilder builder = !options.IsConsole
            ? WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory })
            : Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddMentorBotSources();
        var services = builder.Services;
        services.AddMentorBotCore(options);
        services.AddHostedService(p => p.GetRequiredService<UpdateProcessor>());
        // Telegram's sender; MAX (AddMaxMessenger) and the console chat (AddConsoleChat) have their own.
        if (options.HasTelegram) services.AddHostedService(p => p.GetRequiredService<OutboxSender>());
        services.AddHangfireWorkers();

        if (options.IsConsole)
        {
            // The terminal is the chat: only the bot's own warnings and errors go there (stderr); libraries' lines
            // (Hangfire re-queueing a job at a stop, the host's lifetime) mean nothing to the person chatting (issue 17
            // item 14); only the host's report of a crashed service stays, or the chat would end without a word.
            // The rules replace appsettings' «Logging» levels (Information by default), which are for the operator's log.
            builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            services.PostConfigure<LoggerFilterOptions>(filters =>
            {
                filters.Rules.Clear();
                filters.MinLevel = LogLevel.None;
                filters.Rules.Add(new LoggerFilterRule(null, "MentorBot", LogLevel.Warning, null));
                filters.Rules.Add(new LoggerFilterRule(null, "Microsoft.Extensions.Hosting", LogLevel.Error, null));
            });
            services.AddConsoleChat(consoleInput, consoleOutput, options.ConsoleDocuments, options.SenderRate);
        }
        else if (options.HasTelegram)
        {
            services.AddTelegramBotClient(options.BotToken, options.ApiBaseUrl);
            services.AddHostedService<TelegramStartup>();
            if (!webhook)
            {
                services.AddSingleton(new PollingOptions());
                services.AddHostedService<TelegramPolling>();
            }
        }

        // MAX beside Telegram, or alone (issue 16): its own receiver into the same inbox.
        if (options.Max.IsConfigured) services.AddMaxMessenger(options.Max, TimeSpan.FromHours(options.SenderRetryHours));

        // Every log entry is one line (its exception too) that starts with a UTC timestamp (issue 12 item 10).
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        configure?.Invoke(services);
        if (builder is not WebApplicationBuilder web)
            return ((HostApplicationBuilder)builder).Build();

        web.WebHost.UseUrls(options.ListenUrl);
        var app = web.Build();
        if (webhook) app.MapTelegramWebhook(options.WebhookSecret);
        if (options.Max.IsWebhook) app.MapMaxWebhook(options.Max.WebhookSecret);
        // 503 with the reason while the Bot API is unreachable or refuses the token (issue 12 item 6).
        // MAX's connection counts too when MAX is served (issue 16).
        app.MapGet("/healthz", (TelegramHealth health, IServiceProvider services) =>
            ((options.HasTelegram ? health.Problem : null) ?? (options.Max.IsConfigured ? services.GetRequiredService<MaxHealth>().Problem : null)) is { } problem
                ? Results.Text("unhealthy: " + problem, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("ok"));
        app.UseJobsDashboard(options);
        return app;
    }
}
