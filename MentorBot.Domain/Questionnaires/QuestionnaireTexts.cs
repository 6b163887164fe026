using System.Globalization;

namespace MentorBot.Domain.Questionnaires;

/// <summary>Everything the questionnaire feature says (Russian), in one place.</summary>
public static class QuestionnaireTexts
{
    /// <summary>A yes/no answer «да» as conditions compare it.</summary>
    public const string Yes = "да";

    /// <summary>A yes/no answer «нет» as conditions compare it.</summary>
    public const string No = "нет";

    /// <summary>The «Да» button.</summary>
    public const string YesButton = "Да";

    /// <summary>The «Нет» button.</summary>
    public const string NoButton = "Нет";

    /// <summary>The «Готово» button under a multiple choice.</summary>
    public const string DoneButton = "Готово";

    /// <summary>The «Пропустить» button under an optional question.</summary>
    public const string SkipButton = "Пропустить";

    /// <summary>The typed word that skips an optional question.</summary>
    public const string SkipWord = "пропустить";

    /// <summary>The typed word that confirms a multiple choice.</summary>
    public const string DoneWord = "готово";

    /// <summary>The mark before a ticked option.</summary>
    public const string Tick = "✓ ";

    /// <summary>The toast for a button of a question that is no longer open (issue 4).</summary>
    public const string QuestionClosed = "Этот вопрос уже закрыт.";

    /// <summary>An empty message.</summary>
    public const string EmptyAnswer = "Ответ пустой. Напишите, пожалуйста, ответ.";

    /// <summary>Typed text where only buttons make sense.</summary>
    public const string UseButtons = "Выберите ответ кнопкой под вопросом.";

    /// <summary>Only emoji or punctuation.</summary>
    public const string NoWords = "В ответе нет ни букв, ни цифр. Напишите ответ словами.";

    /// <summary>Not «да» or «нет».</summary>
    public const string YesOrNo = "Ответьте «да» или «нет» — или нажмите кнопку.";

    /// <summary>Not one of the options.</summary>
    public const string PickOne = "Такого варианта нет. Выберите кнопкой или напишите номер варианта.";

    /// <summary>Not a list of options.</summary>
    public const string PickSeveral = "Не удалось узнать варианты. Отметьте их кнопками и нажмите «Готово» или напишите номера через запятую: 1, 3.";

    /// <summary>«Готово» with nothing ticked.</summary>
    public const string TickAtLeastOne = "Отметьте хотя бы один вариант, затем нажмите «Готово».";

    /// <summary>«Пропустить» on a required question.</summary>
    public const string NotOptional = "Этот вопрос обязательный, его нельзя пропустить.";

    /// <summary>Not a date.</summary>
    public const string NotADate = "Не удалось узнать дату. Напишите её как 14.03.2026, «сегодня» или «вчера».";

    /// <summary>A future date where the past is asked.</summary>
    public const string DateInFuture = "Эта дата ещё не наступила. Укажите сегодняшнюю или прошедшую дату.";

    /// <summary>A past date where the future is asked.</summary>
    public const string DateInPast = "Эта дата уже прошла. Укажите сегодняшнюю или будущую дату.";

    /// <summary>/back on the first question.</summary>
    public const string FirstQuestion = "Это первый вопрос анкеты — возвращаться некуда.";

    /// <summary>Under a multiple choice.</summary>
    public const string MultipleHint = "Отметьте все подходящие варианты и нажмите «Готово».";

    /// <summary>Under a date question.</summary>
    public const string DateHint = "Дата в виде дд.мм.гггг, «сегодня» или «вчера».";

    /// <summary>A button or command naming an unknown questionnaire.</summary>
    public const string UnknownQuestionnaire = "Такой анкеты нет. Возможно, сообщение устарело.";

    /// <summary>Text sent to a questionnaire that was closed meanwhile (finished elsewhere, consent withdrawn).</summary>
    public const string QuestionnaireClosed = "Эта анкета уже закрыта. Продолжить незаконченную анкету — /questionnaire.";

    /// <summary>/questionnaire with nothing to continue.</summary>
    public const string NothingToContinue = "Незаконченных анкет нет. Спасибо!";

    /// <summary>Menu entry of /questionnaire.</summary>
    public const string ContinueMenu = "Продолжить незаконченную анкету";

    /// <summary>How long a text is allowed to be.</summary>
    public static string TextHint(int maxLength) => Format($"Напишите ответ сообщением (до {maxLength} символов).");

    /// <summary>Text too long.</summary>
    public static string TooLong(int length, int maxLength) =>
        Format($"Ответ слишком длинный: {length} символов, а можно не больше {maxLength}. Сократите, пожалуйста.");

    /// <summary>Where the person is, before each question: «7 из 18. ».</summary>
    public static string Position(int number, int total) => $"{number} из {total}. ";

    /// <summary>What a number question expects.</summary>
    public static string NumberHint(int min, int max) => Format($"Напишите число от {min} до {max}.");

    /// <summary>Not a number.</summary>
    public static string NotANumber(int min, int max) => Format($"Нужно число от {min} до {max}, цифрами.");

    /// <summary>A fraction («1,5») where a whole number is asked: round down (full years, whole places).</summary>
    public static string NotWhole(string fraction, string whole, int min, int max) =>
        Format($"Нужно целое число от {min} до {max}, а «{fraction}» — дробное. Округлите вниз: напишите {whole}.");

    /// <summary>A full-name answer of one word.</summary>
    public const string FullNameNeeded = "Напишите фамилию, имя и отчество полностью, например: Иванова Мария Петровна.";

    /// <summary>A number out of range.</summary>
    public static string OutOfRange(int min, int max) => Format($"Число должно быть от {min} до {max}.");

    /// <summary>What is ticked so far.</summary>
    public static string Ticked(IEnumerable<string> labels) => "Отмечено: " + string.Join(", ", labels) + ".";

    /// <summary>The answer given before /back.</summary>
    public static string EarlierAnswer(string answer) => $"Ваш прежний ответ: {answer}.";

    /// <summary>Before the open question on resume.</summary>
    public static string Continuing(string title) => $"Продолжаем анкету «{title}» с того места, где вы остановились.";

    /// <summary>After the last question.</summary>
    public static string Thanks(string title) => $"Спасибо! Все ответы записаны: {title}.";

    /// <summary>Starting a questionnaire that is already completed.</summary>
    public static string AlreadyCompleted(string title) => $"Вы уже ответили на все вопросы: {title}. Спасибо!";

    /// <summary>The questionnaire is for other roles.</summary>
    public static string NotForYou(string title) => $"Анкета «{title}» предназначена для других участников программы.";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
