using MentorBot.Host.Configuration;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Invites;

/// <summary>Drives onboarding through the real pipeline: send, press, read what the person sees.</summary>
public static class Onboarding
{
    public const string BotUsername = "mentor_test_bot";

    /// <summary>A harness whose bot knows its username (invite links are t.me links).</summary>
    public static PipelineHarness NewHarness() => new(services => services.AddSingleton(new MentorBotOptions { BotUsername = BotUsername }));

    /// <summary>Sends <paramref name="text"/> from <paramref name="userId"/> (named <paramref name="firstName"/>) and handles it; returns the update id.</summary>
    public static async Task<long> SendAsync(this PipelineHarness harness, long userId, string text, string firstName = "Анна")
    {
        var update = harness.Text(userId, text, firstName);
        await harness.RecordAsync(update);
        await harness.ProcessAllAsync();
        return update.Id;
    }

    /// <summary>Presses a button with <paramref name="data"/> and handles it; returns the update id.</summary>
    public static async Task<long> PressAsync(this PipelineHarness harness, long userId, string data, string firstName = "Анна")
    {
        var update = harness.Press(userId, data, firstName);
        await harness.RecordAsync(update);
        await harness.ProcessAllAsync();
        return update.Id;
    }

    /// <summary>The last message queued to the person.</summary>
    public static async Task<string> LastTextAsync(this PipelineHarness harness, long userId) => (await harness.QueuedTextsAsync(userId)).Last();

    /// <summary>The buttons (label, data) under the last message queued to the person.</summary>
    public static async Task<IReadOnlyList<(string Label, string Data)>> LastButtonsAsync(this PipelineHarness harness, long userId) =>
        (await harness.QueuedMessagesAsync(userId)).LastOrDefault()?.Buttons ?? [];

    /// <summary>The token of the link in <paramref name="text"/> (https://t.me/BOT?start=TOKEN).</summary>
    public static string TokenIn(string text)
    {
        var start = text.IndexOf("?start=", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, text);
        start += "?start=".Length;
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-')) end++;
        return text[start..end];
    }
}
