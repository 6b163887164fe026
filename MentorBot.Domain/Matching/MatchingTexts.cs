using System.Globalization;

namespace MentorBot.Domain.Matching;

/// <summary>Every Russian text of matching: meeting-format labels, pair reasons and reasons a mentee stays unmatched.</summary>
public static class MatchingTexts
{
    /// <summary>
    /// How to meet, as an answer to «Как вам удобнее встречаться?»: either format will do. Stored as the answer;
    /// <see cref="MeetingFormats.TryParse"/> reads it as <see cref="MeetingFormat.Any"/>.
    /// </summary>
    public const string AnyFormatAnswer = "оба варианта подходят";

    /// <summary>A meeting format in reasons and files: «очно», «дистанционно», «любой».</summary>
    public static string FormatLabel(MeetingFormat format) => format switch
    {
        MeetingFormat.InPerson => "очно",
        MeetingFormat.Remote => "дистанционно",
        MeetingFormat.Any => "любой",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>
    /// Why this mentor was proposed for this mentee, strongest signal first, in plain Russian a curator reads
    /// in the approval screen. Mismatches are listed too («формат не совпадает»), so nothing is hidden.
    /// </summary>
    public static IReadOnlyList<string> PairReasons(PairScore score, MentorProfile mentor, MenteeProfile mentee)
    {
        var reasons = new List<string>();
        if (score.CoveredDifficulties.Count > 0)
        {
            var verb = score.CoveredDifficulties.Count == 1 ? "совпадает" : "совпадают";
            reasons.Add($"{verb}: {string.Join(", ", score.CoveredDifficulties)}");
        }

        if (score.UncoveredDifficulties.Count > 0)
        {
            reasons.Add($"не покрыто: {string.Join(", ", score.UncoveredDifficulties)}");
        }

        if (score.SameSubject)
        {
            reasons.Add($"один предмет ({MatchingText.Tidy(mentee.Subject)})");
        }

        reasons.Add(FormatReason(mentor.Format, mentee.Format));
        if (mentor.ExperienceYears > 0)
        {
            reasons.Add($"стаж наставника {Years(mentor.ExperienceYears)}");
        }

        if (score.ChosenByMentee)
        {
            reasons.Add("наставляемый сам выбрал этого наставника");
        }

        if (score.ChosenByMentor)
        {
            reasons.Add("наставник сам выбрал этого наставляемого");
        }

        return reasons;
    }

    /// <summary>Why a mentee got no mentor, for the curator.</summary>
    /// <param name="cause">The cause found by <see cref="Matchmaker"/>.</param>
    /// <param name="acceptableMentors">For <see cref="UnmatchedCause.NoFreeCapacity"/>: how many mentors would have suited.</param>
    /// <param name="bestScore">For <see cref="UnmatchedCause.BelowMinimumScore"/>: the best score any mentor reached.</param>
    /// <param name="minScore">The minimum score of the run.</param>
    public static string UnmatchedReason(UnmatchedCause cause, int acceptableMentors, double bestScore, double minScore) => cause switch
    {
        UnmatchedCause.NoFreeCapacity when acceptableMentors == 0 => "нет наставников со свободными местами",
        UnmatchedCause.NoFreeCapacity => $"нет наставника со свободным местом: все подходящие наставники ({acceptableMentors}) уже заняты",
        UnmatchedCause.NoCompetencyOverlap => "ни один наставник со свободными местами не владеет компетенциями по запросам наставляемого",
        UnmatchedCause.BelowMinimumScore => $"у всех кандидатов оценка ниже порога {Decimal(minScore)} (лучшая — {Decimal(bestScore)})",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };

    private static string FormatReason(MeetingFormat mentor, MeetingFormat mentee)
    {
        if (mentor == mentee)
        {
            return $"формат совпадает ({FormatLabel(mentee)})";
        }

        var detail = $"наставник: {FormatLabel(mentor)}, наставляемый: {FormatLabel(mentee)}";
        return MeetingFormats.AreCompatible(mentor, mentee) ? $"формат совместим ({detail})" : $"формат не совпадает ({detail})";
    }

    // Russian plural: 1 год, 2–4 года, 5–20 лет, 21 год, 11–14 лет.
    private static string Years(int years)
    {
        var lastTwo = years % 100;
        var last = years % 10;
        var word = lastTwo is >= 11 and <= 14 ? "лет" : last switch
        {
            1 => "год",
            2 or 3 or 4 => "года",
            _ => "лет",
        };
        return $"{years} {word}";
    }

    // Russian decimal comma, independent of the machine's culture.
    private static string Decimal(double value) => value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
