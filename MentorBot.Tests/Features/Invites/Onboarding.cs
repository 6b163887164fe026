using System.Text.Json;
using Dapper;
using MentorBot.Host.Configuration;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MentorBot.Tests.Features.Invites;

/// <summary>Drives onboarding through the real pipeline: send, press, read what the person sees.</summary>
public static class Onboarding
{
    public const string BotUsername = "mentor_test_bot";

    /// <summary>A harness whose bot knows its username (invite links are t.me links).</summary>
    public static PipelineHarness NewHarness() => new(services => services.AddSingleton(new MentorBotOptions { BotUsername = BotUsername }));

    /// <summary>Sends <paramref name="text"/> from <paramref name="userId"/> (named <paramref name="firstName"/>) and handles it.</summary>
    public static async Task<long> SendAsync(this PipelineHarness harness, long userId, string text, string firstName = "Анна")
    {
        var update = harness.Text(userId, text);
        update.Message!.From = PipelineHarness.Person(userId, firstName);
        await harness.RecordAsync(update);
        await harness.ProcessAllAsync();
        return update.Id;
    }

    /// <summary>Presses a button with <paramref name="data"/> and handles it; returns the update id.</summary>
    public static async Task<long> PressAsync(this PipelineHarness harness, long userId, string data, string firstName = "Анна")
    {
        var update = harness.Press(userId, data);
        update.CallbackQuery!.From = PipelineHarness.Person(userId, firstName);
        await harness.RecordAsync(update);
        await harness.ProcessAllAsync();
        return update.Id;
    }

    /// <summary>The last message queued to the chat.</summary>
    public static async Task<string> LastTextAsync(this PipelineHarness harness, long chatId) => (await harness.QueuedTextsAsync(chatId)).Last();

    /// <summary>The buttons (label, data) under the last message queued to the chat.</summary>
    public static async Task<IReadOnlyList<(string Label, string Data)>> LastButtonsAsync(this PipelineHarness harness, long chatId)
    {
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var payload = await connection.ExecuteScalarAsync<string>(
            "SELECT payload::text FROM outbox WHERE chat_id = @chatId AND kind = 'message' ORDER BY id DESC LIMIT 1", new { chatId });
        var message = JsonSerializer.Deserialize<SendMessagePayload>(payload!, JsonBotAPI.Options)!;
        return message.ReplyMarkup?.InlineKeyboard.SelectMany(row => row).Select(b => (b.Text, b.CallbackData!)).ToList() ?? [];
    }

    /// <summary>Toasts of the button presses answered in the chat.</summary>
    public static async Task<IReadOnlyList<string?>> ToastsAsync(this PipelineHarness harness, long chatId)
    {
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string?>(
            "SELECT payload->>'text' FROM outbox WHERE chat_id = @chatId AND kind = 'answer_choice' ORDER BY id", new { chatId })).ToList();
    }

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
