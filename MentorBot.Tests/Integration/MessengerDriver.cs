using MentorBot.Host.Configuration;
using MentorBot.Host.Max;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Max;
using MentorBot.Tests.Telegram;

namespace MentorBot.Tests.Integration;

/// <summary>
/// How a person acts through one messenger and what they then see there (issue 16: every feature works in each
/// messenger without knowing it). A driver builds that messenger's update as the messenger sends it, and reads the
/// outbox rows queued for that messenger back into the neutral <see cref="Received"/> view, so feature tests name no
/// messenger type and can run in either.
/// </summary>
public abstract class MessengerDriver
{
    /// <summary>Telegram: Bot API updates built with the Telegram.Bot library's types.</summary>
    public static MessengerDriver Telegram { get; } = new TelegramDriver();

    /// <summary>MAX: the documented update JSON (<see cref="MaxUpdateJson"/>).</summary>
    public static MessengerDriver Max { get; } = new MaxDriver();

    /// <summary>Both messengers' names, for theories that run a flow in each (pass one to <see cref="Named"/>).</summary>
    public static TheoryData<string> Both => new() { Messengers.Telegram, Messengers.Max };

    /// <summary>The driver of <paramref name="messenger"/> (<c>telegram</c> or <c>max</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown messenger.</exception>
    public static MessengerDriver Named(string messenger) => messenger switch
    {
        Messengers.Telegram => Telegram,
        Messengers.Max => Max,
        _ => throw new ArgumentOutOfRangeException(nameof(messenger), messenger, "telegram or max"),
    };

    /// <summary>Bot options that serve both messengers: Telegram as <paramref name="telegramBot"/>, MAX (the fake API's token) as <paramref name="maxBot"/>.</summary>
    public static MentorBotOptions BothMessengers(string telegramBot, string maxBot) =>
        new() { BotUsername = telegramBot, Max = new MaxOptions { Token = FakeMaxApi.Token, BotUsername = maxBot } };

    /// <summary>The messenger's name as stored (<c>messenger_accounts.messenger</c>, <c>outbox.messenger</c>).</summary>
    public abstract string Messenger { get; }

    /// <summary>The inbox source its updates are recorded under.</summary>
    public abstract string Source { get; }

    /// <summary>The private chat of <paramref name="userId"/> in this messenger (Telegram: the user id; MAX: a dialog id of its own).</summary>
    public abstract long ChatOf(long userId);

    /// <summary>A text message written in the private chat; <paramref name="number"/> is unique per harness.</summary>
    public abstract PersonUpdate Text(long number, long userId, string text, string firstName, DateTimeOffset at);

    /// <summary>The user opens the bot by its deep link carrying <paramref name="payload"/> (Telegram: <c>/start payload</c>; MAX: <c>bot_started</c>).</summary>
    public abstract PersonUpdate Start(long number, long userId, string payload, string firstName, DateTimeOffset at);

    /// <summary>A press of the button carrying <paramref name="data"/> under a bot message.</summary>
    public abstract PersonUpdate Press(long number, long userId, string data, string firstName, DateTimeOffset at);

    /// <summary>A file sent as a document.</summary>
    public abstract PersonUpdate Document(long number, long userId, string fileId, string? fileName, long? size, DateTimeOffset at);

    /// <summary>A picture sent as a picture (not as a file).</summary>
    public abstract PersonUpdate Photo(long number, long userId, string fileId, long size, DateTimeOffset at);

    /// <summary>An edit of <paramref name="original"/>, a text message of this messenger: the same message, a new text.</summary>
    public abstract PersonUpdate Edit(long number, PersonUpdate original, string text, DateTimeOffset at);

    /// <summary>What the person sees of one outbox row of this messenger (<paramref name="kind"/> is an <c>OutboxKind</c>).</summary>
    /// <exception cref="InvalidOperationException">A kind this view does not know.</exception>
    public abstract Received Decode(string kind, string payloadJson);

    /// <summary>The file id the bot receives for <paramref name="fileId"/> sent through this messenger (MAX prefixes its URL).</summary>
    public virtual string ReceivedFileId(string fileId) => fileId;

    /// <inheritdoc />
    public override string ToString() => Messenger;
}

/// <summary>One action of a person as their messenger delivers it to the bot.</summary>
/// <param name="Source">The inbox source (<c>telegram</c>, <c>max</c>).</param>
/// <param name="Inbound">The inbox row it becomes.</param>
/// <param name="UserId">The acting user's id in that messenger.</param>
/// <param name="FirstName">Their first name as the messenger gives it.</param>
/// <param name="MessageId">The message's id in the messenger (Telegram's number as text, MAX's <c>mid</c>), or null for a press.</param>
/// <param name="SentAt">When the message was written.</param>
public sealed record PersonUpdate(string Source, InboundUpdate Inbound, long UserId, string FirstName, string? MessageId, DateTimeOffset SentAt)
{
    /// <summary>The inbox's update id.</summary>
    public long Id => Inbound.UpdateId;
}

/// <summary>Something a person received in their chat, as they see it, whichever messenger carried it.</summary>
public abstract record Received;

/// <summary>A message: its HTML text and the buttons under it (label, data), row after row.</summary>
public sealed record ReceivedMessage(string Text, IReadOnlyList<(string Label, string Data)> Buttons) : Received;

/// <summary>A file: its name, bytes and the caption's HTML text.</summary>
public sealed record ReceivedDocument(string FileName, byte[] Content, string? Caption) : Received;

/// <summary>A picture: its bytes and the caption's HTML text.</summary>
public sealed record ReceivedPhoto(byte[] Content, string? Caption) : Received;

/// <summary>The answer to a button press: its toast, or null for a silent acknowledgement.</summary>
public sealed record PressAnswer(string? Toast) : Received;

/// <summary>An earlier bot message changed (new text, or only its buttons when <paramref name="Text"/> is null) or deleted.</summary>
public sealed record ReceivedEdit(string MessageId, string? Text, IReadOnlyList<(string Label, string Data)> Buttons, bool Deleted = false) : Received;
