namespace MentorBot.Host.ConsoleChat;

/// <summary>What the console chat prints around the bot's own messages (Russian).</summary>
public static class ConsoleTexts
{
    /// <summary>Printed once at start.</summary>
    public const string Intro =
        "Чат с MentorBot в терминале (токен бота не задан). Пишите сообщения и команды как в Telegram.\n" +
        "  !N      — нажать кнопку N под последним сообщением бота\n" +
        "  /as N   — писать от имени другого пользователя (N — номер, по умолчанию 1)\n" +
        "  /file ПУТЬ — отправить боту файл (например, дорожную карту: .docx, .pdf или .txt)\n" +
        "  Ctrl+D  — выйти";

    /// <summary>Printed when the simulated user changes; {0} is the user number.</summary>
    public const string SwitchedUser = "Теперь вы — пользователь {0}.";

    /// <summary>Printed for !N without such a button.</summary>
    public const string NoSuchButton = "Нет кнопки с таким номером под последним сообщением.";

    /// <summary>Printed for a bad /as argument.</summary>
    public const string BadUser = "Укажите номер пользователя: /as 2";

    /// <summary>Shown for a toast (answerCallbackQuery text); {0} is the text.</summary>
    public const string Toast = "  (всплывающее уведомление: {0})";

    /// <summary>Shown for a document; {0} is the file name, {1} the size in bytes.</summary>
    public const string Document = "  [файл {0}, {1} байт]";

    /// <summary>Printed for /file with a path that does not exist; {0} is the full path.</summary>
    public const string NoSuchFile = "Файл не найден: {0}";
}
