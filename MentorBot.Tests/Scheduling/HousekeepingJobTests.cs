using MentorBot.Host.Scheduling;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Scheduling;

public class HousekeepingJobTests : IAsyncLifetime
{
    private readonly PipelineHarness bot = new();

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    [Fact]
    public async Task Old_handled_updates_and_finished_outbox_rows_go_while_pending_and_recent_ones_stay()
    {
        var now = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
        await bot.ExecuteAsync("""
            INSERT INTO inbound_updates (source, update_id, chat_id, payload, received_at, handled_at) VALUES
              ('telegram', 1, 7, '{}', '2026-10-01', '2026-10-01'),   -- handled a month ago: goes
              ('telegram', 2, 7, '{}', '2026-10-31', '2026-10-31'),   -- handled yesterday: stays
              ('telegram', 3, 7, '{}', '2026-10-01', NULL);           -- never handled: stays
            INSERT INTO outbox (idempotency_key, chat_id, kind, payload, due_at, status, created_at) VALUES
              ('a', 7, 'message', '{}', '2026-09-01', 'sent', '2026-09-01'),      -- goes
              ('b', 7, 'message', '{}', '2026-09-01', 'pending', '2026-09-01'),   -- pending: stays
              ('c', 7, 'message', '{}', '2026-10-30', 'sent', '2026-10-30');      -- recent: stays
            """);

        var job = bot.Services.GetRequiredService<HousekeepingJob>();
        await job.RunAsync(now, CancellationToken.None);
        await job.RunAsync(now, CancellationToken.None); // idempotent

        (await bot.ScalarAsync<string>("SELECT string_agg(update_id::text, ',' ORDER BY update_id) FROM inbound_updates")).Should().Be("2,3");
        (await bot.ScalarAsync<string>("SELECT string_agg(idempotency_key, ',' ORDER BY idempotency_key) FROM outbox")).Should().Be("b,c");
    }
}
