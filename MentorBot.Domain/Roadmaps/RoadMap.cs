namespace MentorBot.Domain.Roadmaps;

/// <summary>
/// An organisation's road map («дорожная карта»): its title block and its stages in document order.
/// </summary>
/// <param name="Title">The document title («Дорожная карта по реализации …»), or null when none was found.</param>
/// <param name="Organization">The organisation named in the title block, or null.</param>
/// <param name="ApprovedOn">The approval date («Утверждаю … «27» апреля 2022г.»), or null.</param>
/// <param name="Year">The year month-only periods fall in (the first year of the document's span).</param>
/// <param name="LastYear">The last year a yearly («ежегодно») period repeats in; equals <paramref name="Year"/> for a one-year document.</param>
/// <param name="AcademicYear">True when the title names an academic year («2024-2025 учебный год»): January–August fall in <c>Year + 1</c>.</param>
/// <param name="Stages">The stages, numbers kept as written, in document order.</param>
/// <param name="Unrecognised">
/// Every non-empty fragment of the document the parser did not understand (a cell of a column it does not
/// know, a block above the table that is neither title, approval nor organisation, a period phrase with no
/// dates), in document order, so that nothing is silently lost (issue 13). Empty when all was understood.
/// </param>
public sealed record RoadMap(
    string? Title,
    string? Organization,
    DateOnly? ApprovedOn,
    int Year,
    int LastYear,
    bool AcademicYear,
    IReadOnlyList<Stage> Stages,
    IReadOnlyList<UnrecognisedFragment> Unrecognised)
{
    /// <summary>The earliest year a road map may be for (<c>road_maps.year</c>'s check).</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year a road map may be for (<c>road_maps.year</c>'s check).</summary>
    public const int MaxYear = 2200;
}

/// <summary>A piece of a road-map document the parser did not understand, with where it was.</summary>
/// <param name="Row">
/// The 1-based row of the table, the header being row 1 (in a text file: the non-blank lines from the header on;
/// in a Word or PDF table: its rows, across pages and split tables); null for text above the table.
/// </param>
/// <param name="Column">The header of the column the fragment was in («Примечание», «Сроки»); null above the table.</param>
/// <param name="Text">The fragment as written (cleaned of markup).</param>
public sealed record UnrecognisedFragment(int? Row, string? Column, string Text);

/// <summary>A numbered row of the road map («этап»).</summary>
/// <param name="Number">The number as written, without a trailing dot («1», «2», «IV»).</param>
/// <param name="Title">The stage name («Формирование банка наставляемых»).</param>
/// <param name="Task">The «Задача: …» part of the title cell, or null.</param>
/// <param name="ExpectedResult">The expected result («ожидаемый результат»), or null.</param>
/// <param name="Responsible">Responsible persons of the stage and all its activities, deduplicated, in order.</param>
/// <param name="Periods">Periods of the stage and all its activities, deduplicated, in order.</param>
/// <param name="Activities">The stage's activities: numbered sub-rows and the items of its content cell.</param>
public sealed record Stage(
    string Number,
    string Title,
    string? Task,
    string? ExpectedResult,
    IReadOnlyList<string> Responsible,
    IReadOnlyList<Period> Periods,
    IReadOnlyList<Activity> Activities);

/// <summary>An activity («мероприятие»): a numbered sub-row (1.1) or one item of a stage's content cell.</summary>
/// <param name="Number">«1.1» for a numbered sub-row; null for an item split out of a content cell.</param>
/// <param name="Text">What is to be done, as written (list marker removed).</param>
/// <param name="Responsible">Responsible persons by position or name.</param>
/// <param name="Periods">When it happens.</param>
public sealed record Activity(string? Number, string Text, IReadOnlyList<string> Responsible, IReadOnlyList<Period> Periods);

/// <summary>How a period repeats.</summary>
public enum Recurrence
{
    /// <summary>Happens once, within [Start, End].</summary>
    None,

    /// <summary>«ежегодно»: the same range every year of the document's span.</summary>
    Yearly,

    /// <summary>«еженедельно по средам»: every week (on <see cref="Period.Weekday"/> when given) within [Start, End].</summary>
    Weekly,

    /// <summary>«по запросу», «по мере проведения», «по необходимости»: no range.</summary>
    OnDemand,
}

/// <summary>
/// When a stage or activity happens («сроки»): an inclusive date range plus a recurrence.
/// Start and End are null for on-demand periods and for phrases the parser did not recognise
/// (kept with their text so a curator can fix them).
/// </summary>
/// <param name="Text">The phrase as written in the document («август- сентябрь (ежегодно)»).</param>
/// <param name="Start">First day, inclusive.</param>
/// <param name="End">Last day, inclusive.</param>
/// <param name="Recurrence">How the range repeats.</param>
/// <param name="Weekday">The weekday of a weekly period («по средам»), else null.</param>
public sealed record Period(string Text, DateOnly? Start, DateOnly? End, Recurrence Recurrence, DayOfWeek? Weekday = null);

/// <summary>
/// The years month-only phrases resolve against.
/// </summary>
/// <param name="Year">The document's (first) year.</param>
/// <param name="AcademicYear">When true, months January–August belong to <c>Year + 1</c> (the academic year runs September–August).</param>
/// <param name="Today">The day a period is typed (a curator's «в течение месяца» runs from it); null for a document, where such a phrase is not understood.</param>
public readonly record struct PeriodYears(int Year, bool AcademicYear, DateOnly? Today = null)
{
    /// <summary>The calendar year a month (1–12) written without a year falls in.</summary>
    public int YearOf(int month) => AcademicYear && month <= 8 ? Year + 1 : Year;
}

/// <summary>
/// The document is not a road map the parser can read (empty, binary, no recognisable table…).
/// </summary>
/// <param name="line">1-based line of the document the problem was found at.</param>
/// <param name="reason">What is wrong, in English.</param>
public sealed class RoadMapFormatException(int line, string reason) : Exception($"line {line}: {reason}")
{
    /// <summary>1-based line of the document the problem was found at.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the line prefix.</summary>
    public string Reason { get; } = reason;
}
