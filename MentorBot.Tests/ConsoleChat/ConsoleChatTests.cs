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
        var output = new StringWriter();
        // Ctrl+D only once the last reply is printed (a loaded machine may take longer than the console's grace).
        var input = new ScriptedInput(["/help", "/cancel", "!1"], () => Printed(output).Contains(StartTexts.NothingToCancel));
        using var host = BotHost.Build(new MentorBotOptions { ConnectionString = database.ConnectionString }, input, output);

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var printed = Printed(output);
        printed.Should().Contain("🤖 [1] " + StartTexts.HelpHeading);
        printed.Should().Contain("🤖 [1] " + StartTexts.NothingToCancel);
        printed.Should().Contain("Нет кнопки с таким номером");
        printed.IndexOf(StartTexts.HelpHeading, StringComparison.Ordinal).Should().BeLessThan(printed.IndexOf(StartTexts.NothingToCancel, StringComparison.Ordinal));
    }

    private static string Printed(StringWriter output)
    {
        lock (output) return output.ToString();
    }

    /// <summary>Typed lines, then end of input once <paramref name="done"/> holds (or after a minute).</summary>
    private sealed class ScriptedInput(IReadOnlyList<string> lines, Func<bool> done) : TextReader
    {
        private int next;

        public override string? ReadLine()
        {
            if (next < lines.Count) return lines[next++];
            for (var i = 0; i < 600 && !done(); i++) Thread.Sleep(100);
            return null;
        }
    }
}
