using System.Globalization;
using MentorBot.Domain.Reminders;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Domain.Digests;

/// <summary>What the curator's weekly digest says (Russian HTML; arguments named *Html are already escaped).</summary>
public static class DigestTexts
{
    /// <summary>The heading.</summary>
    public static string Title(string organisationHtml, DateOnly weekStart) =>
        $"<b>Сводка по программе наставничества</b>\n{organisationHtml}, неделя с {ReminderTexts.Date(weekStart)}";

    /// <summary>The picture's title (<see cref="DigestChart"/>).</summary>
    public const string ChartTitle = "Встречи и этапы дорожной карты по неделям";

    /// <summary>The picture's meetings series.</summary>
    public const string ChartMeetings = "Встречи";

    /// <summary>The picture's road-map series.</summary>
    public const string ChartStages = "Этапы выполнены";

    /// <summary>The picture's caption (plain text).</summary>
    public static string ChartCaption(int meetings, int stages) =>
        $"За последние {DigestChart.Weeks} недель: встреч — {meetings}, этапов дорожной карты выполнено — {stages}.";

    /// <summary>No road map imported yet.</summary>
    public const string NoRoadMap = "<b>Дорожная карта</b> (/roadmap)\nДорожная карта ещё не загружена.";

    /// <summary>Road-map section heading.</summary>
    public const string RoadMapHeader = "<b>Дорожная карта</b> (/roadmap)";

    /// <summary>Stages done of all.</summary>
    public static string StagesDone(int done, int total, int lastWeek) => $"Этапов выполнено: {done} из {total}{Was(done, lastWeek)}";

    /// <summary>Stages in progress.</summary>
    public static string InProgress(int n) => $"В работе: {n}";

    /// <summary>Overdue stages.</summary>
    public static string Overdue(int n) => $"Просрочено: {n}";

    /// <summary>One overdue stage.</summary>
    public static string OverdueItem(string itemHtml, DateOnly deadline) => $" • {itemHtml} — срок был до {ReminderTexts.Date(deadline)}";

    /// <summary>Deadlines within the next 7 days.</summary>
    public static string NextWeek(int n) => $"Сроки в ближайшие 7 дней: {n}";

    /// <summary>One upcoming deadline.</summary>
    public static string NextWeekItem(string itemHtml, DateOnly deadline) => $" • {itemHtml} — до {ReminderTexts.Date(deadline)}";

    /// <summary>Banks section heading.</summary>
    public const string BanksHeader = "<b>Банки наставников и наставляемых</b> (/mentees)";

    /// <summary>Mentors in the bank.</summary>
    public static string Mentors(int n, int lastWeek) => $"Наставников: {n}{Was(n, lastWeek)}";

    /// <summary>Mentees in the bank.</summary>
    public static string Mentees(int n, int lastWeek) => $"Наставляемых: {n}{Was(n, lastWeek)}";

    /// <summary>Consents not given.</summary>
    public static string ConsentsPending(int n) => $"Ждём согласия: {n}";

    /// <summary>Intake questionnaires not completed.</summary>
    public static string QuestionnairesUnfinished(int n) => $"Не заполнили анкету: {n}";

    /// <summary>Pairs section heading.</summary>
    public const string PairsHeader = "<b>Пары</b> (/match)";

    /// <summary>Pairs formed.</summary>
    public static string Formed(int n, int lastWeek) => $"Сформировано: {n}{Was(n, lastWeek)}";

    /// <summary>Pairs working.</summary>
    public static string Active(int n) => $"Работают: {n}";

    /// <summary>Mentees without a pair.</summary>
    public static string Unmatched(int n) => $"Наставляемых без пары: {n}";

    /// <summary>At-risk pairs.</summary>
    public static string AtRisk(int n) => $"Под риском (нет встреч 21 день и больше): {n}";

    /// <summary>One at-risk pair.</summary>
    public static string AtRiskItem(string mentorHtml, string menteeHtml, int days) => $" • {mentorHtml} — {menteeHtml}: {ReminderTexts.Days(days)} без встреч";

    /// <summary>Meetings section heading.</summary>
    public const string MeetingsHeader = "<b>Встречи</b>";

    /// <summary>Meetings this week and last.</summary>
    public static string MeetingsTotal(int thisWeek, int lastWeek) => $"На этой неделе: {thisWeek} (на прошлой {lastWeek})";

    /// <summary>A pair's meetings.</summary>
    public static string PairMeetingsItem(string mentorHtml, string menteeHtml, int thisWeek, int lastWeek) =>
        $" • {mentorHtml} — {menteeHtml}: {thisWeek} (на прошлой {lastWeek})";

    /// <summary>Feedback average shown.</summary>
    public static string Feedback(string average, int count, string? lastWeekAverage, int lastWeekCount) =>
        $"<b>Обратная связь</b>\nСредняя оценка встреч: {average} из 5, ответов: {count}" +
        (lastWeekAverage is null ? "" : $" (неделю назад {lastWeekAverage}, ответов: {lastWeekCount})");

    /// <summary>Feedback average hidden: too few answers to keep them anonymous.</summary>
    public static string FeedbackHidden(int count, int threshold) =>
        $"<b>Обратная связь</b>\nОтветов: {count}. Средняя оценка появится, когда ответов будет не меньше {threshold}, — так ответы остаются анонимными.";

    /// <summary>The impact monitoring line: who completed both measurements and which way they moved.</summary>
    public static string Impact(int measured, int improved, int stayed, int declined) =>
        $"<b>Мониторинг влияния</b>: оба замера самооценки прошли {measured}; улучшили — {improved}, без изменений — {stayed}, снизили — {declined}";

    /// <summary>The impact line while fewer than the anonymity threshold completed both measurements.</summary>
    public static string ImpactHidden(int measured, int threshold) =>
        $"<b>Мониторинг влияния</b>: оба замера самооценки прошли {measured} — итоги покажу, когда их будет не меньше {threshold}";

    /// <summary>Open flags.</summary>
    public static string Flags(int n, int lastWeek) => $"<b>Открытые обращения к куратору</b>: {n}{Was(n, lastWeek)}";

    /// <summary>To-do heading.</summary>
    public const string TodoHeader = "<b>Что сделать на этой неделе</b>";

    /// <summary>Nothing urgent.</summary>
    public const string NothingToDo = "Всё идёт по плану — срочных дел нет.";

    /// <summary>To-do: an overdue stage.</summary>
    public static string TodoOverdue(string itemHtml, int count) =>
        $"Закройте или перенесите просроченный этап {itemHtml}" + (count > 1 ? $" (всего просрочено: {count})" : "") + " — /roadmap";

    /// <summary>To-do: an at-risk pair.</summary>
    public static string TodoAtRisk(string mentorHtml, string menteeHtml, int count) =>
        $"Свяжитесь с парой {mentorHtml} — {menteeHtml}" + (count > 1 ? $" (пар под риском: {count})" : "") + ": встреч давно не было";

    /// <summary>To-do: open flags.</summary>
    public static string TodoFlags(int n) => $"Ответьте на открытые обращения: {n}";

    /// <summary>To-do: unmatched mentees.</summary>
    public static string TodoMatch(int n) => $"Подберите наставников для наставляемых без пары ({n}) — /match";

    /// <summary>To-do: consents pending.</summary>
    public static string TodoConsents(int n) => $"Напомните о согласии на обработку персональных данных ({n}) — /mentees";

    /// <summary>To-do: questionnaires unfinished.</summary>
    public static string TodoQuestionnaires(int n) => $"Попросите дозаполнить анкеты ({n}) — /mentees";

    /// <summary>To-do: the nearest deadline.</summary>
    public static string TodoNextWeek(string itemHtml, DateOnly deadline) => $"Подготовьтесь к сроку {ReminderTexts.Date(deadline)}: {itemHtml}";

    /// <summary>To-do: nobody joined yet.</summary>
    public const string TodoInvite = "Пригласите наставников и наставляемых: пришлите им ссылки-приглашения";

    /// <summary>«… и ещё 4».</summary>
    public static string More(int n) => $" … и ещё {n}";

    /// <summary>/digest in the command menu.</summary>
    public const string DigestMenu = "Сводка по программе за неделю";

    /// <summary>/digest_time in the command menu.</summary>
    public const string DigestTimeMenu = "Когда присылать еженедельную сводку";

    /// <summary>/digest_time without an argument or with a bad one.</summary>
    public static string DigestTimeHint(string current) =>
        $"Сейчас сводка приходит: {current}.\nЧтобы изменить, напишите, например: /digest_time пн 09:00 (день недели и время по часовому поясу организации) или расписание cron из пяти полей: /digest_time 0 9 * * MON.";

    /// <summary>/digest_time accepted.</summary>
    public static string DigestTimeSet(string when) => $"Готово: сводка будет приходить {when}.";

    /// <summary>A weekday and time as the curator reads it: «по понедельникам в 09:00».</summary>
    public static string Schedule(DayOfWeek day, TimeOnly time) => $"по {Weekdays[(int)day]} в {time.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>/digest_time with a cron that cannot be stored (<see cref="CronRules"/>).</summary>
    public static string CronRefused(string cron, CronProblem problem) => problem switch
    {
        CronProblem.NumericWeekday => $"Не могу принять расписание «{cron}»: день недели укажите словом — MON, TUE, WED, THU, FRI, SAT или SUN. Номера дней в разных системах означают разное (1 — то понедельник, то воскресенье).",
        CronProblem.FieldCount => $"Не могу принять расписание «{cron}»: нужно пять полей — минуты, часы, день месяца, месяц, день недели (например, «0 9 * * MON»), без секунд и года.",
        _ => $"Не могу принять расписание «{cron}»: проверьте значения полей (например, «0 9 * * MON» — по понедельникам в 09:00).",
    };

    /// <summary>A cron the simple form cannot show.</summary>
    public static string CustomSchedule(string cron) => $"по расписанию «{cron}»";

    private static readonly string[] Weekdays = ["воскресеньям", "понедельникам", "вторникам", "средам", "четвергам", "пятницам", "субботам"];

    private static string Was(int now, int lastWeek) => now == lastWeek ? "" : $" (неделю назад {lastWeek})";
}
