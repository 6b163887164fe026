using System.Globalization;

namespace MentorBot.Domain.Meetings;

/// <summary>
/// Everything the meetings feature says (Russian): the check-in questions and card, the meeting list,
/// flags, feedback polls and the end-of-term survey invitations (issue 6). The one place for its texts.
/// </summary>
public static class MeetingsTexts
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Command menu entry of /meeting.</summary>
    public const string MeetingMenu = "Записать встречу с наставляемым";

    /// <summary>Command menu entry of /meetings.</summary>
    public const string MeetingsMenu = "Мои записи о встречах";

    /// <summary>Command menu entry of /close_programme.</summary>
    public const string CloseProgrammeMenu = "Завершить программу для всех пар";

    /// <summary>Short help for a mentor's text that is clearly not a meeting log.</summary>
    public const string NotAMeetingHelp =
        "Чтобы записать встречу, напишите одним сообщением, когда, сколько и о чём, например:\n" +
        "«Вчера час очно, тема: самоанализ урока».\n" +
        "Или наберите /meeting — я задам вопросы по шагам. Список записей — /meetings.\n" +
        "Если что-то не получается и нужна помощь куратора — нажмите кнопку ниже.";

    /// <summary>A mentor without an approved pair tries to log a meeting.</summary>
    public const string NoPair = "У вас пока нет утверждённой пары: записывать встречи можно после того, как куратор утвердит пары.";

    /// <summary>Question: the meeting's date.</summary>
    public const string AskDate = "Когда была встреча? Напишите дату («вчера», «14.09», «в четверг») или выберите:";

    /// <summary>Hint after an unreadable date.</summary>
    public const string DateNotUnderstood = "Не понял дату. Напишите, например, «вчера», «14.09» или «12 марта».";

    /// <summary>Question: the meeting's length.</summary>
    public const string AskDuration = "Сколько длилась встреча? Напишите («45 минут», «1,5 часа») или выберите:";

    /// <summary>Hint after an unreadable duration.</summary>
    public const string DurationNotUnderstood = "Не понял длительность. Напишите, например, «40 минут» или «1,5 часа».";

    /// <summary>Question: which mentee (the mentor has several).</summary>
    public const string AskPair = "С кем из наставляемых была встреча?";

    /// <summary>Hint after text that names none of the mentor's mentees.</summary>
    public const string PairNotUnderstood = "Не нашёл такого наставляемого среди ваших пар. Выберите кнопкой:";

    /// <summary>Question: what to change on the card.</summary>
    public const string AskField = "Что изменить?";

    /// <summary>Question: the meeting's kind.</summary>
    public const string AskKind = "Какая это была встреча?";

    /// <summary>Question: the meeting's format.</summary>
    public const string AskFormat = "Как проходила встреча?";

    /// <summary>Question: the topic.</summary>
    public const string AskTopic = "Напишите тему встречи одним сообщением.";

    /// <summary>Hint: the topic is too long.</summary>
    public static string TopicTooLong(int max) => $"Тема слишком длинная: не больше {max} символов. Напишите короче.";

    /// <summary>Hint in a state that expects a button.</summary>
    public const string PressAButton = "Выберите вариант кнопкой под сообщением.";

    /// <summary>Question: the text of a flag for the curator.</summary>
    public const string AskFlag = "Коротко опишите, с чем нужна помощь куратора (одним сообщением).";

    /// <summary>Hint: the flag text is empty or too long.</summary>
    public static string FlagTextInvalid(int max) => $"Опишите проблему текстом, не длиннее {max} символов.";

    /// <summary>The flag was passed to the curator.</summary>
    public const string FlagSent = "Передал куратору. Куратор ответит вам напрямую.";

    /// <summary>Confirmation that the meeting was saved.</summary>
    public const string Saved = "Встреча сохранена. Наставляемый получит короткий опрос об этой встрече.";

    /// <summary>Confirmation that a corrected meeting was saved.</summary>
    public const string Updated = "Исправления сохранены.";

    /// <summary>The check-in was cancelled.</summary>
    public const string CheckInCancelled = "Запись встречи отменена, ничего не сохранено.";

    /// <summary>A check-in button was pressed after the check-in ended.</summary>
    public const string Stale = "Эта карточка уже неактуальна. Чтобы записать встречу, напишите о ней сообщение или наберите /meeting.";

    /// <summary><c>/back</c> where the check-in has no earlier step (its first questions, the card).</summary>
    public const string NoStepBack = "Отсюда вернуться назад некуда: продолжайте ниже или нажмите «Отмена».";

    /// <summary>Button labels.</summary>
    public const string SaveLabel = "Сохранить", EditLabel = "Изменить", CancelLabel = "Отмена", BackLabel = "Назад",
        FlagLabel = "Нужна помощь куратора", TodayLabel = "Сегодня", YesterdayLabel = "Вчера", DayBeforeLabel = "Позавчера",
        NoFormatLabel = "Не указывать", NoTopicLabel = "Без темы", DateField = "Дата", DurationField = "Длительность",
        KindField = "Вид", FormatField = "Формат", TopicField = "Тема", PairField = "Наставляемый";

    /// <summary>Why a value was questioned instead of accepted.</summary>
    public static string Concern(MeetingDraftConcern concern, MeetingDraft draft) => concern switch
    {
        MeetingDraftConcern.DateInFuture => $"Дата {FormatDate(draft.Date!.Value)} ещё не наступила, а записать можно только прошедшую встречу.",
        MeetingDraftConcern.DurationTooLong => $"{FormatDuration(draft.DurationMinutes!.Value)} — слишком долго для одной встречи (не больше {FormatDuration(MeetingDraftRules.MaxDurationMinutes)}).",
        MeetingDraftConcern.DurationTooShort => $"{FormatDuration(draft.DurationMinutes!.Value)} — слишком коротко для встречи (не меньше {MeetingDraftRules.MinDurationMinutes} мин).",
        _ => throw new ArgumentOutOfRangeException(nameof(concern), concern, null),
    };

    /// <summary>A meeting dated before the pair was approved.</summary>
    public static string BeforeApproval(DateOnly date, DateOnly approved) =>
        $"Пара утверждена {FormatDate(approved)}, а встреча {FormatDate(date)} была раньше — её нельзя записать в журнал этой пары. Напишите дату не раньше {FormatDate(approved)}.";

    /// <summary>The confirmation card of a draft: date, duration, kind, format, topic and the mentee (plain text).</summary>
    public static string Card(MeetingCheckInData data, bool editing)
    {
        var mentee = data.Pairs.FirstOrDefault(p => p.PairId == data.PairId)?.MenteeName ?? "—";
        return (editing ? "Исправление записи о встрече:\n" : "Проверьте запись о встрече:\n") +
               $"Дата: {(data.Date is { } d ? FormatDate(d) : "—")}\n" +
               $"Длительность: {(data.DurationMinutes is { } m ? FormatDuration(m) : "—")}\n" +
               $"Вид: {KindName(data.Kind)}\n" +
               $"Формат: {FormatName(data.Format)}\n" +
               $"Тема: {data.Topic ?? "не указана"}\n" +
               $"Наставляемый: {mentee}";
    }

    /// <summary>«14.09.2026 (пн)».</summary>
    public static string FormatDate(DateOnly date) =>
        date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) + " (" + Russian.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek) + ")";

    /// <summary>«45 мин», «1 ч», «1 ч 30 мин».</summary>
    public static string FormatDuration(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} мин",
        (var h, 0) => $"{h} ч",
        var (h, m) => $"{h} ч {m} мин",
    };

    /// <summary>The kind's Russian name, as stage 6 of the road maps names it.</summary>
    public static string KindName(MeetingKind kind) => kind switch
    {
        MeetingKind.Organizational => "организационная (знакомство)",
        MeetingKind.Trial => "пробная",
        MeetingKind.Planning => "планирование",
        MeetingKind.Regular => "регулярная",
        MeetingKind.Final => "итоговая",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The format's Russian name; «не указан» for null.</summary>
    public static string FormatName(MeetingFormat? format) => format switch
    {
        MeetingFormat.InPerson => "очно",
        MeetingFormat.Online => "дистанционно",
        null => "не указан",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    // ---- /meetings: list, correction, deletion ----

    /// <summary>The mentor has logged nothing yet.</summary>
    public const string NoMeetings = "Записей о встречах пока нет. Напишите о встрече сообщением или наберите /meeting.";

    /// <summary>Heading of the list.</summary>
    public static string MeetingsHeading(int shown, int total) =>
        total > shown ? $"Ваши последние {shown} встреч (всего {total}). Исправить или удалить запись можно в течение 7 дней:" : "Ваши встречи. Исправить или удалить запись можно в течение 7 дней:";

    /// <summary>One line of the list.</summary>
    public static string MeetingLine(int number, DateOnly heldOn, int minutes, MeetingKind kind, string mentee, string? topic) =>
        $"{number}. {FormatDate(heldOn)}, {FormatDuration(minutes)}, {KindName(kind)}, {mentee}" + (topic is null ? "" : $" — {topic}");

    /// <summary>Button label: correct the log number <paramref name="number"/>.</summary>
    public static string FixLabel(int number) => $"Исправить {number}";

    /// <summary>Button label: delete the log number <paramref name="number"/>.</summary>
    public static string DeleteLabel(int number) => $"Удалить {number}";

    /// <summary>Question before deleting.</summary>
    public static string ConfirmDelete(DateOnly heldOn) => $"Удалить запись о встрече {FormatDate(heldOn)}?";

    /// <summary>Label: confirm deletion.</summary>
    public const string DeleteYes = "Да, удалить";

    /// <summary>The log was deleted.</summary>
    public const string Deleted = "Запись удалена.";

    /// <summary>Why a log cannot be changed.</summary>
    public static string ChangeRefused(MeetingChangeVerdict verdict) => verdict switch
    {
        MeetingChangeVerdict.NotAuthor => "Исправить или удалить запись может только наставник, который её сделал.",
        MeetingChangeVerdict.WindowClosed => "Запись старше 7 дней: её уже нельзя исправить или удалить. Если в ней ошибка, напишите куратору.",
        MeetingChangeVerdict.Deleted => "Эта запись уже удалена.",
        _ => "Запись не найдена.",
    };

    // ---- flags ----

    /// <summary>What the curator receives when a mentor raises a flag.</summary>
    public static string FlagForCurator(string mentor, string? mentee, string text) =>
        $"Нужна помощь куратора.\nНаставник: {mentor}" + (mentee is null ? "" : $"\nНаставляемый: {mentee}") + $"\n\n{text}";

    /// <summary>What the curator receives when a mentee raises a flag; <paramref name="mentor"/> is null before a pair.</summary>
    public static string FlagFromMenteeForCurator(string mentee, string? mentor, string text) =>
        $"Нужна помощь куратора.\nНаставляемый: {mentee}" + (mentor is null ? "\nНаставника пока нет" : $"\nНаставник: {mentor}") + $"\n\n{text}";

    /// <summary>Command menu entry of /curator.</summary>
    public const string CuratorMenu = "Нужна помощь куратора: написать ему";

    /// <summary>/curator and the button: what to write, and how to leave.</summary>
    public const string AskFlagAlone = "Коротко опишите одним сообщением, с чем нужна помощь, — я передам куратору. Передумали — /cancel.";

    /// <summary>Label: the curator marks the flag resolved.</summary>
    public const string ResolveLabel = "Отметить решённым";

    /// <summary>Answer to the curator after resolving.</summary>
    public const string FlagResolved = "Отмечено как решённое.";

    /// <summary>Answer when the flag was resolved before.</summary>
    public const string FlagAlreadyResolved = "Этот запрос уже отмечен решённым.";

    /// <summary>The flag is not of the curator's organisation (or does not exist).</summary>
    public const string FlagNotFound = "Запрос не найден.";

    /// <summary>What the mentor or mentee who raised the flag receives when the curator resolves it.</summary>
    public static string FlagResolvedForMentor(string text) => $"Куратор отметил ваш запрос решённым: «{text}».";

    // ---- feedback polls ----

    /// <summary>The feedback poll (road map 6.5) the mentee receives after a meeting.</summary>
    public static string PollQuestion(string mentor, DateOnly heldOn, string? topic) =>
        $"Как прошла встреча с наставником ({mentor}) {FormatDate(heldOn)}" + (topic is null ? "" : $" — «{topic}»") +
        "?\nОцените, насколько она была полезна: 1 — совсем бесполезна, 5 — очень полезна.";

    /// <summary>After the score: the optional comment.</summary>
    public const string PollAskComment = "Спасибо! Если хотите, напишите комментарий одним сообщением — его увидят наставник и куратор. Или нажмите «Без комментария».";

    /// <summary>Label: skip the comment.</summary>
    public const string NoCommentLabel = "Без комментария";

    /// <summary>The answer was recorded.</summary>
    public const string PollThanks = "Спасибо за ответ!";

    /// <summary>The comment was recorded.</summary>
    public const string PollCommentThanks = "Спасибо, комментарий сохранён.";

    /// <summary>An answer after the poll expired (7 days) or its meeting was deleted.</summary>
    public const string PollClosed = "Опрос закрыт.";

    /// <summary>A second answer to the same poll.</summary>
    public const string PollAlreadyAnswered = "Вы уже ответили на этот опрос, спасибо!";

    /// <summary>Hint: the comment is too long.</summary>
    public static string CommentTooLong(int max) => $"Комментарий слишком длинный: не больше {max} символов.";

    // ---- end of term: satisfaction survey and final self-assessment ----

    /// <summary>The mentor's end-of-term message (road map 6.8).</summary>
    public static string TermEndedMentor(string mentee) =>
        $"Программа наставничества с наставляемым ({mentee}) завершена. Спасибо за вашу работу!\n" +
        "Пожалуйста, ответьте на анкету удовлетворённости — это займёт около 5 минут.";

    /// <summary>The mentee's end-of-term message (road map 6.8, stage 7).</summary>
    public static string TermEndedMentee(string mentor) =>
        $"Программа наставничества с наставником ({mentor}) завершена.\n" +
        "Пожалуйста, ответьте на анкету удовлетворённости и ещё раз оцените свои профессиональные затруднения — так мы увидим, что изменилось.";

    /// <summary>Label: open the satisfaction survey.</summary>
    public const string SatisfactionLabel = "Анкета удовлетворённости";

    /// <summary>Label: open the final self-assessment.</summary>
    public const string SelfAssessmentLabel = "Самооценка в конце программы";

    /// <summary>The curator is asked to confirm closing the programme.</summary>
    public static string ConfirmClose(int pairs) =>
        $"Завершить программу для всех действующих пар ({pairs})? Пары будут отмечены завершёнными, участники получат анкету удовлетворённости в рабочее время.";

    /// <summary>No live pairs to close.</summary>
    public const string NothingToClose = "Действующих пар нет — завершать нечего.";

    /// <summary>Label: confirm closing.</summary>
    public const string CloseYes = "Да, завершить";

    /// <summary>The programme was closed.</summary>
    public static string Closed(int pairs) => $"Программа завершена для {pairs} пар. Анкеты удовлетворённости отправлены участникам.";

    /// <summary>Closing was cancelled.</summary>
    public const string CloseCancelled = "Хорошо, программа продолжается.";

    /// <summary>A short reply «Отменено».</summary>
    public const string Cancelled = "Отменено.";
}
