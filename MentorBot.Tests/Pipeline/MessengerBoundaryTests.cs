using System.Text.RegularExpressions;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Pipeline;

/// <summary>
/// Features, <c>Notifier</c> and Domain speak of replies, choices and participants, never of a messenger (issue 16):
/// no file there imports a messenger adapter's or library's types or names a Telegram id column. The console chat is a
/// messenger of its own and imports no other messenger's types either.
/// </summary>
public sealed partial class MessengerBoundaryTests
{
    [Fact]
    public void No_feature_or_domain_file_imports_a_messenger_or_names_a_telegram_id()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Combine("MentorBot.Domain"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Combine("MentorBot.Host", "Features"), "*.cs", SearchOption.AllDirectories))
            .Append(RepositoryPaths.Combine("MentorBot.Host", "Outbox", "Notifier.cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        files.Should().HaveCountGreaterThan(100, "the scan must see the sources");

        Offences(files).Should().BeEmpty();
    }

    [Fact]
    public void The_console_chat_is_a_messenger_of_its_own_and_imports_no_other_messengers_types()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Combine("MentorBot.Host", "ConsoleChat"), "*.cs", SearchOption.AllDirectories).ToList();
        files.Should().HaveCountGreaterThan(5, "the scan must see the console chat's sources");

        Offences(files).Should().BeEmpty();
    }

    /// <summary>
    /// Feature tests act and read through the harness's messenger driver (<see cref="MessengerDriver"/>), so each can run
    /// in either messenger: none imports a messenger's types, adapter or the tests' Telegram/MAX folders (drivers, fakes).
    /// </summary>
    [Fact]
    public void No_feature_test_imports_a_messenger()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Combine("MentorBot.Tests", "Features"), "*.cs", SearchOption.AllDirectories).ToList();
        files.Should().HaveCountGreaterThan(40, "the scan must see the feature tests");

        Offences(files, TestMessengerReference()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("using MentorBot.Tests.Max;")]
    [InlineData("var json = MentorBot.Tests.Telegram.FakeBotApi.Ok;")]
    public void The_feature_test_scan_catches_the_tests_messenger_folders(string line) =>
        TestMessengerReference().IsMatch(line).Should().BeTrue();

    [Theory]
    [InlineData("using MentorBot.Host.Telegram;")]
    [InlineData("using Telegram.Bot.Types;")]
    [InlineData("services.AddSingleton<MentorBot.Host.Max.MaxBotClient>();")]
    [InlineData("using MentorBot.Host.Max;")]
    [InlineData("WHERE p.telegram_user_id = @id")]
    [InlineData("global::Telegram.Bot.ITelegramBotClient client")]
    public void The_scan_catches_an_import_a_qualified_type_or_the_id_column(string line) =>
        MessengerReference().IsMatch(line).Should().BeTrue();

    [Theory]
    [InlineData("// Telegram appends @botname to commands in groups")]
    [InlineData("public const string Max = \"max\";")]
    [InlineData("var maxBytes = 1024;")]
    public void The_scan_leaves_words_in_comments_and_other_names_alone(string line) =>
        MessengerReference().IsMatch(line).Should().BeFalse();

    /// <summary>Each line of <paramref name="files"/> that imports or names a messenger's types (or matches <paramref name="also"/>), as «file:line: text».</summary>
    private static List<string> Offences(IEnumerable<string> files, Regex? also = null) => files
        .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepositoryPaths.Root(), f), Line: i + 1, Text: line)))
        .Where(l => MessengerReference().IsMatch(l.Text) || also?.IsMatch(l.Text) == true)
        .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
        .ToList();

    [GeneratedRegex(@"\bMentorBot\.Host\.(Telegram|Max)\b|\bTelegram\.Bot\b|\btelegram_user_id\b", RegexOptions.CultureInvariant)]
    private static partial Regex MessengerReference();

    [GeneratedRegex(@"\bMentorBot\.Tests\.(Telegram|Max)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TestMessengerReference();
}
