namespace MentorBot.Host.Features.Start;

/// <summary>What the start, help and cancel commands say (Russian).</summary>
public static class StartTexts
{
    /// <summary>Greeting for /start without an invite.</summary>
    public const string Welcome =
        "Здравствуйте! Я MentorBot — помогаю вести программу наставничества педагогов по дорожной карте вашей организации.\n\n" +
        "Чтобы присоединиться, откройте ссылку-приглашение, которую прислал куратор программы.\n" +
        "Список команд — /help.";

    /// <summary>/start without an invite from someone who already takes part.</summary>
    public static string WelcomeBack(string organisation) => $"Вы участвуете в программе наставничества «{organisation}». Список ваших команд — /help.";

    /// <summary>The first line of /help.</summary>
    public const string HelpHeading = "Что я умею:";

    /// <summary>/help: the heading, then one <c>/command — description</c> line per entry.</summary>
    public static string Help(IEnumerable<MentorBot.Host.Pipeline.MenuEntry> entries) =>
        string.Join("\n", entries.Select(e => $"/{e.Command} — {e.Description}").Prepend(HelpHeading));

    /// <summary>Reply to /cancel when a conversation was open.</summary>
    public const string Cancelled = "Хорошо, прервали. Вернуться можно в любой момент.";

    /// <summary>Reply to /cancel when nothing was open.</summary>
    public const string NothingToCancel = "Сейчас нечего прерывать.";

    /// <summary>Reply to text outside any conversation, or an unknown command.</summary>
    public const string NotUnderstood = "Я не понял сообщение. Список команд — /help.";

    /// <summary>Reply to a mentee's text the bot does not understand: the way to the curator.</summary>
    public const string NotUnderstoodOfferCurator =
        "Я не понял сообщение. Если что-то не получается и нужна помощь куратора — нажмите кнопку ниже, и я передам ему ваш вопрос. Список команд — /help.";

    /// <summary>Command menu entry of /start.</summary>
    public const string StartMenu = "Начать или присоединиться по приглашению";

    /// <summary>Command menu entry of /help.</summary>
    public const string HelpMenu = "Что умеет бот";

    /// <summary>Command menu entry of /cancel.</summary>
    public const string CancelMenu = "Прервать текущий диалог (ответы сохранятся)";
}
