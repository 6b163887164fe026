using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Features.Start;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Tests.ConsoleChat;

/// <summary>
/// The console chat (no token) runs the whole host — inbox, features, outbox, the sender and Telegram.Bot's
/// client interface answered by the console — and prints the bot's replies with numbered buttons.
/// </summary>
public sealed class ConsoleChatTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Typed_lines_go_through_the_pipeline_and_the_replies_are_printed()
    {
        // Ctrl+D after the lines: the console waits for the last replies, then stops the host.
        var input = new StringReader("/help\n/cancel\n!1\n");
        var output = new StringWriter();
        using var host = BotHost.Build(new MentorBotOptions { ConnectionString = database.ConnectionString }, input, output);

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var printed = output.ToString();
        printed.Should().Contain("🤖 [1] " + StartTexts.HelpHeading);
        printed.Should().Contain("🤖 [1] " + StartTexts.NothingToCancel);
        printed.Should().Contain("Нет кнопки с таким номером");
        printed.IndexOf(StartTexts.HelpHeading, StringComparison.Ordinal).Should().BeLessThan(printed.IndexOf(StartTexts.NothingToCancel, StringComparison.Ordinal));
    }
}
