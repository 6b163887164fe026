using System.Text.Json;
using MentorBot.Domain.Matching;

namespace MentorBot.Domain.Pairs;

/// <summary>
/// Builds the matcher's profiles from completed intake questionnaires (the questionnaire answers contract:
/// <c>mentor_intake</c> and <c>mentee_intake</c>, a JSON object of question id → value) and the preference survey.
/// Missing or ill-typed answers fall back to neutral values, never to an error: a half-filled bank still matches.
/// </summary>
public static class IntakeProfiles
{
    /// <summary>The capacity assumed when the mentor questionnaire gives none (the methodology's classic pair).</summary>
    public const int DefaultCapacity = 1;

    /// <summary>The largest capacity the mentor questionnaire offers (1–5).</summary>
    public const int MaxCapacity = 5;

    /// <summary>
    /// A mentor's profile. <paramref name="answers"/>: <c>subject</c> (string), <c>competencies</c> ([string]),
    /// <c>capacity</c> (int 1–5; absent → 1; clamped), <c>form_mode</c> («очно» | «дистанционно» | «любой»; else любой),
    /// <c>experience_years</c> (int ≥ 0; else 0). <paramref name="fallbackSubject"/> (the membership's subject) is used
    /// when the answer is absent.
    /// </summary>
    public static MentorProfile Mentor(string id, JsonElement answers, string? fallbackSubject, IReadOnlyList<string> preferredMentees) => new(
        id,
        Text(answers, "subject") ?? fallbackSubject ?? string.Empty,
        Strings(answers, "competencies"),
        Math.Clamp(Int(answers, "capacity") ?? DefaultCapacity, 0, MaxCapacity),
        Format(answers),
        Math.Max(Int(answers, "experience_years") ?? 0, 0),
        preferredMentees);

    /// <summary>
    /// A mentee's profile. <paramref name="answers"/>: <c>subject</c>, <c>difficulties</c> ([string] of taxonomy labels),
    /// <c>form_mode</c>, <c>experience_years</c>; the same fallbacks as <see cref="Mentor"/>.
    /// </summary>
    public static MenteeProfile Mentee(string id, JsonElement answers, string? fallbackSubject, IReadOnlyList<string> preferredMentors) => new(
        id,
        Text(answers, "subject") ?? fallbackSubject ?? string.Empty,
        Strings(answers, "difficulties"),
        Format(answers),
        Math.Max(Int(answers, "experience_years") ?? 0, 0),
        preferredMentors);

    private static JsonElement? Get(JsonElement answers, string id) =>
        answers.ValueKind == JsonValueKind.Object && answers.TryGetProperty(id, out var value) ? value : null;

    private static string? Text(JsonElement answers, string id) =>
        Get(answers, id) is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

    private static int? Int(JsonElement answers, string id) =>
        Get(answers, id) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    private static List<string> Strings(JsonElement answers, string id) =>
        Get(answers, id) is { ValueKind: JsonValueKind.Array } value
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    private static MeetingFormat Format(JsonElement answers) =>
        MeetingFormats.TryParse(Text(answers, "form_mode"), out var format) ? format : MeetingFormat.Any;
}
