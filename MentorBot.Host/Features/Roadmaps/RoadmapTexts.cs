using System.Globalization;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>What the road-map feature says (Russian). Texts marked HTML are escaped by the caller where they take user data.</summary>
public static class RoadmapTexts
{
    /// <summary>The /roadmap entry of the command menu.</summary>
    public const string Menu = "Дорожная карта: этапы, сроки, статусы";

    /// <summary>The organisation has no plan yet (curator).</summary>
    public const string NoPlanCurator =
        "Дорожная карта ещё не загружена. Пришлите мне её файлом — документ Word (.docx), PDF или текст (.txt).";

    /// <summary>The organisation has no plan yet (anyone else).</summary>
    public const string NoPlan = "Дорожная карта программы ещё не загружена куратором.";

    /// <summary>A member who is neither the curator nor linked to any stage.</summary>
    public const string NothingAssigned =
        "Дорожная карта доступна куратору и ответственным за этапы. За вами пока не закреплено ни одного этапа.";

    /// <summary>Heading of the overview (HTML); {0} is the escaped title or organisation name.</summary>
    public const string OverviewHeading = "<b>Дорожная карта</b>\n{0}";

    /// <summary>Under the heading for a responsible person (HTML).</summary>
    public const string OnlyYourStages = "<i>Этапы, за которые вы отвечаете.</i>";

    /// <summary>«as of» line (HTML); {0} is the local date.</summary>
    public const string AsOf = "Статусы на {0}.";

    /// <summary>Label of the periods line.</summary>
    public const string PeriodsLabel = "Сроки";

    /// <summary>Shown when a stage or activity has no period.</summary>
    public const string NoPeriods = "не указаны";

    /// <summary>Marks a default period (the document gave none).</summary>
    public const string DefaultPeriodMark = " (по умолчанию)";

    /// <summary>Label of the responsible persons line.</summary>
    public const string ResponsibleLabel = "Ответственные";

    /// <summary>When no responsible person is written.</summary>
    public const string NoResponsible = "не указаны (куратор)";

    /// <summary>An unlinked responsible person; {0} is the name.</summary>
    public const string Unlinked = "{0} (не привязан)";

    /// <summary>A linked responsible person; {0} is the name as written, {1} the member's name.</summary>
    public const string Linked = "{0} — {1}";

    /// <summary>Label of the status line.</summary>
    public const string StatusLabel = "Статус";

    /// <summary>The overview's list of unlinked positions (HTML); {0} is the escaped, comma-separated names.</summary>
    public const string UnlinkedList = "⚠️ <b>Не привязаны:</b> {0}. Пока их напоминания получает куратор.";

    /// <summary>Label of the stage's task.</summary>
    public const string TaskLabel = "Задача";

    /// <summary>Label of the expected result.</summary>
    public const string ResultLabel = "Ожидаемый результат";

    /// <summary>Heading of a stage's activity list.</summary>
    public const string ActivitiesHeading = "Мероприятия:";

    /// <summary>Shown in an activity card when it has no periods of its own.</summary>
    public const string StagePeriodsApply = "как у этапа: {0}";

    /// <summary>Stage heading (HTML); {0} number, {1} title, both escaped.</summary>
    public const string StageHeading = "<b>Этап {0}. {1}</b>";

    /// <summary>Activity heading (HTML); {0} the stage number, {1} the stage title.</summary>
    public const string ActivityHeading = "<b>Мероприятие этапа {0}</b> «{1}»";

    /// <summary>Done-mark line; {0} the local date.</summary>
    public const string DoneOn = "Отмечено выполненным {0}.";

    /// <summary>Button: open the overview.</summary>
    public const string ButtonOverview = "« Дорожная карта";

    /// <summary>Button: back to the stage.</summary>
    public const string ButtonBackToStage = "« К этапу";

    /// <summary>Button: mark the stage done.</summary>
    public const string ButtonStageDone = "✅ Этап выполнен";

    /// <summary>Button: reopen the stage.</summary>
    public const string ButtonStageReopen = "↩️ Вернуть этап в работу";

    /// <summary>Button: change the stage's period.</summary>
    public const string ButtonStagePeriod = "📅 Изменить сроки этапа";

    /// <summary>Button: mark the activity done.</summary>
    public const string ButtonActivityDone = "✅ Выполнено";

    /// <summary>Button: reopen the activity.</summary>
    public const string ButtonActivityReopen = "↩️ Вернуть в работу";

    /// <summary>Button: change the activity's period.</summary>
    public const string ButtonActivityPeriod = "📅 Изменить сроки";

    /// <summary>Button: link unlinked responsible persons by hand.</summary>
    public const string ButtonLink = "🔗 Привязать ответственных";

    /// <summary>Toast after marking done.</summary>
    public const string MarkedDone = "Отмечено как выполненное";

    /// <summary>Toast after reopening.</summary>
    public const string Reopened = "Возвращено в работу";

    /// <summary>Toast when nothing changed (already in that state).</summary>
    public const string AlreadyThere = "Уже отмечено";

    /// <summary>The item of a button is gone (the plan was re-imported) or belongs elsewhere.</summary>
    public const string ItemGone = "Этот пункт не найден: возможно, дорожную карту загрузили заново. Откройте её ещё раз — /roadmap.";

    /// <summary>A responsible person pressed a button only the curator may use.</summary>
    public const string CuratorOnly = "Это может сделать только куратор программы.";

    /// <summary>Asks for a new period; {0} is the item, {1} its current periods.</summary>
    public const string AskPeriod =
        "Напишите новые сроки для «{0}» (сейчас: {1}).\n\n" + PeriodHint;

    /// <summary>The forms a period may be written in.</summary>
    public const string PeriodHint =
        "Например: «сентябрь-октябрь 2026», «15.09.2026 - 30.09.2026», «с 25 сентября по 8 октября», «до 15 декабря», «к 1 марта», «в течение месяца», «2 неделя октября», " +
        "«в течение учебного года», «май (ежегодно)», «еженедельно по средам», «по запросу». Несколько сроков можно перечислить через запятую. " +
        "Отменить — /cancel.";

    /// <summary>The typed period was not understood; {0} is the part not understood.</summary>
    public const string PeriodNotUnderstood = "Не понял сроки «{0}». " + PeriodHint;

    /// <summary>The period was changed; {0} the item, {1} the new periods.</summary>
    public const string PeriodChanged = "Сроки «{0}» изменены: {1}.";

    /// <summary>Files are taken from the curator only.</summary>
    public const string DocumentsCuratorOnly = "Файлы принимает только куратор программы (так загружается дорожная карта).";

    /// <summary>The file is larger than the limit; {0} is the limit in MB.</summary>
    public const string FileTooLarge = "Файл слишком большой: я принимаю файлы до {0} МБ. Уберите из документа картинки или сохраните только таблицу дорожной карты и пришлите снова.";

    /// <summary>A binary file of no format the bot reads (a picture, an archive).</summary>
    public const string FileBinary = "Не могу прочитать этот файл: это не документ Word (.docx), не PDF и не текст. Пришлите дорожную карту в одном из этих форматов.";

    /// <summary>The issue's words for a PDF without a text layer.</summary>
    public const string FileScanned = "Это скан без текстового слоя: пришлите файл Word или PDF, сохранённый из Word.";

    /// <summary>What the curator reads when a file cannot be read (issue 13, «Bad files»).</summary>
    public static string FileProblem(RoadMapFileProblem problem) => problem switch
    {
        RoadMapFileProblem.Empty => "Файл пустой. Пришлите дорожную карту: документ Word (.docx), PDF или текст (.txt).",
        RoadMapFileProblem.TooLarge => string.Format(CultureInfo.InvariantCulture, FileTooLarge, RoadmapFeature.MaxUploadBytes / (1024 * 1024)),
        RoadMapFileProblem.Encoding => FileEncoding,
        RoadMapFileProblem.LegacyWord => "Это файл старого формата Word (.doc) или документ, защищённый паролем. Откройте его в Word, сохраните как «Документ Word (.docx)» без пароля и пришлите снова.",
        RoadMapFileProblem.Rtf => "Это файл RTF. Откройте его в Word, сохраните как «Документ Word (.docx)» и пришлите снова.",
        RoadMapFileProblem.Odt => "Это документ OpenDocument (.odt). Сохраните его как «Документ Word (.docx)» (в LibreOffice: «Файл» → «Сохранить как» → Word) и пришлите снова.",
        RoadMapFileProblem.CorruptDocx => "Файл повреждён: это не читаемый документ Word. Откройте его в Word, сохраните заново как .docx и пришлите снова.",
        RoadMapFileProblem.DocxWithoutTable => "В документе Word нет таблицы. Дорожная карта — это таблица с колонками «№», «Этап» или «Мероприятие», «Сроки», «Ответственный»; пришлите документ с такой таблицей.",
        RoadMapFileProblem.CorruptPdf => "Файл PDF повреждён и не читается. Пришлите файл Word (.docx) или PDF, сохранённый из Word заново.",
        RoadMapFileProblem.EncryptedPdf => "PDF защищён паролем, я не могу его прочитать. Пришлите файл Word (.docx) или PDF без пароля.",
        RoadMapFileProblem.ScannedPdf => FileScanned,
        _ => FileBinary,
    };

    /// <summary>The file's encoding is neither UTF-8 nor windows-1251.</summary>
    public const string FileEncoding = "Не удалось прочитать текст файла: поддерживаются кодировки UTF-8 и Windows-1251 (при сохранении в Word выберите «Кириллица (Windows)» или «Юникод (UTF-8)»).";

    /// <summary>The document is not a road map the parser reads; {0} is the line.</summary>
    public const string FileNotRoadMap = "Не нашёл в файле таблицу дорожной карты (строка {0}). Нужна таблица с колонками «№», «Этап» или «Мероприятие», «Сроки», «Ответственный»: документ Word (.docx), PDF, сохранённый из Word, или текст, где ячейки разделены табуляцией.";

    /// <summary>The download failed.</summary>
    public const string FileDownloadFailed = "Не удалось получить файл из мессенджера. Попробуйте прислать его ещё раз.";

    /// <summary>Summary heading of a parsed upload (HTML); {0} escaped file name.</summary>
    public const string UploadHeading = "<b>Дорожная карта из файла {0}</b>";

    /// <summary>Upload summary counts; {0} year, {1} stages, {2} activities, {3} stages without periods.</summary>
    public const string UploadCounts = "Год: {0}. Этапов: {1}, мероприятий: {2}. Без сроков в документе: {3} (им будут назначены сроки по умолчанию, их можно изменить).";

    /// <summary>A stage of the upload preview (HTML); {0} number, {1} title (escaped), {2} activities, {3} periods (escaped).</summary>
    public const string UploadStage = "<b>{0}. {1}</b> — мероприятий: {2}; сроки: {3}";

    /// <summary>More stages than the preview lists; {0} how many more.</summary>
    public const string UploadMoreStages = "…и ещё этапов: {0}.";

    /// <summary>Heading of the preview's responsible persons (HTML).</summary>
    public const string UploadResponsibleHeading = "<b>Ответственные</b> (кому придут напоминания):";

    /// <summary>A responsible person linked on import; {0} as written, {1} the member.</summary>
    public const string UploadLinked = "• {0} → {1}";

    /// <summary>A responsible person nobody holds; {0} as written.</summary>
    public const string UploadUnlinked = "• {0} → не привязан: напоминания получит куратор (привязать можно после загрузки)";

    /// <summary>Button: the next page of fragments not understood.</summary>
    public const string ButtonMoreFragments = "Ещё не распознанное »";

    /// <summary>Heading of the fragments not understood (HTML): «Не распознано: N фрагментов», with the page when there are several.</summary>
    public static string UnrecognisedHeading(int count, int page, int pages) =>
        $"⚠️ <b>Не распознано: {count} {MentorBot.Domain.Exports.ExportTexts.Plural(count, "фрагмент", "фрагмента", "фрагментов")}</b>"
        + (pages > 1 ? string.Create(CultureInfo.InvariantCulture, $" (страница {page} из {pages})") : "")
        + ". Они не потеряются: исправьте документ и пришлите снова или поправьте этапы после загрузки.";

    /// <summary>One fragment not understood with where it was: «строка 5, «Примечание»: …», or «над таблицей: …».</summary>
    public static string Fragment(int? row, string? column, string text) => row is null
        ? $"• над таблицей: {text}"
        : string.Create(CultureInfo.InvariantCulture, $"• строка {row}{(column is null ? "" : $", «{column}»")}: {text}");

    /// <summary>The upload will replace an existing plan.</summary>
    public const string UploadReplaces = "⚠️ У организации уже есть дорожная карта — она будет заменена. Отметки о выполнении и сроки, которые вы меняли, сохранятся у этапов и мероприятий с тем же номером и названием.";

    /// <summary>Confirmation question.</summary>
    public const string UploadQuestion = "Загрузить эту дорожную карту?";

    /// <summary>The document was made for an earlier year: its periods have all passed.</summary>
    public static string UploadOutdated(int documentYear, int academicYear) => string.Format(CultureInfo.InvariantCulture,
        "⚠️ Документ составлен на {0} год — по его срокам все этапы уже просрочены. Можно загрузить его на {1}/{2} учебный год: месяцы и сроки по умолчанию придутся на этот учебный год.",
        documentYear, academicYear, academicYear + 1);

    /// <summary>Button: import the document for the current academic year.</summary>
    public static string ButtonImportForYear(int academicYear) => string.Format(CultureInfo.InvariantCulture, "📅 Загрузить на {0}/{1} учебный год", academicYear, academicYear + 1);

    /// <summary>Button: confirm the upload.</summary>
    public const string ButtonImport = "✅ Загрузить";

    /// <summary>Button: cancel the upload.</summary>
    public const string ButtonCancelImport = "Отмена";

    /// <summary>Reminder to press a button while an upload waits.</summary>
    public const string UploadWaiting = "Загрузить дорожную карту из присланного файла? Нажмите кнопку ниже или /cancel.";

    /// <summary>Upload cancelled.</summary>
    public const string UploadCancelled = "Хорошо, дорожная карта не загружена.";

    /// <summary>Nothing waits for confirmation (old button).</summary>
    public const string UploadExpired = "Этот файл уже не ждёт подтверждения. Пришлите его ещё раз.";

    /// <summary>Imported; {0} stages, {1} activities.</summary>
    public const string Imported = "Дорожная карта загружена: этапов — {0}, мероприятий — {1}.";

    /// <summary>Replaced; {0} stages, {1} activities, {2} done marks kept.</summary>
    public const string Replaced = "Дорожная карта заменена: этапов — {0}, мероприятий — {1}. Сохранено отметок о выполнении: {2}.";

    /// <summary>After <see cref="Replaced"/>: periods the curator had changed were kept; {0} how many items.</summary>
    public const string PeriodEditsKept = " Сроки, которые вы меняли, сохранены (этапов и мероприятий: {0}).";

    /// <summary>The schema refused a parsed value; nothing was stored.</summary>
    public const string ImportRefused = "Не удалось сохранить дорожную карту: в документе есть сроки, которые я не могу принять (например, конец раньше начала). Ничего не изменено.";

    /// <summary>The list of unlinked positions to link by hand.</summary>
    public const string LinkPick = "Кого назначить? Выберите должность из дорожной карты:";

    /// <summary>Everything is linked.</summary>
    public const string AllLinked = "Все ответственные привязаны к участникам программы.";

    /// <summary>Pick a member for a position; {0} is the position.</summary>
    public const string LinkPickMember = "Кто в вашей организации — «{0}»?";

    /// <summary>No members to pick from.</summary>
    public const string NoMembers = "В программе пока нет участников, к которым можно привязать должность.";

    /// <summary>Linked by hand; {0} the position, {1} the member.</summary>
    public const string LinkedByHand = "Готово: «{0}» — {1}. Напоминания по этим этапам будут приходить ему.";

    /// <summary>A member without a name in the list.</summary>
    public const string Unnamed = "участник без имени";

    /// <summary>The Russian label of a status with its date; dates are local «дд.мм.гггг».</summary>
    public static string Status(StatusReading reading) => reading switch
    {
        { Status: StageStatus.Done } => "✅ выполнено",
        { Status: StageStatus.InProgress, Occurrence: { } o } => $"▶️ выполняется, до {Date(o.End)}",
        { Status: StageStatus.Planned, Occurrence: { } o } => $"🕓 запланировано, с {Date(o.Start)}",
        { Status: StageStatus.Planned } => "🕓 по запросу / без срока",
        { Status: StageStatus.Overdue, Occurrence: { } o } => $"⚠️ просрочено (срок до {Date(o.End)})",
        _ => "⚠️ просрочено",
    };

    /// <summary>A short status mark for lists.</summary>
    public static string StatusMark(StageStatus status) => status switch
    {
        StageStatus.Done => "✅",
        StageStatus.InProgress => "▶️",
        StageStatus.Overdue => "⚠️",
        _ => "🕓",
    };

    /// <summary>A local date as «дд.мм.гггг».</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
