namespace MentorBot.Host.ConsoleChat;

/// <summary>What the console chat prints around the bot's own messages (Russian).</summary>
public static class ConsoleTexts
{
    /// <summary>Printed once at start.</summary>
    public const string Intro =
        "Чат с MentorBot в терминале (токен бота не задан). Пишите сообщения и команды как в Telegram.\n" +
        "  !N      — нажать кнопку N под последним сообщением бота\n" +
        "  !M.N    — нажать кнопку N под сообщением №M (сообщения бота пронумерованы)\n" +
        "  /as N   — писать от имени другого пользователя (N — номер, по умолчанию 1)\n" +
        "  /file ПУТЬ — отправить боту файл (например, дорожную карту: .docx, .pdf или .txt)\n" +
        "  Ctrl+D  — выйти";

    /// <summary>Printed when the simulated user changes; {0} is the user number.</summary>
    public const string SwitchedUser = "Теперь вы — пользователь {0}.";

    /// <summary>Printed for !N without such a button.</summary>
    public const string NoSuchButton = "Нет кнопки с таким номером под последним сообщением.";

    /// <summary>Printed for !M.N when message M has no button N; {0} is M.</summary>
    public const string NoSuchButtonUnder = "Под сообщением №{0} нет кнопки с таким номером.";

    /// <summary>Printed for !M.N when message M was not sent to the current user; {0} is M.</summary>
    public const string NoSuchMessage = "Сообщения №{0} в вашем чате нет (номер — после «🤖 №»).";

    /// <summary>A bot's message: {0} its number in the transcript, {1} the user it went to, {2} the text.</summary>
    public const string Message = "🤖 №{0} → {1}: {2}";

    /// <summary>A message the bot edited, printed again: {0} its number, {1} the user, {2} the new text.</summary>
    public const string EditedMessage = "🤖 №{0} → {1} (изменено): {2}";

    /// <summary>Printed for a bad /as argument.</summary>
    public const string BadUser = "Укажите номер пользователя: /as 2";

    /// <summary>Shown for the notice of an answered press; {0} is the text.</summary>
    public const string Toast = "  (всплывающее уведомление: {0})";

    /// <summary>Shown for a document the bot sent; {0} is the full path it was saved to, {1} the size in bytes.</summary>
    public const string DocumentSaved = "📎 документ сохранён: {0} ({1} байт)";

    /// <summary>The first name of simulated user {0} (the console has no profile).</summary>
    public const string UserName = "Пользователь {0}";

    /// <summary>Printed for /file with a path that does not exist; {0} is the full path.</summary>
    public const string NoSuchFile = "Файл не найден: {0}";
}
