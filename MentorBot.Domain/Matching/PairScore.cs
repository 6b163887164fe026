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

/// <summary>The part of a <see cref="PairScore"/> the solver needs, computed without allocating (3 M pairs at regional scale).</summary>
/// <param name="Units">See <see cref="PairScore.Units"/>.</param>
/// <param name="IsAcceptable">See <see cref="PairScore.IsAcceptable"/>.</param>
public readonly record struct PairGrade(long Units, bool IsAcceptable);

/// <summary>
/// Scores every mentor–mentee pair of one matching run by <see cref="MatchingWeights"/>.
/// Text is normalised and turned into small integers once per person — difficulties into ids, competencies into a
/// bit set over those ids, subjects and preference-survey ids into numbers — so <see cref="Grade(int, int)"/> allocates nothing.
/// </summary>
public sealed class PairScorer
{
    private readonly MatchingWeights _weights;
    private readonly IReadOnlyList<MentorProfile> _mentors;
    private readonly IReadOnlyList<MenteeProfile> _mentees;
    private readonly (int Id, string Wording)[][] _difficulties;
    private readonly ulong[] _competencyBits;
    private readonly int _bitWords;
    private readonly int[] _mentorSubjects;
    private readonly int[] _menteeSubjects;
    private readonly int[] _mentorIds;
    private readonly int[] _menteeIds;
    private readonly int[][] _mentorChoices;
    private readonly int[][] _menteeChoices;
    private readonly double[] _experience;
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

        // Only competencies some mentee asks for can cover anything, so the bit set spans the mentees' difficulties.
        var difficultyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _difficulties = [.. mentees.Select(m => DistinctDifficulties(m, difficultyIds))];
        _bitWords = (difficultyIds.Count + 63) / 64;
        _competencyBits = new ulong[mentors.Count * _bitWords];
        for (var j = 0; j < mentors.Count; j++)
        {
            foreach (var competency in mentors[j].Competencies)
            {
                if (difficultyIds.TryGetValue(MatchingText.Normalize(competency), out var id))
                {
                    _competencyBits[(j * _bitWords) + (id >> 6)] |= 1UL << id;
                }
            }
        }

        // Equal numbers mean equal normalised subjects; 0 is «no subject», which matches nothing.
        var subjectIds = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = 0 };
        _mentorSubjects = [.. mentors.Select(m => Number(subjectIds, MatchingText.Normalize(m.Subject)))];
        _menteeSubjects = [.. mentees.Select(m => Number(subjectIds, MatchingText.Normalize(m.Subject)))];

        // Ids compare ordinally, as the survey stored them; a choice naming nobody in this run simply never matches.
        var personIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _mentorIds = [.. mentors.Select(m => Number(personIds, m.Id))];
        _menteeIds = [.. mentees.Select(m => Number(personIds, m.Id))];
        _mentorChoices = [.. mentors.Select(m => SortedNumbers(personIds, m.PreferredMentees))];
        _menteeChoices = [.. mentees.Select(m => SortedNumbers(personIds, m.PreferredMentors))];

        _experience = [.. mentors.Select(m => Math.Min(Math.Max(m.ExperienceYears, 0), weights.ExperienceSaturationYears) / (double)weights.ExperienceSaturationYears)];
        _minUnits = ToUnits(weights.MinScore);
    }

    /// <summary>Scores mentee <paramref name="menteeIndex"/> with mentor <paramref name="mentorIndex"/> (positions in the lists given), with the reasons' signals.</summary>
    public PairScore Score(int menteeIndex, int mentorIndex)
    {
        var covered = new List<string>();
        var uncovered = new List<string>();
        foreach (var (id, wording) in _difficulties[menteeIndex])
        {
            (Covers(mentorIndex, id) ? covered : uncovered).Add(wording);
        }

        var signals = Signals(menteeIndex, mentorIndex);
        var grade = Grade(signals, _difficulties[menteeIndex].Length, mentorIndex);
        return new PairScore(
            (double)grade.Units / PairScore.UnitsPerPoint,
            grade.Units,
            grade.IsAcceptable,
            covered,
            uncovered,
            signals.SameSubject,
            signals.FormatsCompatible,
            signals.ChosenByMentee,
            signals.ChosenByMentor);
    }

    /// <summary>The same units and acceptability as <see cref="Score"/>, without allocating.</summary>
    public PairGrade Grade(int menteeIndex, int mentorIndex) =>
        Grade(Signals(menteeIndex, mentorIndex), _difficulties[menteeIndex].Length, mentorIndex);

    /// <summary>True when the mentor covers at least one of the mentee's stated difficulties.</summary>
    public bool HasOverlap(int menteeIndex, int mentorIndex) => CoveredCount(menteeIndex, mentorIndex) > 0;

    /// <summary>True when the mentee stated at least one difficulty.</summary>
    public bool HasDifficulties(int menteeIndex) => _difficulties[menteeIndex].Length > 0;

    private PairGrade Grade(PairSignals s, int difficultyCount, int mentorIndex)
    {
        var w = _weights;
        var coverage = difficultyCount == 0 ? 0.0 : (double)s.Covered / difficultyCount;
        var weighted = (w.Competency * coverage)
            + (w.Subject * Flag(s.SameSubject))
            + (w.Format * Flag(s.FormatsCompatible))
            + (w.Experience * _experience[mentorIndex])
            + (w.MenteePreference * Flag(s.ChosenByMentee))
            + (w.MentorPreference * Flag(s.ChosenByMentor));
        var units = Math.Clamp(ToUnits(weighted / w.TotalWeight), 0, PairScore.UnitsPerPoint);

        var overlapMissing = w.RequireCompetencyOverlap && difficultyCount > 0 && s.Covered == 0;
        return new PairGrade(units, units >= _minUnits && !overlapMissing);
    }

    private PairSignals Signals(int menteeIndex, int mentorIndex) => new(
        CoveredCount(menteeIndex, mentorIndex),
        _menteeSubjects[menteeIndex] != 0 && _menteeSubjects[menteeIndex] == _mentorSubjects[mentorIndex],
        MeetingFormats.AreCompatible(_mentors[mentorIndex].Format, _mentees[menteeIndex].Format),
        Array.BinarySearch(_menteeChoices[menteeIndex], _mentorIds[mentorIndex]) >= 0,
        Array.BinarySearch(_mentorChoices[mentorIndex], _menteeIds[menteeIndex]) >= 0);

    private int CoveredCount(int menteeIndex, int mentorIndex)
    {
        var covered = 0;
        foreach (var (id, _) in _difficulties[menteeIndex])
        {
            covered += Covers(mentorIndex, id) ? 1 : 0;
        }

        return covered;
    }

    private bool Covers(int mentorIndex, int difficultyId) =>
        (_competencyBits[(mentorIndex * _bitWords) + (difficultyId >> 6)] & (1UL << difficultyId)) != 0;

    private static long ToUnits(double score) => (long)Math.Round(score * PairScore.UnitsPerPoint, MidpointRounding.AwayFromZero);

    private static double Flag(bool value) => value ? 1.0 : 0.0;

    private static int Number(Dictionary<string, int> numbers, string key)
    {
        if (!numbers.TryGetValue(key, out var number))
        {
            number = numbers.Count;
            numbers.Add(key, number);
        }

        return number;
    }

    private static int[] SortedNumbers(Dictionary<string, int> numbers, IReadOnlyList<string> ids)
    {
        var result = ids.Select(id => numbers.TryGetValue(id, out var number) ? number : -1).Where(n => n >= 0).Distinct().ToArray();
        Array.Sort(result);
        return result;
    }

    // The same request typed twice must not count twice towards coverage; the first wording is kept for the reasons.
    private static (int Id, string Wording)[] DistinctDifficulties(MenteeProfile mentee, Dictionary<string, int> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. mentee.Difficulties
            .Select(d => (Key: MatchingText.Normalize(d), Wording: MatchingText.Tidy(d)))
            .Where(d => d.Key.Length > 0 && seen.Add(d.Key))
            .Select(d => (Number(ids, d.Key), d.Wording))];
    }

    private readonly record struct PairSignals(int Covered, bool SameSubject, bool FormatsCompatible, bool ChosenByMentee, bool ChosenByMentor);
}
