namespace MentorBot.Domain.Questionnaires;

/// <summary>
/// The shared list of professional difficulties and competencies (issue 4): mentees pick their
/// difficulties from it, mentors the competencies they can share, and the self-assessment of the
/// impact monitoring has one 1–10 scale per label (id <c>self:&lt;label&gt;</c>). An organisation may
/// replace the list (<c>organisations.competencies</c>); null or empty means <see cref="Default"/>.
/// </summary>
public sealed record CompetencyTaxonomy
{
    /// <summary>The label that stands for «something not on the list»; its self-assessment is asked only when chosen.</summary>
    public const string Other = "другое";

    /// <summary>The prefix of the self-assessment question ids: <c>self:планирование уроков</c>.</summary>
    public const string SelfAssessmentPrefix = "self:";

    /// <summary>The built-in list (methodology of the target mentoring model, issue 4), in the order shown.</summary>
    public static readonly IReadOnlyList<string> DefaultLabels =
    [
        "планирование уроков",
        "дисциплина и управление классом",
        "работа с родителями",
        "документация и ФГОС",
        "цифровые инструменты",
        "инклюзия и ОВЗ",
        "воспитательная работа",
        "подготовка к аттестации",
        "проектная деятельность",
        "подготовка к ОГЭ и ЕГЭ",
        Other,
    ];

    /// <summary>The built-in taxonomy.</summary>
    public static readonly CompetencyTaxonomy Default = new(DefaultLabels);

    private CompetencyTaxonomy(IReadOnlyList<string> labels) => Labels = labels;

    /// <summary>The labels in display order: trimmed, non-empty, without duplicates (case-insensitive).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>
    /// The organisation's taxonomy: <paramref name="organisationCompetencies"/> (the column
    /// <c>organisations.competencies</c>) cleaned up, or <see cref="Default"/> when it is null or holds no label.
    /// </summary>
    public static CompetencyTaxonomy For(IEnumerable<string?>? organisationCompetencies)
    {
        if (organisationCompetencies is null) return Default;
        var labels = new List<string>();
        foreach (var raw in organisationCompetencies)
        {
            var label = raw?.Trim();
            if (string.IsNullOrEmpty(label) || labels.Contains(label, StringComparer.OrdinalIgnoreCase)) continue;
            labels.Add(label);
        }

        return labels.Count == 0 ? Default : new CompetencyTaxonomy(labels);
    }

    /// <summary>The self-assessment question id of <paramref name="label"/>: <c>self:&lt;label&gt;</c>.</summary>
    public static string SelfAssessmentId(string label) => SelfAssessmentPrefix + label;

    /// <summary>True for <see cref="Other"/> (case-insensitive).</summary>
    public static bool IsOther(string label) => string.Equals(label, Other, StringComparison.OrdinalIgnoreCase);
}
