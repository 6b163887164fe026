using System.Globalization;
using MentorBot.Domain.Conversations;

namespace MentorBot.Domain.Reminders;

/// <summary>
/// Button data of other features that reminders point to. Kept in one place so the formats can be aligned with
/// those features when they are merged (road map: issue 3; pairs: issue 5; polls: issue 6; questionnaires: issue 4).
/// </summary>
public static class ReminderButtons
{
    /// <summary>Marks a stage done (road-map feature): <c>rm:done:s:{stageId}</c>.</summary>
    public static string MarkStageDone(long stageId) => Format("rm:done:s:{0}", stageId);

    /// <summary>Marks an activity done (road-map feature): <c>rm:done:a:{activityId}</c>.</summary>
    public static string MarkActivityDone(long activityId) => Format("rm:done:a:{0}", activityId);

    /// <summary>Opens the road map (road-map feature).</summary>
    public const string OpenRoadMap = "rm:open";

    /// <summary>Opens the live pairs with their actions (pairs feature's <c>/match</c> screen).</summary>
    public const string OpenPairs = "match:live";

    /// <summary>Starts or resumes a questionnaire (questionnaires feature): <c>q:start:{id}[:{contextKey}]</c>.</summary>
    public static string StartQuestionnaire(string questionnaire, string contextKey = "") =>
        contextKey.Length == 0 ? $"q:start:{questionnaire}" : $"q:start:{questionnaire}:{contextKey}";

    /// <summary>Ends a /pause early (this feature).</summary>
    public const string Resume = "pause:off";

    private static string Format(string format, long id) => string.Format(CultureInfo.InvariantCulture, format, id);
}

/// <summary>What reminders and nudges say (Russian, HTML with user data escaped).</summary>
public static class ReminderTexts
{
    /// <summary>Button: mark the stage or activity done.</summary>
    public const string MarkDone = "Отметить выполненным";

    /// <summary>Button: open the road map.</summary>
    public const string OpenRoadMap = "Открыть дорожную карту";

    /// <summary>Button: open an at-risk pair.</summary>
    public const string OpenPair = "Открыть пару";

    /// <summary>Button: continue the questionnaire.</summary>
    public const string ContinueQuestionnaire = "Продолжить анкету";

    /// <summary>Button: answer the poll or survey.</summary>
    public const string Answer = "Ответить";

    /// <summary>Button: end the pause early.</summary>
    public const string ResumeButton = "Возобновить напоминания";

    /// <summary>/pause in the command menu.</summary>
    public const string PauseMenu = "Не присылать напоминания неделю";

    /// <summary>/pause accepted.</summary>
    public static string Paused(DateOnly until) =>
        $"Хорошо, неделю не буду напоминать о встречах, анкетах и опросах — до {Date(until)} включительно. " +
        "Напоминания о сроках дорожной карты, за которые вы отвечаете, продолжат приходить.";

    /// <summary>/pause while already paused.</summary>
    public static string AlreadyPaused(DateOnly until) => $"Напоминания уже приостановлены до {Date(until)} включительно.";

    /// <summary>The pause was ended.</summary>
    public const string Resumed = "Напоминания снова включены.";

    /// <summary>The pause was not on.</summary>
    public const string NotPaused = "Напоминания и так включены. /pause — приостановить на неделю.";

    /// <summary>Names a stage or activity: «этап 2 «Формирование банка наставляемых»».</summary>
    public static string Subject(DeadlineSubject subject, string? number, string title)
    {
        var what = subject == DeadlineSubject.Stage ? "этап" : "мероприятие";
        return number is { Length: > 0 } ? $"{what} {Html.Escape(number)} «{Html.Escape(title)}»" : $"{what} «{Html.Escape(title)}»";
    }

    /// <summary>A date as people write it: 30.09.2026.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The text of a deadline reminder; <paramref name="owners"/> is named in the curator's copy.</summary>
    public static string Deadline(DeadlineReminder reminder, int daysBeforeEnd, bool curatorCopy, string? owners)
    {
        var item = reminder.Item;
        var subject = Subject(item.Subject, item.Number, item.Title);
        var end = Date(reminder.OccurrenceEnd);
        var head = reminder.Kind switch
        {
            DeadlineReminderKind.Start => $"📌 Сегодня начинается {subject}.\nСрок — до {end}.",
            DeadlineReminderKind.BeforeEnd => $"⏰ Через {Days(daysBeforeEnd)} срок: {subject}.\nСрок — до {end}.",
            DeadlineReminderKind.Overdue => $"❗ Просрочено: {subject}.\nСрок был до {end}, отметки о выполнении нет" +
                                             (reminder.Notice > 1 ? $" (напоминание № {reminder.Notice})." : "."),
            _ => $"📌 Сегодня по плану: {subject}.",
        };
        var lines = new List<string> { head };
        if (item.ExpectedResult is { Length: > 0 } result) lines.Add($"Ожидаемый результат: {Html.Escape(result)}");
        lines.Add($"Сроки по дорожной карте: {Html.Escape(reminder.PeriodText)}");
        if (curatorCopy) lines.Add($"Вы получили копию как куратор. Ответственные: {Html.Escape(owners ?? "не назначены")}.");
        return string.Join("\n", lines);
    }

    /// <summary>Onboarding not finished: the consent (when <paramref name="consentMissing"/>) or the questionnaire; <paramref name="notice"/> is 1 or 2.</summary>
    public static string Onboarding(int notice, bool consentMissing)
    {
        var what = consentMissing
            ? "Вы ещё не дали согласие на обработку персональных данных — без него участвовать в программе наставничества нельзя. Откройте ссылку-приглашение ещё раз или напишите /start."
            : "Вы ещё не заполнили анкету участника программы наставничества. Это займёт около 5 минут: по ней куратор подберёт пару.";
        return notice == 1 ? what : "Напоминаем ещё раз. " + what + " Больше напоминать об этом не будем.";
    }

    /// <summary>The mentor's nudge about a quiet pair.</summary>
    public static string QuietPairToMentor(string? menteeName, int days) =>
        $"В вашей паре с наставляемым ({Html.Escape(menteeName ?? "имя не указано")}) нет отмеченных встреч уже {Days(days)}. " +
        "Договоритесь о встрече, а после неё просто напишите мне, как она прошла: например, «встретились вчера, 40 минут, разбирали урок».";

    /// <summary>The curator's at-risk alert about a quiet pair.</summary>
    public static string QuietPairToCurator(string? mentorName, string? menteeName, int days) =>
        $"⚠️ Пара под риском: {Html.Escape(mentorName ?? "наставник")} — {Html.Escape(menteeName ?? "наставляемый")}: нет отмеченных встреч {Days(days)}. " +
        "Свяжитесь с наставником: возможно, нужна помощь.";

    /// <summary>One reminder of an unanswered feedback poll.</summary>
    public const string FeedbackPoll = "Вы ещё не ответили на короткий опрос о недавней встрече с наставником. Это одна минута, ответы видит только куратор в обобщённом виде.";

    /// <summary>One reminder of an unfilled satisfaction survey.</summary>
    public const string SatisfactionSurvey = "Пожалуйста, заполните анкету удовлетворённости участием в программе наставничества — она помогает сделать программу лучше.";

    /// <summary>«3 дня», «1 день», «21 день» (Russian plural of «день»).</summary>
    public static string Days(int n)
    {
        var mod100 = Math.Abs(n) % 100;
        var mod10 = mod100 % 10;
        var word = mod100 is >= 11 and <= 14 ? "дней" : mod10 switch { 1 => "день", 2 or 3 or 4 => "дня", _ => "дней" };
        return $"{n} {word}";
    }
}
