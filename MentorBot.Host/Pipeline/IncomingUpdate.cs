using MentorBot.Domain.Conversations;

namespace MentorBot.Host.Pipeline;

/// <summary>
/// An update as the pipeline sees it, independent of the messenger: who wrote, in which chat, and what.
/// The messenger adapter (Telegram/) builds it from its own update type.
/// </summary>
/// <param name="Source">Where it came from: <c>telegram</c>, <c>max</c> or <c>console</c>.</param>
/// <param name="UpdateId">The messenger's update id (unique per source).</param>
/// <param name="ChatId">The chat to answer in.</param>
/// <param name="IsGroup">True for a group chat (20 messages/min limit applies).</param>
/// <param name="From">The person who sent it.</param>
/// <param name="Input">The text, command or button press.</param>
/// <param name="CallbackQueryId">For a button press: the id to answer (Bot API answerCallbackQuery), else null.</param>
/// <param name="MessageId">
/// The message the update refers to (the button's message for a press), else null — as the messenger names it, in text:
/// Telegram's per-chat number (<c>"42"</c>), MAX's <c>mid</c> (<c>"mid.…"</c>). Compared, never parsed.
/// </param>
public sealed record IncomingUpdate(
    string Source,
    long UpdateId,
    long ChatId,
    bool IsGroup,
    Sender From,
    ChatInput Input,
    string? CallbackQueryId,
    string? MessageId)
{
    /// <summary>The messenger of the sender's account (<see cref="Messengers"/>).</summary>
    public string Messenger => Messengers.OfSource(Source);
}

/// <summary>The person behind an update, as the messenger reports them.</summary>
/// <param name="UserId">Messenger user id (Telegram: User.id; MAX: user_id).</param>
/// <param name="FirstName">First name as set in the messenger.</param>
/// <param name="LastName">Last name, if any.</param>
/// <param name="Username">Messenger username without '@', if any.</param>
public sealed record Sender(long UserId, string FirstName, string? LastName, string? Username);
