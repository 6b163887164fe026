namespace MentorBot.Domain.Matching;

/// <summary>
/// The one place where matching is tuned; an organisation may store its own copy.
/// A pair's score is the weighted mean of its signals, each in [0, 1]:
/// <c>score = Σ weightₖ · signalₖ / Σ weightₖ</c>, so the score is in [0, 1] whatever the weights.
/// <list type="bullet">
/// <item><see cref="Competency"/>: share of the mentee's difficulties that appear among the mentor's competencies
/// (the strongest signal: mentoring exists to close those difficulties).</item>
/// <item><see cref="Subject"/>: 1 when both teach the same subject or area (case and whitespace ignored).</item>
/// <item><see cref="Format"/>: 1 when their meeting formats are compatible (see <see cref="MeetingFormats.AreCompatible"/>).</item>
/// <item><see cref="Experience"/>: the mentor's experience, <c>min(years, ExperienceSaturationYears) / ExperienceSaturationYears</c>;
/// it saturates because a 30-year veteran is not three times the mentor a 10-year teacher is.</item>
/// <item><see cref="MenteePreference"/>: 1 when the mentee named this mentor in the preference survey.</item>
/// <item><see cref="MentorPreference"/>: 1 when the mentor named this mentee.</item>
/// </list>
/// Defaults sum to 1, so each default weight reads as the largest share of the score its signal can give.
/// </summary>
public sealed record MatchingWeights
{
    /// <summary>The defaults described on the type.</summary>
    public static MatchingWeights Default { get; } = new();

    /// <summary>Weight of the difficulties ↔ competencies overlap; default 0.40.</summary>
    public double Competency { get; init; } = 0.40;

    /// <summary>Weight of the same subject or area; default 0.20.</summary>
    public double Subject { get; init; } = 0.20;

    /// <summary>Weight of compatible meeting formats; default 0.10.</summary>
    public double Format { get; init; } = 0.10;

    /// <summary>Weight of the mentor's (saturating) experience; default 0.10.</summary>
    public double Experience { get; init; } = 0.10;

    /// <summary>Weight of the mentee having chosen this mentor; default 0.15.</summary>
    public double MenteePreference { get; init; } = 0.15;

    /// <summary>Weight of the mentor having chosen this mentee; default 0.05 (mentors' choices are optional in the survey).</summary>
    public double MentorPreference { get; init; } = 0.05;

    /// <summary>Years of experience at which the experience signal reaches 1; default 10, must be &gt; 0.</summary>
    public int ExperienceSaturationYears { get; init; } = 10;

    /// <summary>
    /// Pairs scoring below this are never proposed: better unmatched than badly matched. Default 0.30,
    /// in [0, 1]. With the default weights a pair needs, e.g., half the difficulties covered and compatible formats.
    /// </summary>
    public double MinScore { get; init; } = 0.30;

    /// <summary>
    /// When true (default), a mentee who stated difficulties is only paired with a mentor who covers at
    /// least one of them, whatever the other signals say: a same-subject mentor who can help with none of
    /// the requests is not a mentor for them. Mentees without stated difficulties are unaffected.
    /// </summary>
    public bool RequireCompetencyOverlap { get; init; } = true;

    /// <summary>
    /// Null when the weights are usable, else a one-line English reason: a negative or non-finite weight,
    /// all weights zero, a non-positive saturation, or a minimum score outside [0, 1].
    /// </summary>
    public string? FindProblem()
    {
        (string Name, double Value)[] weights =
        [
            (nameof(Competency), Competency), (nameof(Subject), Subject), (nameof(Format), Format),
            (nameof(Experience), Experience), (nameof(MenteePreference), MenteePreference), (nameof(MentorPreference), MentorPreference),
        ];
        foreach (var (name, value) in weights)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                return $"weight {name} must be a finite number ≥ 0, got {value}";
            }
        }

        if (TotalWeight <= 0)
        {
            return "at least one weight must be positive";
        }

        if (ExperienceSaturationYears <= 0)
        {
            return $"experienceSaturationYears must be > 0, got {ExperienceSaturationYears}";
        }

        return double.IsFinite(MinScore) && MinScore is >= 0 and <= 1 ? null : $"minScore must be in [0, 1], got {MinScore}";
    }

    /// <summary>Sum of the six weights: the denominator of the score.</summary>
    public double TotalWeight => Competency + Subject + Format + Experience + MenteePreference + MentorPreference;
}
