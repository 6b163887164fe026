using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Outbox;

/// <summary>Wakes the sender at once after an enqueue, so interactive replies are not delayed (DESIGN.md decision 5).</summary>
public sealed class OutboxSignal : WakeSignal;
