using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Tests.Outbox;

/// <summary>Issue 16: each messenger's sender has its own wake-up; rows for MAX do not wake Telegram's sender, nor the other way round.</summary>
public sealed class OutboxSignalTests
{
    [Fact]
    public async Task A_notice_for_one_messenger_wakes_only_that_messengers_sender_once()
    {
        var signal = new OutboxSignal();

        signal.Notify(Messengers.Max);

        (await signal.WaitAsync(Messengers.Telegram, TimeSpan.Zero, CancellationToken.None)).Should().BeFalse("Telegram's sender has nothing new");
        (await signal.WaitAsync(Messengers.Max, TimeSpan.Zero, CancellationToken.None)).Should().BeTrue();
        (await signal.WaitAsync(Messengers.Max, TimeSpan.Zero, CancellationToken.None)).Should().BeFalse("one wake-up per notice");
        signal.Notify(Messengers.Telegram);
        (await signal.WaitAsync(Messengers.Telegram, TimeSpan.Zero, CancellationToken.None)).Should().BeTrue();
    }
}
