using MentorBot.Domain.Matching;

namespace MentorBot.Tests.Matching;

/// <summary>Terse builders for mentors and mentees in tests.</summary>
public static class People
{
    public static MentorProfile Mentor(
        string id, string subject = "", string[]? competencies = null, int capacity = 1,
        MeetingFormat format = MeetingFormat.Any, int experienceYears = 0, string[]? preferredMentees = null) =>
        new(id, subject, competencies ?? [], capacity, format, experienceYears, preferredMentees ?? []);

    public static MenteeProfile Mentee(
        string id, string subject = "", string[]? difficulties = null,
        MeetingFormat format = MeetingFormat.Any, int experienceYears = 0, string[]? preferredMentors = null) =>
        new(id, subject, difficulties ?? [], format, experienceYears, preferredMentors ?? []);

    public static PairScore Score(MentorProfile mentor, MenteeProfile mentee, MatchingWeights? weights = null) =>
        new PairScorer(weights ?? MatchingWeights.Default, [mentor], [mentee]).Score(0, 0);
}
