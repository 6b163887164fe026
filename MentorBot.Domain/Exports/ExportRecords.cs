using System.Text.Json.Nodes;
using MentorBot.Domain.Banks;

namespace MentorBot.Domain.Exports;

/// <summary>A pair (one mentor–mentee link) as stored, for the pairs export. Instants are UTC; dates are calendar dates.</summary>
public sealed class PairRecord
{
    /// <summary><c>pairs.id</c> («пара №17»).</summary>
    public long Id { get; init; }

    /// <summary>The mentor's membership id (for «участник №N» when the name is gone).</summary>
    public long MentorMembershipId { get; init; }

    /// <summary>The mentor's full name, or null.</summary>
    public string? MentorName { get; init; }

    /// <summary>The mentee's membership id.</summary>
    public long MenteeMembershipId { get; init; }

    /// <summary>The mentee's full name, or null.</summary>
    public string? MenteeName { get; init; }

    /// <summary><c>pairs.form</c> code (<see cref="Pairs.MentoringForms.Code"/>).</summary>
    public string Form { get; init; } = "";

    /// <summary><c>pairs.status</c> code (proposed | approved | active | completed | dissolved).</summary>
    public string Status { get; init; } = "";

    /// <summary>First day of the pair's term, or null.</summary>
    public DateTime? StartsOn { get; init; }

    /// <summary>Last day of the pair's term, or null.</summary>
    public DateTime? EndsOn { get; init; }

    /// <summary>Planned days between meetings (1–90).</summary>
    public int MeetingCadenceDays { get; init; }

    /// <summary>The pair's goals (up to five).</summary>
    public string[] Goals { get; init; } = [];

    /// <summary>Logged (not deleted) meetings.</summary>
    public long Meetings { get; init; }

    /// <summary>Date of the latest logged meeting, or null.</summary>
    public DateTime? LastMeetingOn { get; init; }

    /// <summary>When the curator approved the pair (UTC), or null.</summary>
    public DateTime? ApprovedAt { get; init; }
}

/// <summary>A logged meeting, for the meetings export.</summary>
public sealed class MeetingRecord
{
    /// <summary><c>meetings.id</c>.</summary>
    public long Id { get; init; }

    /// <summary>The pair's id.</summary>
    public long PairId { get; init; }

    /// <summary>The mentor's membership id.</summary>
    public long MentorMembershipId { get; init; }

    /// <summary>The mentor's full name, or null.</summary>
    public string? MentorName { get; init; }

    /// <summary>The mentee's membership id.</summary>
    public long MenteeMembershipId { get; init; }

    /// <summary>The mentee's full name, or null.</summary>
    public string? MenteeName { get; init; }

    /// <summary>The day it was held.</summary>
    public DateTime HeldOn { get; init; }

    /// <summary>Duration in minutes (5–480).</summary>
    public int DurationMinutes { get; init; }

    /// <summary><c>meetings.kind</c> code (organizational | trial | planning | regular | final).</summary>
    public string Kind { get; init; } = "";

    /// <summary><c>meetings.format</c> code (in_person | online) or null.</summary>
    public string? Format { get; init; }

    /// <summary>The topic, or null.</summary>
    public string? Topic { get; init; }

    /// <summary>When it was logged (UTC).</summary>
    public DateTime CreatedAt { get; init; }
}

/// <summary>An answered feedback poll (road map 6.5), for the feedback export. The mentee is not named.</summary>
public sealed class FeedbackRecord
{
    /// <summary>The pair's id.</summary>
    public long PairId { get; init; }

    /// <summary>The mentor's membership id.</summary>
    public long MentorMembershipId { get; init; }

    /// <summary>The mentor's full name, or null.</summary>
    public string? MentorName { get; init; }

    /// <summary>The day the meeting was held.</summary>
    public DateTime HeldOn { get; init; }

    /// <summary>The meeting's kind code.</summary>
    public string Kind { get; init; } = "";

    /// <summary>How useful it was, 1–5, or null.</summary>
    public int? Score { get; init; }

    /// <summary>The optional comment.</summary>
    public string? Comment { get; init; }

    /// <summary>When it was answered (UTC).</summary>
    public DateTime AnsweredAt { get; init; }
}

/// <summary>A completed satisfaction survey (road map 6.8), anonymous: whose it was is not kept here.</summary>
/// <param name="Questionnaire"><c>satisfaction_mentee</c> or <c>satisfaction_mentor</c>.</param>
/// <param name="Answers">The answers in the contract's shape.</param>
public sealed record SurveyRecord(string Questionnaire, JsonObject Answers);

/// <summary>A mentee's two self-assessments (impact monitoring, stage 7): the intake's and the final one.</summary>
/// <param name="MembershipId">The mentee's membership id.</param>
/// <param name="FullName">The mentee's name, or null.</param>
/// <param name="Before">The intake's answers (only <c>self:*</c> are read), empty when not completed.</param>
/// <param name="BeforeAt">When the intake was completed (UTC), or null.</param>
/// <param name="After">The final self-assessment's answers, empty when not completed.</param>
/// <param name="AfterAt">When it was completed (UTC), or null.</param>
public sealed record ImpactRecord(long MembershipId, string? FullName, JsonObject Before, DateTime? BeforeAt, JsonObject After, DateTime? AfterAt)
{
    /// <summary>The pair the final self-assessment was asked for (its context key <c>pair:&lt;id&gt;</c>), or null.</summary>
    public long? PairId { get; init; }

    /// <summary>The two measurements as <see cref="Reports.ImpactMonitoring"/> reads them.</summary>
    public Reports.SelfAssessmentPair Measurements => new(MembershipId, Before, After) { PairId = PairId };
}
