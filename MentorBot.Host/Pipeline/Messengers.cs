namespace MentorBot.Host.Pipeline;

/// <summary>
/// The messengers a person's accounts live in (<c>messenger_accounts.messenger</c>), which are also the inbox sources
/// their updates arrive from (<c>inbound_updates.source</c>): Telegram, MAX, and the console chat — the terminal of
/// <c>./scripts/run</c> without a token, a messenger of its own (ConsoleChat/) with its own accounts, update shape and
/// delivery.
/// </summary>
public static class Messengers
{
    /// <summary>Telegram (Bot API).</summary>
    public const string Telegram = "telegram";

    /// <summary>MAX (max.ru Bot API).</summary>
    public const string Max = "max";

    /// <summary>The console chat: the terminal of <c>./scripts/run</c> when no messenger is configured.</summary>
    public const string Console = "console";

    /// <summary>The prefix of a MAX file's id in a document input (<c>max:</c> and the file's URL); Telegram's file ids have none.</summary>
    public const string MaxFileIdPrefix = "max:";

    /// <summary>The prefix of a console file's id in a document input (<c>console:</c> and the local file's full path).</summary>
    public const string ConsoleFileIdPrefix = "console:";

    /// <summary>The messenger whose accounts send the updates of inbox <paramref name="source"/> (each source is its own messenger).</summary>
    /// <param name="source"><c>telegram</c>, <c>max</c> or <c>console</c>.</param>
    public static string OfSource(string source) => source is Max or Console ? source : Telegram;

    /// <summary>The messenger a document's file id belongs to, by its prefix (Telegram's file ids never contain a colon).</summary>
    public static string OfFileId(string fileId) =>
        fileId.StartsWith(MaxFileIdPrefix, StringComparison.Ordinal) ? Max
        : fileId.StartsWith(ConsoleFileIdPrefix, StringComparison.Ordinal) ? Console
        : Telegram;
}
