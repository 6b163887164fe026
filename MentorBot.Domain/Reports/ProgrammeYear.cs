using System.Globalization;

namespace MentorBot.Domain.Reports;

/// <summary>
/// A programme year: the academic year («учебный год») from 1 September of <see cref="StartYear"/> to 31 August of
/// the next year. Monitoring compares a year with the previous one; <c>--year 2026</c> means 2026/2027.
/// </summary>
/// <param name="StartYear">The calendar year the programme year begins in.</param>
public readonly record struct ProgrammeYear(int StartYear)
{
    /// <summary>1 September of <see cref="StartYear"/>.</summary>
    public DateOnly Starts => new(StartYear, 9, 1);

    /// <summary>31 August of the next year.</summary>
    public DateOnly Ends => new(StartYear + 1, 8, 31);

    /// <summary>The year before.</summary>
    public ProgrammeYear Previous => new(StartYear - 1);

    /// <summary>«2026/2027».</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{StartYear + 1}");

    /// <summary>The questionnaire context key of something answered once a year (the curator's questionnaire): <c>year:2026</c>.</summary>
    public string ContextKey => string.Create(CultureInfo.InvariantCulture, $"year:{StartYear}");

    /// <summary>The programme year <paramref name="day"/> falls in.</summary>
    public static ProgrammeYear Of(DateOnly day) => new(day.Month >= 9 ? day.Year : day.Year - 1);

    /// <summary>True when <paramref name="day"/> falls in this year.</summary>
    public bool Contains(DateOnly day) => day >= Starts && day <= Ends;
}
