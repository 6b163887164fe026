namespace MentorBot.Domain.Roadmaps;

/// <summary>What a stage is about, recognised from its title words (the stages of the target mentoring model).</summary>
public enum StageKind
{
    /// <summary>«Подготовка условий»: orders, consents, personal plans.</summary>
    Preparation,

    /// <summary>«Формирование банка наставляемых».</summary>
    MenteeBank,

    /// <summary>«Формирование банка наставников».</summary>
    MentorBank,

    /// <summary>«Отбор и обучение (наставников)».</summary>
    SelectionAndTraining,

    /// <summary>«Формирование наставнических пар/групп».</summary>
    Pairs,

    /// <summary>«Организация и осуществление работы наставнических пар/групп».</summary>
    PairWork,

    /// <summary>«Завершение программ наставничества»: monitoring, round table, practice library.</summary>
    Completion,

    /// <summary>«Информационная поддержка»: site, social networks; runs along every stage.</summary>
    InformationSupport,

    /// <summary>A title none of the words above match.</summary>
    Other,
}

/// <summary>
/// The default academic-year schedule for a road map that gives no periods (two of our three real
/// ones). Documented here and in the README; the curator can change any period after import.
/// <para>For the academic year starting 1 September of <c>year</c> (precedent: the school road map
/// 75/42, which gives June–August, September, the academic year and May):</para>
/// <list type="table">
/// <item><term>Preparation</term><description>1 June – 31 August of <c>year</c> (before the academic year).</description></item>
/// <item><term>Mentee bank, mentor bank</term><description>1 – 30 September.</description></item>
/// <item><term>Selection and training</term><description>1 – 31 October.</description></item>
/// <item><term>Pairs</term><description>1 – 15 November.</description></item>
/// <item><term>Pair work</term><description>1 November – 30 April (a «работа пар» stage usually also forms the pairs).</description></item>
/// <item><term>Completion</term><description>1 – 31 May of <c>year + 1</c>.</description></item>
/// <item><term>Information support, other</term><description>1 September – 31 May (the whole academic year).</description></item>
/// </list>
/// </summary>
public static class DefaultSchedule
{
    /// <summary>Recognises a stage's kind from its title («Отбор и обучение» → <see cref="StageKind.SelectionAndTraining"/>).</summary>
    public static StageKind Classify(string stageTitle)
    {
        var title = stageTitle.ToLowerInvariant();
        bool Has(string stem) => title.Contains(stem, StringComparison.Ordinal);

        return title switch
        {
            _ when Has("информационн") || Has("освещени") => StageKind.InformationSupport,
            _ when Has("завершени") || Has("итог") || Has("мониторинг") => StageKind.Completion,
            _ when (Has("банк") || Has("баз")) && Has("наставляем") => StageKind.MenteeBank,
            _ when (Has("банк") || Has("баз")) && Has("наставник") => StageKind.MentorBank,
            _ when Has("отбор") || Has("обучени") => StageKind.SelectionAndTraining,
            _ when Has("работ") && (Has("пар") || Has("групп")) => StageKind.PairWork,
            _ when Has("пар") || Has("групп") => StageKind.Pairs,
            _ when Has("подготовк") || Has("услови") => StageKind.Preparation,
            _ => StageKind.Other,
        };
    }

    /// <summary>
    /// The default period of a stage of <paramref name="kind"/> in the academic year that starts in
    /// September of <paramref name="year"/>. Its text is a date range in the form the period parser reads back.
    /// </summary>
    public static Period For(StageKind kind, int year)
    {
        var (start, end) = kind switch
        {
            StageKind.Preparation => (new DateOnly(year, 6, 1), new DateOnly(year, 8, 31)),
            StageKind.MenteeBank or StageKind.MentorBank => (new DateOnly(year, 9, 1), new DateOnly(year, 9, 30)),
            StageKind.SelectionAndTraining => (new DateOnly(year, 10, 1), new DateOnly(year, 10, 31)),
            StageKind.Pairs => (new DateOnly(year, 11, 1), new DateOnly(year, 11, 15)),
            StageKind.PairWork => (new DateOnly(year, 11, 1), new DateOnly(year + 1, 4, 30)),
            StageKind.Completion => (new DateOnly(year + 1, 5, 1), new DateOnly(year + 1, 5, 31)),
            _ => (new DateOnly(year, 9, 1), new DateOnly(year + 1, 5, 31)),
        };
        return new Period($"{start:dd.MM.yyyy} - {end:dd.MM.yyyy}", start, end, Recurrence.None);
    }

    /// <summary>The default period of a stage, by its title (<see cref="Classify"/> then <see cref="For(StageKind, int)"/>).</summary>
    public static Period For(Stage stage, int year) => For(Classify(stage.Title), year);
}
