namespace MentorBot.Domain.Matching;

/// <summary>
/// How well one mentor suits one mentee, with the signals behind the number (they become the reasons).
/// </summary>
/// <param name="Score">In [0, 1], already quantised to <see cref="PairScore.UnitsPerPoint"/> steps.</param>
/// <param name="Units"><see cref="Score"/> as an integer number of millionths: the solver compares these, so equal units are a tie.</param>
/// <param name="IsAcceptable">
/// The pair may be proposed: the score reaches <see cref="MatchingWeights.MinScore"/> and, when
/// <see cref="MatchingWeights.RequireCompetencyOverlap"/> holds, the mentor covers at least one stated difficulty.
/// </param>
/// <param name="CoveredDifficulties">The mentee's difficulties the mentor has as competencies, in the mentee's wording and order.</param>
/// <param name="UncoveredDifficulties">The mentee's other difficulties.</param>
/// <param name="SameSubject">Both name the same non-empty subject or area.</param>
/// <param name="FormatsCompatible">See <see cref="MeetingFormats.AreCompatible"/>.</param>
/// <param name="ChosenByMentee">The mentee named this mentor in the preference survey.</param>
/// <param name="ChosenByMentor">The mentor named this mentee in the preference survey.</param>
public sealed record PairScore(
    double Score,
    long Units,
    bool IsAcceptable,
    IReadOnlyList<string> CoveredDifficulties,
    IReadOnlyList<string> UncoveredDifficulties,
    bool SameSubject,
    bool FormatsCompatible,
    bool ChosenByMentee,
    bool ChosenByMentor)
{
    /// <summary>Score resolution: a score of 1 is this many units (scores are compared as integers, never as doubles).</summary>
    public const long UnitsPerPoint = 1_000_000;
}

/// <summary>
/// Scores every mentor–mentee pair of one matching run by <see cref="MatchingWeights"/>.
/// Text is normalised once per person (<see cref="MatchingText.Normalize"/>), so scoring a pair is cheap.
/// </summary>
public sealed class PairScorer
{
    private readonly MatchingWeights _weights;
    private readonly IReadOnlyList<MentorProfile> _mentors;
    private readonly IReadOnlyList<MenteeProfile> _mentees;
    private readonly HashSet<string>[] _competencies;
    private readonly HashSet<string>[] _mentorChoices;
    private readonly string[] _mentorSubjects;
    private readonly (string Key, string Wording)[][] _difficulties;
    private readonly HashSet<string>[] _menteeChoices;
    private readonly string[] _menteeSubjects;
    private readonly long _minUnits;

    /// <summary>Prepares scoring of <paramref name="mentees"/> × <paramref name="mentors"/>; throws <see cref="ArgumentException"/> on unusable weights.</summary>
    public PairScorer(MatchingWeights weights, IReadOnlyList<MentorProfile> mentors, IReadOnlyList<MenteeProfile> mentees)
    {
        if (weights.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(weights));
        }

        _weights = weights;
        _mentors = mentors;
        _mentees = mentees;
        _competencies = [.. mentors.Select(m => m.Competencies.Select(MatchingText.Normalize).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal))];
        _mentorChoices = [.. mentors.Select(m => m.PreferredMentees.ToHashSet(StringComparer.Ordinal))];
        _mentorSubjects = [.. mentors.Select(m => MatchingText.Normalize(m.Subject))];
        _difficulties = [.. mentees.Select(DistinctDifficulties)];
        _menteeChoices = [.. mentees.Select(m => m.PreferredMentors.ToHashSet(StringComparer.Ordinal))];
        _menteeSubjects = [.. mentees.Select(m => MatchingText.Normalize(m.Subject))];
        _minUnits = ToUnits(weights.MinScore);
    }

    /// <summary>Scores mentee <paramref name="menteeIndex"/> with mentor <paramref name="mentorIndex"/> (positions in the lists given).</summary>
    public PairScore Score(int menteeIndex, int mentorIndex)
    {
        var mentor = _mentors[mentorIndex];
        var mentee = _mentees[menteeIndex];
        var difficulties = _difficulties[menteeIndex];
        var competencies = _competencies[mentorIndex];

        var covered = new List<string>();
        var uncovered = new List<string>();
        foreach (var (key, wording) in difficulties)
        {
            (competencies.Contains(key) ? covered : uncovered).Add(wording);
        }

        var sameSubject = _menteeSubjects[menteeIndex].Length > 0 && _menteeSubjects[menteeIndex] == _mentorSubjects[mentorIndex];
        var formatsCompatible = MeetingFormats.AreCompatible(mentor.Format, mentee.Format);
        var chosenByMentee = _menteeChoices[menteeIndex].Contains(mentor.Id);
        var chosenByMentor = _mentorChoices[mentorIndex].Contains(mentee.Id);

        var w = _weights;
        var coverage = difficulties.Length == 0 ? 0.0 : (double)covered.Count / difficulties.Length;
        var experience = Math.Min(Math.Max(mentor.ExperienceYears, 0), w.ExperienceSaturationYears) / (double)w.ExperienceSaturationYears;
        var weighted = (w.Competency * coverage)
            + (w.Subject * Flag(sameSubject))
            + (w.Format * Flag(formatsCompatible))
            + (w.Experience * experience)
            + (w.MenteePreference * Flag(chosenByMentee))
            + (w.MentorPreference * Flag(chosenByMentor));
        var units = Math.Clamp(ToUnits(weighted / w.TotalWeight), 0, PairScore.UnitsPerPoint);

        var overlapMissing = w.RequireCompetencyOverlap && difficulties.Length > 0 && covered.Count == 0;
        return new PairScore(
            (double)units / PairScore.UnitsPerPoint,
            units,
            units >= _minUnits && !overlapMissing,
            covered,
            uncovered,
            sameSubject,
            formatsCompatible,
            chosenByMentee,
            chosenByMentor);
    }

    /// <summary>True when the mentor covers at least one of the mentee's stated difficulties.</summary>
    public bool HasOverlap(int menteeIndex, int mentorIndex) =>
        _difficulties[menteeIndex].Any(d => _competencies[mentorIndex].Contains(d.Key));

    /// <summary>True when the mentee stated at least one difficulty.</summary>
    public bool HasDifficulties(int menteeIndex) => _difficulties[menteeIndex].Length > 0;

    private static long ToUnits(double score) => (long)Math.Round(score * PairScore.UnitsPerPoint, MidpointRounding.AwayFromZero);

    private static double Flag(bool value) => value ? 1.0 : 0.0;

    // The same request typed twice must not count twice towards coverage; the first wording is kept for the reasons.
    private static (string Key, string Wording)[] DistinctDifficulties(MenteeProfile mentee)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. mentee.Difficulties
            .Select(d => (Key: MatchingText.Normalize(d), Wording: MatchingText.Tidy(d)))
            .Where(d => d.Key.Length > 0 && seen.Add(d.Key))];
    }
}
