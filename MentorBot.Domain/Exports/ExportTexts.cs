using System.Globalization;

namespace MentorBot.Domain.Exports;

/// <summary>Every Russian text of exports: names, headers, labels of stored codes, the bot's prompts.</summary>
public static class ExportTexts
{
    /// <summary>The command-menu line of /export.</summary>
    public const string Menu = "Выгрузки в CSV и Excel";

    /// <summary>The first prompt of /export.</summary>
    public const string ChooseKind = "Что выгрузить?";

    /// <summary>The second prompt: the format for <paramref name="kind"/>.</summary>
    public static string ChooseFormat(ExportKind kind) => $"«{Name(kind)}»: в каком формате?";

    /// <summary>A button of the bot's format choice.</summary>
    public static string FormatButton(ExportFormat format) => format == ExportFormat.Xlsx ? "Excel (XLSX)" : "CSV";

    /// <summary>The name of an export, also its sheet name and the start of its file name.</summary>
    public static string Name(ExportKind kind) => kind switch
    {
        ExportKind.Mentors => "Наставники",
        ExportKind.Mentees => "Наставляемые",
        ExportKind.Pairs => "Пары",
        ExportKind.Meetings => "Встречи",
        ExportKind.Feedback => "Обратная связь",
        ExportKind.Satisfaction => "Удовлетворённость",
        ExportKind.Impact => "Влияние программы",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The file name: «Наставляемые 2026-09-01.xlsx».</summary>
    public static string FileName(ExportKind kind, ExportFormat format, DateOnly date) =>
        $"{Name(kind)} {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{format.Code()}";

    /// <summary>The document's caption: «Пары: 12 строк на 01.09.2026».</summary>
    public static string Caption(ExportKind kind, int rows, DateOnly date) =>
        $"{Name(kind)}: {rows} {Plural(rows, "строка", "строки", "строк")} на {date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>A button pressed out of its place (stale or forged data).</summary>
    public const string UnknownChoice = "Эта кнопка устарела. Начните заново: /export";

    /// <summary>
    /// The row that stands in for answers withheld for anonymity (issue 6: fewer than five answers are not shown).
    /// </summary>
    public static string Withheld(string group, int answers) =>
        $"{group}: {answers} {Plural(answers, "ответ", "ответа", "ответов")} — меньше {Reports.Anonymity.Threshold}, не выгружаются ради анонимности";

    /// <summary>Russian plural form for <paramref name="n"/>: 1 строка, 2 строки, 5 строк, 11 строк, 21 строка.</summary>
    public static string Plural(int n, string one, string few, string many)
    {
        var lastTwo = Math.Abs(n) % 100;
        var last = lastTwo % 10;
        if (lastTwo is >= 11 and <= 14) return many;
        return last switch { 1 => one, >= 2 and <= 4 => few, _ => many };
    }

    /// <summary>A pair's form (<c>pairs.form</c>) as the methodology names it.</summary>
    public static string Form(string code) => Pairs.MentoringForms.RussianNameOf(code);

    /// <summary>A pair's status (<c>pairs.status</c>).</summary>
    public static string PairStatus(string code) => code switch
    {
        "proposed" => "предложена",
        "approved" => "утверждена",
        "active" => "работает",
        "completed" => "завершена",
        "dissolved" => "расформирована",
        _ => code,
    };

    /// <summary>A meeting's kind (<c>meetings.kind</c>), as stage 6 of the road maps names it.</summary>
    public static string MeetingKind(string code) => code switch
    {
        "organizational" => "организационная (знакомство)",
        "trial" => "пробная",
        "planning" => "планирование",
        "regular" => "регулярная",
        "final" => "итоговая",
        _ => code,
    };

    /// <summary>A meeting's format (<c>meetings.format</c>), empty when unknown.</summary>
    public static string MeetingFormat(string? code) => code switch
    {
        // The chat's words (MeetingsTexts.FormatName), so a curator reads the same in both.
        "in_person" => Meetings.MeetingsTexts.FormatName(Meetings.MeetingFormat.InPerson),
        "online" => Meetings.MeetingsTexts.FormatName(Meetings.MeetingFormat.Online),
        null => "",
        _ => code,
    };

    /// <summary>Whose satisfaction survey a row is.</summary>
    public static string SurveyGroup(string questionnaire) => questionnaire == "satisfaction_mentor" ? "наставник" : "наставляемый";

    /// <summary>The organisation-wide row of the impact export.</summary>
    public static string AllMentees(int people) => $"Все наставляемые (среднее, {people} чел.)";

    /// <summary>Column headers.</summary>
    public static class Headers
    {
#pragma warning disable CS1591 // the constants are the headers themselves
        public const string FullName = "ФИО";
        public const string Position = "Должность";
        public const string Subject = "Предмет";
        public const string Joined = "Дата присоединения";
        public const string PersonalData = "Согласие на обработку ПДн";
        public const string MentoringDuties = "Согласие на наставническую деятельность";
        public const string Questionnaire = "Анкета";
        public const string CompletedOn = "Дата заполнения анкеты";
        public const string Pair = "№ пары";
        public const string Mentor = "Наставник";
        public const string Mentee = "Наставляемый";
        public const string Form = "Форма наставничества";
        public const string Status = "Статус";
        public const string StartsOn = "Начало";
        public const string EndsOn = "Окончание";
        public const string Cadence = "Встречи раз в, дней";
        public const string Goals = "Цели";
        public const string MeetingCount = "Встреч проведено";
        public const string LastMeeting = "Последняя встреча";
        public const string ApprovedAt = "Утверждена";
        public const string Meeting = "№ встречи";
        public const string HeldOn = "Дата встречи";
        public const string Duration = "Длительность, мин";
        public const string MeetingKind = "Вид встречи";
        public const string MeetingFormat = "Формат";
        public const string Topic = "Тема";
        public const string LoggedAt = "Записана";
        public const string Score = "Оценка пользы (1–5)";
        public const string Comment = "Комментарий";
        public const string AnsweredAt = "Ответ получен";
        public const string Respondent = "Анкета";
        public const string Competency = "Компетенция";
        public const string Before = "Самооценка до";
        public const string After = "Самооценка после";
        public const string Change = "Изменение";
        public const string BeforeOn = "Дата первой оценки";
        public const string AfterOn = "Дата второй оценки";
#pragma warning restore CS1591
    }

    /// <summary>The satisfaction survey's questions (answers contract ids) with their headers, in column order.</summary>
    public static IReadOnlyList<(string Id, string Header)> SurveyQuestions { get; } =
    [
        ("effectiveness", "Эффективность программы (1–10)"),
        ("comfort", "Комфорт общения (1–10)"),
        ("usefulness", "Польза встреч (1–10)"),
        ("support", "Поддержка (1–10)"),
        ("plan_clarity", "Ясность плана (1–10)"),
        ("safety", "Чувство безопасности (1–10)"),
        ("meeting_frequency", "Частота встреч"),
        ("valuable", "Что было ценным"),
        ("missing", "Чего не хватило"),
        ("would_continue", "Продолжил(а) бы"),
        ("would_become_mentor", "Стал(а) бы наставником"),
    ];
}
