namespace MentorBot.Host.Features.Start;

/// <summary>What the start, help and cancel commands say (Russian).</summary>
public static class StartTexts
{
    /// <summary>Greeting for /start without an invite.</summary>
    public const string Welcome =
        "Здравствуйте! Я MentorBot — помогаю вести программу наставничества педагогов по дорожной карте вашей организации.\n\n" +
        "Чтобы присоединиться, откройте ссылку-приглашение, которую прислал куратор программы.\n" +
        "Список команд — /help.";

    /// <summary>Reply to /start with a payload that is not a known invite.</summary>
    public const string UnknownInvite =
        "Не удалось распознать ссылку-приглашение. Возможно, она скопирована не полностью или устарела — попросите у куратора новую.";

    /// <summary>The command list.</summary>
    public const string Help =
        "Что я умею:\n" +
        "/start — начать работу или присоединиться по приглашению\n" +
        "/help — эта справка\n" +
        "/cancel — прервать текущий диалог (ответы сохранятся)";

    /// <summary>Reply to /cancel when a conversation was open.</summary>
    public const string Cancelled = "Хорошо, прервали. Вернуться можно в любой момент.";

    /// <summary>Reply to /cancel when nothing was open.</summary>
    public const string NothingToCancel = "Сейчас нечего прерывать.";

    /// <summary>Reply to text outside any conversation, or an unknown command.</summary>
    public const string NotUnderstood = "Я не понял сообщение. Список команд — /help.";

    /// <summary>Command menu entry of /start.</summary>
    public const string StartMenu = "Начать или присоединиться по приглашению";

    /// <summary>Command menu entry of /help.</summary>
    public const string HelpMenu = "Что умеет бот";

    /// <summary>Command menu entry of /cancel.</summary>
    public const string CancelMenu = "Прервать текущий диалог";
}
