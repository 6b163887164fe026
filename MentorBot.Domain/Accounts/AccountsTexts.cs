namespace MentorBot.Domain.Accounts;

/// <summary>Russian texts of linking messenger accounts and of the «where to send reminders» settings (issue 16).</summary>
public static class AccountsTexts
{
    /// <summary>/help line of /link.</summary>
    public const string LinkMenu = "связать аккаунты Telegram и MAX";

    /// <summary>How /settings names an account of the console chat (the terminal of a local run).</summary>
    public const string ConsoleAccount = "консоль";

    /// <summary>/help line of /settings.</summary>
    public const string SettingsMenu = "куда присылать напоминания";

    /// <summary>The code for the other messenger, how to use it, and the links that open the bot there with it (none when no bot name is configured).</summary>
    public static string CodeIssued(string code, int minutes, IReadOnlyList<string> links) =>
        $"Код для связи аккаунтов: <code>{code}</code>\n\nОткройте этого же бота в другом мессенджере (Telegram или MAX) и отправьте ему:\n" +
        $"<code>/link {code}</code>\n" +
        (links.Count == 0 ? "" : "или откройте ссылку:\n" + string.Join("\n", links) + "\n") +
        $"\nКод действует {minutes} минут и подходит один раз. После этого оба аккаунта — это вы: согласия, анкеты, пары и встречи общие.";

    /// <summary>/link with a code in the same account that issued it, or an account already joined.</summary>
    public const string AlreadyLinked = "Этот аккаунт уже связан с вами — ничего делать не нужно.";

    /// <summary>The code was taken: both accounts are the same person now.</summary>
    public const string Linked = "Готово: аккаунты связаны. Теперь бот узнаёт вас в обоих мессенджерах. Куда присылать напоминания, можно выбрать командой /settings.";

    /// <summary>A code that is wrong, expired or used.</summary>
    public const string WrongCode = "Код не подошёл: он неверный, истёк или уже использован. Получите новый командой /link в мессенджере, где вы уже участвуете.";

    /// <summary>Too many wrong codes from this account.</summary>
    public const string TooManyAttempts = "Слишком много неверных кодов. Попробуйте снова через час.";

    /// <summary>
    /// The code was typed in a messenger where its owner already has an account: one account per messenger, so that
    /// «Куда присылать напоминания?» and «Отвязать …» name each account unambiguously by its messenger.
    /// </summary>
    public static string OtherMessengerOnly(string messengerName) =>
        $"Этот код нужно отправить боту в другом мессенджере: в {messengerName} у вас уже есть аккаунт, а связать можно по одному аккаунту в каждом мессенджере.";

    /// <summary>The account that typed the code already takes part on its own: two onboarded people are never merged by a code.</summary>
    public const string HasOwnMemberships =
        "Этот аккаунт уже участвует в программе сам по себе, поэтому связать его по коду нельзя. Если это тоже вы, обратитесь к куратору.";

    /// <summary>/link in an account that is in no organisation yet: nothing to link to.</summary>
    public const string NothingToLink =
        "Код выдаётся в мессенджере, где вы уже участвуете в программе. Отправьте /link там, а здесь — /link и код.";

    /// <summary>The settings question.</summary>
    public const string WhereToSend = "Куда присылать напоминания?";

    /// <summary>The choice «the account used last».</summary>
    public const string LastUsed = "Туда, где я писал(а) последним";

    /// <summary>The settings answer.</summary>
    public static string Chosen(string where) => $"Хорошо: напоминания и другие сообщения бота будут приходить {where}.";

    /// <summary>«в Telegram» / «в MAX».</summary>
    public static string In(string messengerName) => $"в {messengerName}";

    /// <summary>Where the account used last is meant.</summary>
    public const string InLastUsed = "туда, где вы писали последним";

    /// <summary>The button that unlinks an account.</summary>
    public static string Unlink(string messengerName) => $"Отвязать {messengerName}";

    /// <summary>The account was unlinked; the person stays.</summary>
    public static string Unlinked(string messengerName) => $"Аккаунт {messengerName} отвязан. Ваши данные и участие в программе остались.";

    /// <summary>An account cannot unlink itself (the person would lose the chat they are writing in).</summary>
    public const string CannotUnlinkCurrent = "Отвязать можно только другой аккаунт, не тот, из которого вы пишете сейчас.";

    /// <summary>A settings button of an account or state that no longer exists.</summary>
    public const string Stale = "Эта кнопка устарела. Откройте /settings ещё раз.";
}
