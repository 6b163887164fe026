namespace MentorBot.Domain.Matching;

/// <summary>
/// What the matcher knows of a mentor from the mentor questionnaire and the preference survey.
/// </summary>
/// <param name="Id">Unique among the mentors of one matching run.</param>
/// <param name="Subject">Subject or area taught («математика», «начальные классы»); may be empty.</param>
/// <param name="Competencies">What the mentor can help with, in the questionnaire's words.</param>
/// <param name="Capacity">How many mentees the mentor takes at most (several make a group); ≥ 0.</param>
/// <param name="Format">How the mentor can meet.</param>
/// <param name="ExperienceYears">Teaching experience («стаж») in whole years; ≥ 0.</param>
/// <param name="PreferredMentees">Mentee ids the mentor named in the preference survey (road map 5.2); may be empty.</param>
public sealed record MentorProfile(
    string Id,
    string Subject,
    IReadOnlyList<string> Competencies,
    int Capacity,
    MeetingFormat Format,
    int ExperienceYears,
    IReadOnlyList<string> PreferredMentees);

/// <summary>
/// What the matcher knows of a mentee from the intake questionnaire and the preference survey.
/// </summary>
/// <param name="Id">Unique among the mentees of one matching run.</param>
/// <param name="Subject">Subject or area taught; may be empty.</param>
/// <param name="Difficulties">The mentee's requests («профессиональные дефициты»), in the questionnaire's words.</param>
/// <param name="Format">How the mentee can meet.</param>
/// <param name="ExperienceYears">
/// Teaching experience in whole years; ≥ 0. Not scored: the mentor's own experience already carries
/// the «опытный – молодой специалист» signal, and the field is kept for the curator's view.
/// </param>
/// <param name="PreferredMentors">Mentor ids the mentee named in the preference survey (road map 5.2, up to three there); may be empty.</param>
public sealed record MenteeProfile(
    string Id,
    string Subject,
    IReadOnlyList<string> Difficulties,
    MeetingFormat Format,
    int ExperienceYears,
    IReadOnlyList<string> PreferredMentors);
