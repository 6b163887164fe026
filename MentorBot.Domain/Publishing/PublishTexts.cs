namespace MentorBot.Domain.Publishing;

/// <summary>Every Russian text of <c>/publish</c> (information support, issue 15).</summary>
public static class PublishTexts
{
    /// <summary>Menu entry of /publish.</summary>
    public const string Menu = "Текст о программе для сайта и соцсетей";

    /// <summary>Stands for a person without the publication consent in a publication.</summary>
    public const string Placeholder = "участник программы";

    /// <summary>Question: the period.</summary>
    public const string AskPeriod =
        "За какой период подготовить текст о программе? В нём не будет персональных данных, кроме имён наставников, давших согласие на распространение.";

    /// <summary>Button: the last month.</summary>
    public const string MonthButton = "За последний месяц";

    /// <summary>Button: the academic year so far.</summary>
    public const string YearButton = "С начала учебного года";

    /// <summary>Caption of the DOCX.</summary>
    public const string Caption = "Тот же текст в DOCX — для сайта школы.";

    /// <summary>The DOCX file name.</summary>
    public const string FileName = "Новость о программе наставничества.docx";

    /// <summary>After the text: the road map is marked.</summary>
    public static string Marked(string item, string date) => $"Отмечено в дорожной карте: «{item}» — публикация от {date}.";

    /// <summary>After the text: no information-support item in the road map.</summary>
    public const string NotMarked = "В дорожной карте нет мероприятия по информационной поддержке — публикация сохранена без отметки.";

    /// <summary>A publication on its road-map item (<c>/roadmap</c>).</summary>
    public static string OnRoadMap(DateOnly date) => $"публикация от {date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)} (/publish)";

    /// <summary>Heading of the publications on a road-map item.</summary>
    public const string RoadMapHeading = "Публикации";

    /// <summary>A stale button.</summary>
    public const string StaleButton = "Эта кнопка устарела. Наберите /publish.";
}
