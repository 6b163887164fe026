using System.Text.Json;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace MentorBot.Tests.Outbox;

/// <summary>
/// A picture for a member (a digest chart, issue 14) through <see cref="Notifier.EnqueuePhotoAsync"/>: queued as one
/// sendPhoto row to the member's private chat, once per key, and never to someone who is unreachable.
/// </summary>
public sealed class NotifierPhotoTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly PipelineHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<bool> EnqueueAsync(long membershipId, string key)
    {
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        return await harness.Services.GetRequiredService<Notifier>().EnqueuePhotoAsync(connection, null, membershipId, Png, "Встречи: 3 < 5", key, harness.Clock.GetUtcNow(), default);
    }

    [Fact]
    public async Task A_members_chart_is_one_sendPhoto_row_to_their_private_chat_with_an_escaped_caption_once_per_key()
    {
        var school = await harness.CreateOrganisationAsync();
        var curator = await harness.AddMemberAsync(school, 701, "Петрова Анна", [Role.Curator]);

        (await EnqueueAsync(curator, "digest:2026-11")).Should().BeTrue();
        (await EnqueueAsync(curator, "digest:2026-11")).Should().BeTrue();

        (await harness.ScalarAsync<long>("SELECT count(*) FROM outbox")).Should().Be(1, "the same key queues once");
        (await harness.ScalarAsync<string>("SELECT kind FROM outbox WHERE chat_id = 701 AND idempotency_key = 'bg:digest:2026-11.photo'")).Should().Be(OutboxKind.Photo);
        var payload = JsonSerializer.Deserialize<SendPhotoPayload>(await harness.ScalarAsync<string>("SELECT payload::text FROM outbox"), JsonBotAPI.Options)!;
        payload.Content.Should().Equal(Png);
        payload.Caption.Should().Be("Встречи: 3 &lt; 5");
    }

    [Fact]
    public async Task An_unreachable_member_gets_no_picture()
    {
        var school = await harness.CreateOrganisationAsync();
        var curator = await harness.AddMemberAsync(school, 702, "Иванова Вера", [Role.Curator]);
        await harness.ExecuteAsync("UPDATE participants SET status = 'unreachable' WHERE id = (SELECT participant_id FROM messenger_accounts WHERE messenger = 'telegram' AND external_user_id = 702)");

        (await EnqueueAsync(curator, "digest:2026-11")).Should().BeFalse();

        (await harness.ScalarAsync<long>("SELECT count(*) FROM outbox")).Should().Be(0);
    }
}
