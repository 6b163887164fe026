using System.Globalization;
using System.Text;

namespace MentorBot.Domain.Events;

/// <summary>Every Russian text of programme events (issue 15). Plain text.</summary>
public static class EventsTexts
{
    /// <summary>Menu entry of /event.</summary>
    public const string EventMenu = "Новое мероприятие: круглый стол, семинар, конкурс…";

    /// <summary>Menu entry of /events.</summary>
    public const string EventsMenu = "Мероприятия: приглашённые, посещаемость, итоги";

    /// <summary>The Russian name of a kind.</summary>
    public static string KindName(EventKind kind) => kind switch
    {
        EventKind.RoundTable => "круглый стол",
        EventKind.Seminar => "семинар",
        EventKind.Conference => "конференция",
        EventKind.Contest => "конкурс",
        EventKind.Ceremony => "торжественное мероприятие",
        _ => "мероприятие",
    };

    /// <summary>The Russian name of an audience.</summary>
    public static string AudienceName(EventAudience audience) => audience switch
    {
        EventAudience.Mentors => "наставники",
        EventAudience.Mentees => "наставляемые",
        EventAudience.Pairs => "участники утверждённых пар",
        _ => "все участники программы",
    };

    /// <summary>Question: from the road map or new.</summary>
    public const string AskSource = "Мероприятие из дорожной карты или новое? /cancel — отменить, /back — назад.";

    /// <summary>Button: a new event.</summary>
    public const string NewButton = "Новое мероприятие";

    /// <summary>Question: the title.</summary>
    public static string AskTitle(int limit) => $"Название мероприятия (до {limit} символов).";

    /// <summary>Question: the kind.</summary>
    public const string AskKind = "Какое это мероприятие?";

    /// <summary>Question: when.</summary>
    public const string AskWhen = "Когда? Напишите дату и время по времени вашей организации, например: 15.05.2027 15:00.";

    /// <summary>Hint: a date and time not understood or in the past.</summary>
    public const string WhenHint = "Не понял дату и время или они уже прошли. Напишите так: 15.05.2027 15:00.";

    /// <summary>Question: where.</summary>
    public static string AskPlace(int limit) => $"Где? Место (например, «актовый зал») или ссылка на онлайн-встречу, до {limit} символов.";

    /// <summary>Hint: empty or too long text.</summary>
    public static string TextHint(int limit) => $"Нужен текст до {limit} символов одним сообщением.";

    /// <summary>Question: who is invited.</summary>
    public const string AskAudience = "Кого пригласить?";

    /// <summary>Hint: a button was expected.</summary>
    public const string PressAButton = "Выберите вариант кнопкой под вопросом.";

    /// <summary>The summary before sending.</summary>
    public static string Summary(string title, EventKind kind, DateTime startsLocal, string place, EventAudience audience, int invited) =>
        $"Проверьте мероприятие:\n{Describe(title, kind, startsLocal, place)}\nПриглашаются: {AudienceName(audience)} ({invited} чел.).\n" +
        "Приглашения уйдут в рабочее время. Изменить — /back, отменить — /cancel.";

    /// <summary>Button: send the invitations.</summary>
    public const string SendButton = "Разослать приглашения";

    /// <summary>After sending.</summary>
    public static string Created(int invited) => $"Мероприятие создано, приглашений: {invited}. Ответы и посещаемость — /events.";

    /// <summary>An event in one block.</summary>
    public static string Describe(string title, EventKind kind, DateTime startsLocal, string place) =>
        $"«{title}» ({KindName(kind)})\nКогда: {startsLocal.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}\nГде: {place}";

    /// <summary>The invitation.</summary>
    public static string Invitation(string organisation, string title, EventKind kind, DateTime startsLocal, string place) =>
        $"Приглашение от куратора программы наставничества ({organisation}):\n{Describe(title, kind, startsLocal, place)}\nПридёте?";

    /// <summary>Button: will come.</summary>
    public const string YesButton = "Приду";

    /// <summary>Button: cannot come.</summary>
    public const string NoButton = "Не смогу";

    /// <summary>After «Приду».</summary>
    public const string ThanksYes = "Спасибо! Записал: придёте. Накануне напомню.";

    /// <summary>After «Не смогу».</summary>
    public const string ThanksNo = "Понял, вы не сможете. Если планы изменятся — нажмите «Приду».";

    /// <summary>An event that is over or gone.</summary>
    public const string EventGone = "Это мероприятие уже прошло или отменено.";

    /// <summary>The reminder the day before.</summary>
    public static string Reminder(string title, DateTime startsLocal, string place) =>
        $"Напоминание: завтра, {startsLocal.ToString("dd.MM.yyyy в HH:mm", CultureInfo.InvariantCulture)}, — «{title}». Где: {place}.";

    /// <summary>/events without events.</summary>
    public const string NoEvents = "Мероприятий пока нет. Создать — /event.";

    /// <summary>One event in /events.</summary>
    public static string Line(string title, EventKind kind, DateTime startsLocal, int invited, int yes, int no, int? attended, string? outcome)
    {
        var text = new StringBuilder(Describe(title, kind, startsLocal, "").TrimEnd().Replace("\nГде:", "", StringComparison.Ordinal))
            .Append(CultureInfo.InvariantCulture, $"\nПриглашено: {invited}; придут: {yes}; не смогут: {no}; не ответили: {invited - yes - no}.");
        if (attended is { } a) text.Append(CultureInfo.InvariantCulture, $"\nПришли: {a}.");
        if (outcome is not null) text.Append("\nИтоги: ").Append(outcome);
        return text.ToString();
    }

    /// <summary>
    /// An event on its road-map activity (<c>/roadmap</c>): date, time, title and kind; before it the «Приду» answers,
    /// after it the attendance when marked.
    /// </summary>
    public static string OnRoadMap(string title, EventKind kind, DateTime startsLocal, bool held, int yes, int? attended) =>
        $"{startsLocal.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)} «{title}» ({KindName(kind)}) — "
        + (!held ? $"придут: {yes}" : attended is { } a ? $"прошло, пришли: {a}" : "прошло");

    /// <summary>Heading of the events section of the final report.</summary>
    public const string ReportHeading = "Мероприятия программы";

    /// <summary>The report's line above the table.</summary>
    public static string ReportSummary(int events, string byKind) => $"Мероприятий за учебный год: {events} ({byKind}).";

    /// <summary>The report table's columns.</summary>
    public static readonly IReadOnlyList<string> ReportColumns = ["Дата и время", "Мероприятие", "Вид", "Приглашено", "Ответили «Приду»", "Пришли", "Итоги"];

    /// <summary>Attendance not marked (report table).</summary>
    public const string NotMarked = "не отмечено";

    /// <summary>Heading of the events on a road-map activity.</summary>
    public const string RoadMapHeading = "Мероприятия";

    /// <summary>Button: attendance.</summary>
    public const string AttendanceButton = "Отметить посещаемость";

    /// <summary>Button: outcome.</summary>
    public const string OutcomeButton = "Итоги";

    /// <summary>The attendance screen.</summary>
    public const string AttendanceScreen = "Кто пришёл? Нажмите на участника, чтобы отметить (✅ — был). Сначала — ответившие «Приду».";

    /// <summary>A person as a toggle.</summary>
    public static string Toggle(string name, bool attended, bool said) => (attended ? "✅ " : "▫️ ") + name + (said ? " (обещал прийти)" : "");

    /// <summary>Question: the outcome.</summary>
    public static string AskOutcome(string title) => $"Коротко об итогах мероприятия «{title}» (до {EventRules.MaxTextLength} символов). /cancel — отмена.";

    /// <summary>After the outcome is saved.</summary>
    public const string OutcomeSaved = "Итоги сохранены.";
}
