using System.Globalization;
using System.Text;

namespace MentorBot.Domain.Practices;

/// <summary>Every Russian text of the practice library («методическая копилка», issue 15). Plain text unless marked.</summary>
public static class PracticesTexts
{
    // ---- menu ----

    /// <summary>Menu entry of /case.</summary>
    public const string CaseMenu = "Добавить кейс в методическую копилку";

    /// <summary>Menu entry of /cases.</summary>
    public const string CasesMenu = "Кейсы на проверке";

    /// <summary>Menu entry of /library.</summary>
    public const string LibraryMenu = "Методическая копилка: кейсы по темам и поиск";

    // ---- placeholders (anonymisation) ----

    /// <summary>Stands for a mentor or an author without the publication consent.</summary>
    public const string MentorPlaceholder = "наставник";

    /// <summary>Stands for a curator who wrote a case, without the publication consent.</summary>
    public const string CuratorPlaceholder = "куратор";

    /// <summary>Stands for a mentee without the publication consent.</summary>
    public const string MenteePlaceholder = "молодой педагог";

    // ---- the dialogue ----

    /// <summary>Question: which pair.</summary>
    public const string AskPair = "Кейс из работы какой пары? Выберите пару (или «Без пары»). /cancel — отменить, /back — назад.";

    /// <summary>Button: no pair.</summary>
    public const string NoPairButton = "Без пары";

    /// <summary>A pair as a choice.</summary>
    public static string PairOption(string mentor, string mentee) => $"{mentor} — {mentee}";

    /// <summary>Question: the topic.</summary>
    public const string AskTopic = "Тема кейса — какой профессиональный дефицит он помогает закрыть? Выберите кнопкой.";

    /// <summary>Questions of the text steps, by step.</summary>
    public static string AskText(CaseStep step, int limit) => step switch
    {
        CaseStep.Title => $"Название кейса — коротко, до {limit} символов.",
        CaseStep.Difficulty => "Какое затруднение было у молодого педагога? Опишите ситуацию.",
        CaseStep.Actions => "Что сделали наставник и молодой педагог? Шаги, приёмы, встречи.",
        CaseStep.Result => "Какой получился результат? Что изменилось в работе педагога?",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>Shown under a text question while correcting a returned case.</summary>
    public static string Current(string text) => $"Сейчас: «{text}». Напишите новый вариант или нажмите «Оставить как есть».";

    /// <summary>Button: keep the current answer.</summary>
    public const string KeepButton = "Оставить как есть";

    /// <summary>Hint: a text answer that is empty or too long.</summary>
    public static string TextHint(int limit, int length) => length == 0
        ? "Нужен текст — напишите его одним сообщением."
        : $"Слишком длинно: {length} символов, а можно до {limit}. Сократите, пожалуйста — ничего не сохранено.";

    /// <summary>Hint: a button was expected.</summary>
    public const string PressAButton = "Выберите вариант кнопкой под вопросом.";

    /// <summary>Question: the materials.</summary>
    public static string AskMaterials(int attached, int max) =>
        $"Приложите материалы: отправьте файлы или фотографии (документы, презентации, снимки). Прикреплено: {attached} из {max}. " +
        "Когда закончите или если материалов нет — нажмите «Готово».";

    /// <summary>Button: done with the materials.</summary>
    public const string DoneButton = "Готово";

    /// <summary>After a file is attached.</summary>
    public static string Attached(string name, int attached, int max) => $"Прикреплён файл «{name}» ({attached} из {max}). Можно отправить ещё или нажать «Готово».";

    /// <summary>A file without a name.</summary>
    public const string UnnamedFile = "файл без имени";

    /// <summary>Too many files.</summary>
    public static string TooManyFiles(int max) => $"К кейсу можно приложить не больше {max} файлов. Нажмите «Готово».";

    /// <summary>A file larger than a bot may download (Bot API getFile: 20 MB).</summary>
    public static string FileTooLarge(int megabytes) => $"Этот файл больше {megabytes} МБ — бот не сможет выдать его читателям. Сожмите его или пришлите ссылку текстом в описании.";

    /// <summary>A file sent before the materials question.</summary>
    public const string FileNotNow = "Файлы прикладываются чуть позже — после описания кейса. Сначала ответьте на вопрос:";

    /// <summary>Text sent at the materials step.</summary>
    public const string MaterialsHint = "Отправьте файл или нажмите «Готово».";

    /// <summary>The summary before sending (plain text).</summary>
    public static string Summary(string? pair, string topic, string title, string difficulty, string actions, string result, IReadOnlyList<CaseMaterial> materials)
    {
        var text = new StringBuilder("Проверьте кейс перед отправкой куратору:\n\n");
        if (pair is not null) text.Append("Пара: ").Append(pair).Append('\n');
        text.Append("Тема: ").Append(topic).Append('\n')
            .Append("Название: ").Append(title).Append("\n\n")
            .Append("Затруднение: ").Append(difficulty).Append("\n\n")
            .Append("Что сделали: ").Append(actions).Append("\n\n")
            .Append("Результат: ").Append(result).Append("\n\n")
            .Append("Материалы: ").Append(materials.Count == 0 ? "нет" : string.Join(", ", materials.Select(MaterialLabel))).Append("\n\n")
            .Append("Изменить ответ — /back, отменить — /cancel.");
        return text.ToString();
    }

    /// <summary>Button: send to the curator.</summary>
    public const string SendButton = "Отправить куратору";

    /// <summary>After sending.</summary>
    public const string Sent = "Кейс отправлен куратору на проверку. Я напишу, когда он его посмотрит.";

    /// <summary>The returned case is no longer the author's to correct.</summary>
    public const string CaseGone = "Этот кейс уже нельзя изменить (его проверили или удалили).";

    /// <summary>A mentor's /case without the right (not the author of a returned case).</summary>
    public const string StaleButton = "Эта кнопка устарела. Начните заново: /case.";

    /// <summary>What the publication consent is asked for, genitive (the consent document names it).</summary>
    public const string PublicationSubject = "моих фамилии, имени и отчества в кейсах методической копилки программы наставничества, доступных всем участникам программы и в сборнике кейсов";

    // ---- review ----

    /// <summary>To the curators: a case waits.</summary>
    public static string ToReview(string title) => $"Новый кейс для методической копилки ждёт проверки: «{title}». Открыть — /cases.";

    /// <summary>/cases with nothing waiting.</summary>
    public const string NothingToReview = "Кейсов на проверке нет.";

    /// <summary>Button: approve.</summary>
    public const string ApproveButton = "✅ Одобрить";

    /// <summary>Button: return with a comment.</summary>
    public const string ReturnButton = "↩️ Вернуть на доработку";

    /// <summary>Button: reject.</summary>
    public const string RejectButton = "✖️ Отклонить";

    /// <summary>Button: the materials.</summary>
    public static string MaterialsButton(int count) => $"📎 Материалы ({count})";

    /// <summary>Question: the comment of a return.</summary>
    public static string AskComment(string title) => $"Что доработать в кейсе «{title}»? Напишите комментарий автору. /cancel — отмена.";

    /// <summary>Hint: an empty or too long comment.</summary>
    public const string CommentHint = "Нужен комментарий до 1000 символов одним сообщением.";

    /// <summary>A case that is not waiting any more.</summary>
    public const string NotWaiting = "Этот кейс уже не ждёт проверки.";

    /// <summary>To the curator after a decision.</summary>
    public static string Decided(string title, string status) => status switch
    {
        "approved" => $"Кейс «{title}» одобрен и появился в методической копилке (/library). Автор получит сообщение.",
        "returned" => $"Кейс «{title}» возвращён автору с вашим комментарием.",
        _ => $"Кейс «{title}» отклонён. Автор получит сообщение.",
    };

    /// <summary>To the author: approved.</summary>
    public static string ApprovedToAuthor(string title) => $"Куратор одобрил ваш кейс «{title}» — он в методической копилке (/library). Спасибо!";

    /// <summary>To the author: returned.</summary>
    public static string ReturnedToAuthor(string title, string comment) => $"Куратор вернул кейс «{title}» на доработку. Комментарий: {comment}";

    /// <summary>Button: correct the returned case.</summary>
    public const string CorrectButton = "Исправить кейс";

    /// <summary>To the author: rejected.</summary>
    public static string RejectedToAuthor(string title) => $"Куратор отклонил кейс «{title}». Если есть вопросы — напишите куратору.";

    /// <summary>To a person the approved case names, who has not given the publication consent.</summary>
    public static string AskNameConsent(string title) =>
        $"В методическую копилку добавлен кейс о работе вашей наставнической пары: «{title}». Ваше имя в нём не указано — " +
        "вместо него написано «наставник» или «молодой педагог». Если вы согласны, чтобы имя было указано, откройте согласие на распространение персональных данных.";

    /// <summary>Button: open the publication consent.</summary>
    public const string OpenConsentButton = "Открыть согласие";

    /// <summary>To the curator after the first approved case: mark the road map.</summary>
    public static string MarkRoadMap(string activity) =>
        $"Это первый кейс в методической копилке. Отметить мероприятие дорожной карты «{activity}» выполненным? Копилка — /library.";

    /// <summary>Button: mark the road-map activity done.</summary>
    public const string MarkButton = "Отметить выполненным";

    // ---- the library ----

    /// <summary>/library with no approved case.</summary>
    public const string EmptyLibrary = "В методической копилке пока нет одобренных кейсов. Добавить свой — /case.";

    /// <summary>The list of topics.</summary>
    public static string Topics(int total) => $"Методическая копилка: {total} {Plural(total, "кейс", "кейса", "кейсов")}. Выберите тему или найдите по слову: /library слово.";

    /// <summary>A topic as a choice.</summary>
    public static string TopicOption(string topic, int count) => $"{topic} ({count})";

    /// <summary>Button: the DOCX collection (curator).</summary>
    public const string DocxButton = "📄 Сборник кейсов (DOCX)";

    /// <summary>Cases of a topic or a search.</summary>
    public static string CaseList(string heading, int count) => $"{heading}: {count} {Plural(count, "кейс", "кейса", "кейсов")}.";

    /// <summary>The heading of a search.</summary>
    public static string SearchHeading(string word) => $"Поиск «{word}»";

    /// <summary>A search without results.</summary>
    public static string NotFound(string word) => $"По слову «{word}» ничего не нашлось. Все темы — /library.";

    /// <summary>A case that is not in the library.</summary>
    public const string NotInLibrary = "Этого кейса нет в копилке.";

    /// <summary>The case as a reader sees it (plain text; names already anonymised).</summary>
    public static string Card(string title, string topic, string authors, string? mentee, string difficulty, string actions, string result, IReadOnlyList<CaseMaterial> materials)
    {
        var text = new StringBuilder().Append('«').Append(title).Append("»\n")
            .Append("Тема: ").Append(topic).Append('\n')
            .Append("Авторы: ").Append(authors).Append('\n');
        if (mentee is not null) text.Append("Наставляемый: ").Append(mentee).Append('\n');
        text.Append("\nЗатруднение: ").Append(difficulty)
            .Append("\n\nЧто сделали: ").Append(actions)
            .Append("\n\nРезультат: ").Append(result);
        if (materials.Count > 0) text.Append("\n\nМатериалы: ").Append(string.Join(", ", materials.Select(MaterialLabel)));
        return text.ToString();
    }

    /// <summary>A file as listed: «план.docx (34 КБ)».</summary>
    public static string MaterialLabel(CaseMaterial material) =>
        (material.FileName ?? UnnamedFile) + (material.FileSize is { } size ? $" ({Math.Max(1, (size + 1023) / 1024).ToString(CultureInfo.InvariantCulture)} КБ)" : "");

    /// <summary>A file that could not be fetched.</summary>
    public static string FileUnavailable(string name) => $"Файл «{name}» сейчас недоступен. Попробуйте позже.";

    // ---- the DOCX collection ----

    /// <summary>The file name of the collection.</summary>
    public const string DocxFileName = "Методическая копилка.docx";

    /// <summary>The collection's title.</summary>
    public const string DocxTitle = "Методическая копилка педагогических практик наставничества";

    /// <summary>The collection's subtitle.</summary>
    public static string DocxSubtitle(string organisation, int count, string date) => $"{organisation}. Сборник кейсов ({count}), составлен {date}.";

    /// <summary>The caption of the collection.</summary>
    public static string DocxCaption(int count) => $"Сборник кейсов методической копилки: {count}. Имена указаны только у тех, кто дал согласие на распространение персональных данных.";

    private static string Plural(int n, string one, string few, string many) => Exports.ExportTexts.Plural(n, one, few, many);

    /// <summary>Heading of the practice-library section of the final report.</summary>
    public const string ReportHeading = "Методическая копилка педагогических практик наставничества";

    /// <summary>The report's line above the table (152-ФЗ ст. 10.1: names only with the publication consent).</summary>
    public static string ReportSummary(int cases, string byTopic) =>
        $"Одобрено кейсов за учебный год: {cases} (по темам: {byTopic}). Имена указаны только с согласия на распространение персональных данных.";

    /// <summary>The report table's columns.</summary>
    public static readonly IReadOnlyList<string> ReportColumns = ["№", "Тема", "Кейс", "Авторы", "Одобрен", "Материалов"];
}
