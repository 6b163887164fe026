using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Questionnaires;

/// <summary>
/// Drives a chat through the real pipeline of a <see cref="PipelineHarness"/> — or of a second service
/// provider on the same database, standing for the Host after a restart — and reads what the person sees.
/// </summary>
public sealed class QuestionnaireChat(PipelineHarness harness, long userId)
{
    /// <summary>The provider updates go through; replace it to simulate a restart.</summary>
    public IServiceProvider Services { get; set; } = harness.Services;

    /// <summary>A fresh provider on the harness's database (a restarted Host: nothing carried over in memory).</summary>
    public ServiceProvider Restart()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMentorBotCore(new MentorBotOptions { ConnectionString = harness.Database.ConnectionString });
        services.AddSingleton<TimeProvider>(harness.Clock);
        var provider = services.BuildServiceProvider();
        Services = provider;
        return provider;
    }

    public Task TypeAsync(string text) => SendAsync(harness.Text(userId, text));

    public Task PressDataAsync(string data) => SendAsync(harness.Press(userId, data));

    /// <summary>Presses the button labelled <paramref name="label"/> under the latest message that has buttons.</summary>
    public async Task PressAsync(string label)
    {
        var buttons = await ButtonsAsync();
        var match = buttons.Where(b => b.Label == label).ToList();
        match.Should().ContainSingle($"the latest keyboard should have «{label}», it has {string.Join(" | ", buttons.Select(b => b.Label))}");
        await PressDataAsync(match[0].Data);
    }

    /// <summary>The buttons (label, data) of the latest message with a keyboard.</summary>
    public async Task<IReadOnlyList<(string Label, string Data)>> ButtonsAsync() =>
        (await harness.QueuedMessagesAsync(userId)).LastOrDefault(m => m.Buttons.Count > 0)?.Buttons ?? [];

    /// <summary>Every text sent to the chat, oldest first.</summary>
    public Task<IReadOnlyList<string>> TextsAsync() => harness.QueuedTextsAsync(userId);

    public async Task<string> LastTextAsync() => (await TextsAsync())[^1];

    /// <summary>Toasts shown for button presses, oldest first (null = a silent acknowledgement).</summary>
    public Task<IReadOnlyList<string?>> ToastsAsync() => harness.ToastsAsync(userId);

    private async Task SendAsync(PersonUpdate update)
    {
        await Services.GetRequiredService<UpdateInbox>().RecordAsync(update.Source, [update.Inbound], CancellationToken.None);
        var processor = Services.GetRequiredService<UpdateProcessor>();
        while (await processor.ProcessPendingAsync() > 0)
        {
        }

        var errors = await harness.ScalarAsync<long>("SELECT count(*) FROM inbound_updates WHERE error IS NOT NULL");
        errors.Should().Be(0, await harness.ScalarAsync<string>("SELECT coalesce(string_agg(error, '; '), '') FROM inbound_updates"));
    }
}
