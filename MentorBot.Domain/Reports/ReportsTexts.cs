using System.Globalization;
using System.Text;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Domain.Reports;

/// <summary>Every Russian text of the monitoring reports, <c>/reports</c> and the SWOT dialogue (issue 14).</summary>
public static class ReportsTexts
{
    // ---------------------------------------------------------------- chat

    /// <summary>Command menu entry of /reports.</summary>
    public const string Menu = "Отчёты: мониторинг качества и влияния, итоговый отчёт";

    /// <summary>The /reports menu; the programme year is named.</summary>
    public static string Choose(ProgrammeYear year, bool curator) =>
        $"Отчёты программы наставничества за {year.Label} учебный год. Какой документ подготовить?" +
        (curator ? "\n\nПеред отчётом о мониторинге качества заполните анкету куратора и проверьте SWOT-анализ." : "");

    /// <summary>Button: the quality report.</summary>
    public const string QualityButton = "Мониторинг качества";

    /// <summary>Button: the impact report.</summary>
    public const string ImpactButton = "Мониторинг влияния";

    /// <summary>Button: the final report.</summary>
    public const string ProgrammeButton = "Итоговый отчёт";

    /// <summary>Button: the curator's questionnaire.</summary>
    public const string CuratorQuestionnaireButton = "Анкета куратора";

    /// <summary>Button: the SWOT dialogue.</summary>
    public const string SwotButton = "SWOT-анализ";

    /// <summary>A stale or forged /reports button.</summary>
    public const string UnknownChoice = "Эта кнопка устарела. Начните заново: /reports";

    /// <summary>The head pressed a curator's button.</summary>
    public const string CuratorOnly = "Это может сделать только куратор программы. Отчёты доступны в /reports.";

    /// <summary>The caption of a report document.</summary>
    public static string Caption(string title, ProgrammeYear year, DateOnly date) => $"{title} за {year.Label} учебный год, на {Date(date)}";

    /// <summary>A SWOT button pressed when no SWOT dialogue is open.</summary>
    public const string SwotClosed = "SWOT-анализ уже закрыт. Открыть снова: /reports → «SWOT-анализ».";

    /// <summary>Said after «Сохранить».</summary>
    public const string SwotSaved = "SWOT-анализ сохранён. Он войдёт в отчёт о мониторинге качества: /reports → «Мониторинг качества».";

    /// <summary>/back on the first step.</summary>
    public const string SwotFirstStep = "Это первый шаг SWOT-анализа, назад некуда.";

    /// <summary>Button: keep the quadrant as shown.</summary>
    public const string SwotKeepButton = "Оставить как есть";

    /// <summary>Button: leave an empty quadrant empty.</summary>
    public const string SwotSkipButton = "Пропустить";

    /// <summary>Button: save the analysis.</summary>
    public const string SwotSaveButton = "Сохранить";

    /// <summary>A typed quadrant that cannot be read.</summary>
    public static string SwotHint(int maxItems, int maxLength) =>
        $"Не получилось прочитать список. Напишите от 1 до {maxItems} пунктов, каждый с новой строки и не длиннее {maxLength} знаков. " +
        "/back — назад, /cancel — прервать без сохранения.";

    /// <summary>The name of a quadrant.</summary>
    public static string SwotName(SwotPart part) => part switch
    {
        SwotPart.Strengths => "Сильные стороны",
        SwotPart.Weaknesses => "Слабые стороны",
        SwotPart.Opportunities => "Возможности",
        _ => "Угрозы",
    };

    /// <summary>The edit button of a quadrant on the review.</summary>
    public static string SwotEditButton(SwotPart part) => "Изменить: " + SwotName(part).ToLowerInvariant();

    /// <summary>One step of the dialogue (HTML): the quadrant, its items and what to do.</summary>
    public static string SwotAsk(SwotPart part, IReadOnlyList<string> items)
    {
        var text = new StringBuilder();
        text.Append("<b>SWOT-анализ: ").Append(SwotName(part).ToLowerInvariant()).Append("</b> (").Append((int)part + 1).Append(" из 4)\n");
        text.Append(part switch
        {
            SwotPart.Strengths => "Черновик — по самым высоким оценкам в анкетах удовлетворённости и по анкете куратора.",
            SwotPart.Weaknesses => "Черновик — по самым низким оценкам в анкетах удовлетворённости и по анкете куратора.",
            SwotPart.Opportunities => "Какие возможности вы видите для программы: ресурсы, партнёры, новые формы работы?",
            _ => "Какие угрозы вы видите для программы: риски, внешние обстоятельства?",
        });
        text.Append("\n\n").Append(Items(items));
        text.Append("\n\nОтправьте свой вариант — каждый пункт с новой строки — или нажмите кнопку. /back — назад, /cancel — прервать без сохранения.");
        return text.ToString();
    }

    /// <summary>The review of all four quadrants (HTML).</summary>
    public static string SwotReview(SwotAnalysis swot)
    {
        var text = new StringBuilder("<b>SWOT-анализ</b>: проверьте и сохраните. Любую часть можно изменить.");
        foreach (var part in Enum.GetValues<SwotPart>())
            text.Append("\n\n<b>").Append(SwotName(part)).Append("</b>\n").Append(Items(swot[part]));
        return text.ToString();
    }

    private static string Items(IReadOnlyList<string> items) =>
        items.Count == 0 ? "— пока пусто" : string.Join("\n", items.Select(i => "• " + Html.Escape(i)));

    /// <summary>A drafted SWOT item from a satisfaction scale: «Наставляемые: комфорт общения — 9,0 из 10».</summary>
    public static string SwotScale(string questionnaire, ScaleAggregate scale) =>
        $"{GroupName(questionnaire)}: {ScaleName(scale.Scale).ToLowerInvariant()} — {Number(scale.Mean!.Value)} из 10";

    /// <summary>A drafted SWOT item from the curator's questionnaire.</summary>
    public static string SwotCondition(string label, string? answer, string? comment) =>
        label + (answer is null ? "" : $" ({answer})") + (comment is null ? "" : $": {comment}");

    // ---------------------------------------------------------------- bank card

    /// <summary>The card's heading of the impact results.</summary>
    public const string CardImpactHeading = "Итоги мониторинга влияния (самооценка до → после)";

    /// <summary>
    /// The card lines of a mentee's own results (one per competency: «планирование уроков: 3 → 7 (+4)») or, for a
    /// mentor, one per mentee (the mean over competencies: «Андреева Анна: 3,5 → 6,0 (+2,5)»).
    /// </summary>
    public static IReadOnlyList<string> CardImpact(PersonImpact? own, IReadOnlyList<(string Mentee, PersonImpact Impact)> mentees) =>
    [
        .. own?.Changes.Select(c => $"{c.Competency}: {c.Before} → {c.After} ({Signed(c.Change)})") ?? [],
        .. mentees.Select(m => $"{m.Mentee}: {Number(m.Impact.Before)} → {Number(m.Impact.After)} ({Signed(m.Impact.Change)})"),
    ];

    // ---------------------------------------------------------------- documents

    /// <summary>The title of the quality report.</summary>
    public const string QualityTitle = "Отчёт о мониторинге качества реализации программы наставничества";

    /// <summary>The title of the impact report.</summary>
    public const string ImpactTitle = "Отчёт о мониторинге влияния программы наставничества";

    /// <summary>The title of the final report.</summary>
    public const string ProgrammeTitle = "Итоговый отчёт о реализации программы наставничества";

    /// <summary>A report's file name.</summary>
    public static string FileName(string shortName, ProgrammeYear year) =>
        string.Create(CultureInfo.InvariantCulture, $"{shortName} {year.StartYear}-{year.StartYear + 1}.docx");

    /// <summary>Under the title: the year and the date.</summary>
    public static string Subtitle(ProgrammeYear year, DateOnly date) => $"{year.Label} учебный год · по состоянию на {Date(date)}";

    /// <summary>The curator's signature line.</summary>
    public static string CuratorSignature(string? name) => $"Куратор программы наставничества __________ {name ?? "/__________/"}";

    /// <summary>The head's signature line.</summary>
    public static string HeadSignature(string? name) => $"Руководитель организации __________ {name ?? "/__________/"}";

    /// <summary>The date line under the signatures.</summary>
    public static string DateLine(DateOnly date) => $"Дата: {Date(date)}";

    /// <summary>Printed where an aggregate is withheld.</summary>
    public static string Withheld(int answers) =>
        $"{answers} {Exports.ExportTexts.Plural(answers, "ответ", "ответа", "ответов")} — меньше {Anonymity.Threshold}: итоги не показываются ради анонимности.";

    /// <summary>The anonymity note of every report.</summary>
    public static string AnonymityNote =>
        $"Обобщённые показатели по группе меньше {Anonymity.Threshold} человек не показываются, чтобы ответы нельзя было связать с конкретным человеком.";

    /// <summary>A cell of a withheld figure.</summary>
    public const string Dash = "—";

    /// <summary>The name of a satisfaction group.</summary>
    public static string GroupName(string questionnaire) =>
        questionnaire == BuiltInQuestionnaires.SatisfactionMentor ? "Наставники" : "Наставляемые";

    /// <summary>The short name of a satisfaction scale.</summary>
    public static string ScaleName(string scale) => scale switch
    {
        "effectiveness" => "Эффективность программы",
        "comfort" => "Комфорт общения",
        "usefulness" => "Польза встреч",
        "support" => "Поддержка",
        "plan_clarity" => "Ясность плана",
        "safety" => "Чувство безопасности",
        _ => scale,
    };

    /// <summary>Quality report: section headings and table headers.</summary>
    public static class Quality
    {
#pragma warning disable CS1591 // the constants are the texts themselves
        public const string Satisfaction = "Удовлетворённость участников программы";
        public static string Responses(int mentees, int mentors) => $"Заполнено анкет удовлетворённости: наставляемыми — {mentees}, наставниками — {mentors}.";
        public static string Group(string questionnaire, int responses) => $"{GroupName(questionnaire)}: {responses} {Exports.ExportTexts.Plural(responses, "анкета", "анкеты", "анкет")}";
        public static readonly IReadOnlyList<string> ScaleColumns = ["Шкала (1–10)", "n", "Среднее", "Медиана", "Распределение (оценка — число ответов)", "Прошлый год", "Изменение"];
        public const string ChartTitle = "Удовлетворённость по шкалам (среднее, 1–10)";
        public const string Valuable = "Что было самым ценным (ответы без имён)";
        public const string Missing = "Чего не хватило (ответы без имён)";
        public const string NoAnswers = "Ответов нет.";
        public const string CuratorQuestionnaire = "Анкета куратора: выполнение условий и принципов программы";
        public const string CuratorNotFilled = "Анкета куратора за этот год не заполнена (/reports → «Анкета куратора»).";
        public static readonly IReadOnlyList<string> ConditionColumns = ["Условие", "Ответ", "Комментарий"];
        public const string Swot = "SWOT-анализ";
        public const string SwotDraftNote = "Черновик: SWOT-анализ не проверен куратором (/reports → «SWOT-анализ»). Возможности и угрозы не указаны.";
        public const string NotGiven = "не указаны";
#pragma warning restore CS1591
    }

    /// <summary>Impact report: section headings and table headers.</summary>
    public static class Impact
    {
#pragma warning disable CS1591
        public const string Method = "Первый замер — самооценка компетенций во входной анкете наставляемого, второй — итоговая самооценка в конце программы (шкала 1–10).";
        public static string Measured(int people) => $"Прошли оба замера: {people} {Exports.ExportTexts.Plural(people, "человек", "человека", "человек")}.";
        public const string Programme = "Программа в целом";
        public const string ByCompetency = "По компетенциям";
        public const string ByPerson = "По участникам (только для куратора)";
        public const string ByPair = "По парам (только для куратора)";
        public static readonly IReadOnlyList<string> AggregateColumns = ["Показатель", "n", "До", "После", "Изменение", "Улучшили", "Без изменений", "Снизили"];
        public static readonly IReadOnlyList<string> PersonColumns = ["Участник", "Компетенция", "До", "После", "Изменение"];
        public static readonly IReadOnlyList<string> PairColumns = ["Пара", "Наставник", "Наставляемый", "До", "После", "Изменение", "Динамика"];
        public const string AllCompetencies = "Средняя самооценка по всем компетенциям";
        public const string ChartTitle = "Самооценка до и после по компетенциям (среднее, 1–10)";
        public const string Before = "До";
        public const string After = "После";
        public const string Nobody = "Пока никто не прошёл оба замера.";
        public static string Trend(Trend trend) => trend switch
        {
            Reports.Trend.Improved => "улучшение",
            Reports.Trend.Declined => "снижение",
            _ => "без изменений",
        };
#pragma warning restore CS1591
    }

    /// <summary>Final report: section headings and table headers.</summary>
    public static class Programme
    {
#pragma warning disable CS1591
        public const string RoadMap = "Выполнение дорожной карты";
        public const string NoRoadMap = "Дорожная карта не загружена.";
        public static readonly IReadOnlyList<string> StageColumns = ["№", "Этап", "Статус", "Выполнен"];
        public static string StagesDone(int done, int total) => $"Выполнено этапов: {done} из {total}.";
        public const string StagesChartTitle = "Выполненные этапы дорожной карты (нарастающим итогом)";
        public const string StagesSeries = "Этапов выполнено";
        public const string Participants = "Участники, пары и группы";
        public static readonly IReadOnlyList<string> ParticipantColumns = ["Показатель", "Значение"];
        public const string Mentors = "Наставников";
        public const string Mentees = "Наставляемых";
        public const string Pairs = "Наставнических пар (утверждённых и завершённых)";
        public const string Groups = "Групп (наставник с несколькими наставляемыми)";
        public static string PairsOfForm(string form) => $"Пар формы «{form}»";
        public const string Meetings = "Встречи";
        public static readonly IReadOnlyList<string> MeetingColumns = ["Вид встречи", "Проведено", "Часов", "Запланировано в программах"];
        public const string MeetingsTotal = "Всего";
        public const string MeetingsChartTitle = "Встречи по неделям";
        public const string MeetingsSeries = "Встреч";
        public const string Feedback = "Обратная связь после встреч";
        public static string FeedbackFigures(int asked, int answered) => $"Опросов после встреч: {asked}, ответов: {answered}.";
        public static string FeedbackAverage(double average) => $"Средняя оценка пользы встречи: {Number(average)} из 5.";
        public const string Satisfaction = "Удовлетворённость (итоги мониторинга качества)";
        public static readonly IReadOnlyList<string> SatisfactionColumns = ["Группа", "Анкет", .. SatisfactionMonitoring.Scales.Select(ScaleName)];
        public const string Impact = "Влияние программы (итоги мониторинга влияния)";
        public const string Consents = "Согласия на обработку персональных данных (в цифрах)";
        public static readonly IReadOnlyList<string> ConsentColumns = ["Согласие", "Дано", "Отозвано", "Уничтожено записей ПДн"];
        public static string ConsentKind(string kind) => kind switch
        {
            "personal_data" => "на обработку персональных данных",
            "mentoring_duties" => "на наставническую деятельность",
            "publication" => "на распространение персональных данных",
            _ => kind,
        };
#pragma warning restore CS1591
    }

    // ---------------------------------------------------------------- formatting

    /// <summary>дд.мм.гггг.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A figure with one decimal and a decimal comma («6,8»).</summary>
    public static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>A change with its sign («+1,5», «−0,5», «0,0»).</summary>
    public static string Signed(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded > 0 ? "+" + Number(rounded) : rounded < 0 ? "−" + Number(-rounded) : Number(0);
    }

    /// <summary>A whole change with its sign («+3», «−1», «0»).</summary>
    public static string Signed(int value) =>
        value > 0 ? "+" + Count(value) : value < 0 ? "−" + Count(-value) : "0";

    /// <summary>An integer as text.</summary>
    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
