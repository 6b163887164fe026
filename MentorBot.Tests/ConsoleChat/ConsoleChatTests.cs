using MentorBot.Domain.Organisations;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.ConsoleChat;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Pairs;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Host.Features.Start;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Tests.ConsoleChat;

/// <summary>
/// The console chat (no token) runs the whole host — inbox, features, outbox, the console's own sender and delivery,
/// a messenger of its own — and prints the bot's replies, numbered, with numbered buttons.
/// </summary>
public sealed class ConsoleChatTests : IAsyncLifetime
{
    private readonly PipelineHarness setup = new();
    private readonly string documents = Path.Combine(Path.GetTempPath(), "mentorbot-console-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => setup.InitializeAsync();

    public async Task DisposeAsync()
    {
        await setup.DisposeAsync();
        if (Directory.Exists(documents)) Directory.Delete(documents, recursive: true);
    }

    [Fact]
    public async Task Typed_lines_go_through_the_pipeline_and_the_replies_are_printed()
    {
        var output = new StringWriter();
        var input = new ScriptedInput(output, [("/help", null), ("/cancel", StartTexts.HelpHeading), ("!1", StartTexts.NothingToCancel)], "Нет кнопки с таким номером");
        using var host = BotHost.Build(new MentorBotOptions { ConnectionString = setup.Database.ConnectionString, ConsoleDocuments = documents }, input, output);

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var printed = Printed(output);
        printed.Should().Contain("🤖 №1 → 1: " + StartTexts.HelpHeading);
        printed.Should().Contain("🤖 №2 → 1: " + StartTexts.NothingToCancel);
        printed.Should().Contain("Нет кнопки с таким номером");
    }

    [Fact]
    public async Task A_button_of_an_earlier_message_is_pressed_by_its_number_and_a_document_is_saved_into_the_folder()
    {
        // User 1 of the console is the curator of a school with one approved pair.
        var school = await setup.CreateOrganisationAsync("Лицей № 2");
        await setup.ApprovedPairAsync(school, (1, "Орлова Ольга"), (2, "Петрова Анна"), (3, "Иванов Игорь"));
        await setup.ExecuteAsync("DELETE FROM outbox");
        // The harness seeds its people as Telegram accounts; here they are the console's users 1–3.
        await setup.ExecuteAsync("UPDATE messenger_accounts SET messenger = 'console'");
        var output = new StringWriter();
        var input = new ScriptedInput(output,
        [
            ("/invite", null),
            ("/help", "[4] "),
            ("!1.9", StartTexts.HelpHeading),
            ("!7.1", "Под сообщением №1 нет кнопки"),
            ("!1.2", "Сообщения №7"),
            ("/order", InviteTexts.CommandInstead.Trim()),
        ], "документ сохранён");
        using var host = BotHost.Build(new MentorBotOptions { ConnectionString = setup.Database.ConnectionString, ConsoleDocuments = documents }, input, output);

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var printed = Printed(output);
        printed.Should().Contain("🤖 №1 → 1: " + InviteTexts.WhomToInvite("Лицей № 2"));
        printed.Should().Contain("🤖 №2 → 1: " + StartTexts.HelpHeading);
        // «!1.2» pressed «Наставника» under message 1 although message 2 was the latest.
        printed.Should().Contain("🤖 №3 → 1: Приглашение в «Лицей № 2», роль: наставник")
            .And.Contain(InviteTexts.CommandInstead.Trim())
            .And.NotContain("MENTORBOT", "no configuration name reaches the chat");
        var saved = Path.Combine(documents, OrderDocument.FileName);
        File.Exists(saved).Should().BeTrue();
        printed.Should().Contain($"🤖 №4 → 1: 📎 документ сохранён: {saved} ({new FileInfo(saved).Length} байт)");
        Docx.Read(await File.ReadAllBytesAsync(saved)).Text.Should().Contain("Петрова Анна");
    }

    [Fact]
    public async Task A_road_map_sent_with_slash_file_is_read_from_disk_and_summarised_for_the_curator()
    {
        var school = await setup.CreateOrganisationAsync("Лицей № 2");
        await setup.AddMemberAsync(school, 1, "Орлова Ольга", [Role.Curator]);
        await setup.ExecuteAsync("UPDATE messenger_accounts SET messenger = 'console'");
        var roadMap = RepositoryPaths.SharedRoadmap("school-75-42");
        var output = new StringWriter();
        var input = new ScriptedInput(output, [($"/file {roadMap}", null)], RoadmapTexts.UploadQuestion);
        using var host = BotHost.Build(new MentorBotOptions { ConnectionString = setup.Database.ConnectionString, ConsoleDocuments = documents }, input, output);

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Printed(output).Should().Contain("🤖 №1 → 1: Дорожная карта из файла school-75-42.txt").And.Contain(RoadmapTexts.UploadQuestion);
    }

    [Fact]
    public void Only_the_bots_own_warnings_reach_the_terminal()
    {
        using var host = BotHost.Build(new MentorBotOptions { ConnectionString = setup.Database.ConnectionString }, TextReader.Null, TextWriter.Null);
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger("MentorBot.Host.Outbox.OutboxSender").IsEnabled(LogLevel.Warning).Should().BeTrue();
        loggers.CreateLogger("Hangfire.Server.Worker").IsEnabled(LogLevel.Error).Should().BeFalse();
        loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Warning).Should().BeFalse();
        loggers.CreateLogger("System.Net.Http.HttpClient.Default.LogicalHandler").IsEnabled(LogLevel.Warning).Should().BeFalse();
    }

    private static string Printed(StringWriter output)
    {
        lock (output) return output.ToString();
    }

    /// <summary>
    /// Typed lines, each given only once the terminal shows its text to wait for (a reply it answers), then end of
    /// input once <paramref name="end"/> is printed (a loaded machine may take longer than the console's grace).
    /// </summary>
    private sealed class ScriptedInput(StringWriter output, IReadOnlyList<(string Line, string? After)> lines, string end) : TextReader
    {
        private int next;

        public override string? ReadLine()
        {
            var waitFor = next < lines.Count ? lines[next].After : end;
            for (var i = 0; i < 600 && waitFor is not null && !Printed(output).Contains(waitFor); i++) Thread.Sleep(100);
            return next < lines.Count ? lines[next++].Line : null;
        }
    }
}
