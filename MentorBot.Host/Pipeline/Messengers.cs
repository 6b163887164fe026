namespace MentorBot.Host.Pipeline;

/// <summary>
/// The messengers a person's accounts live in (<c>messenger_accounts.messenger</c>) and the inbox sources they arrive
/// from (<c>inbound_updates.source</c>). The console chat speaks Telegram's Bot API shapes to a terminal, so its people
/// are Telegram accounts (it runs only when no messenger is configured).
/// </summary>
public static class Messengers
{
    /// <summary>Telegram (Bot API).</summary>
    public const string Telegram = "telegram";

    /// <summary>MAX (max.ru Bot API).</summary>
    public const string Max = "max";

    /// <summary>The prefix of a MAX file's id in a document input (<c>max:</c> and the file's URL); Telegram's file ids have none.</summary>
    public const string MaxFileIdPrefix = "max:";

    /// <summary>The messenger whose accounts send the updates of inbox <paramref name="source"/>.</summary>
    /// <param name="source"><c>telegram</c>, <c>max</c> or <c>console</c>.</param>
    public static string OfSource(string source) => source == Max ? Max : Telegram;
}
