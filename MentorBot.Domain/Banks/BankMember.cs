using System.Text.Json.Nodes;

namespace MentorBot.Domain.Banks;

/// <summary>One person of a bank as the curator sees them: who, their consents, their intake questionnaire.</summary>
public sealed record BankMember
{
    /// <summary><c>memberships.id</c>.</summary>
    public required long MembershipId { get; init; }

    /// <summary>The name the person gave (<c>memberships.full_name</c>), or null before the questionnaire.</summary>
    public string? FullName { get; init; }

    /// <summary>Position («учитель математики»), or null.</summary>
    public string? Position { get; init; }

    /// <summary>Subject, or null.</summary>
    public string? Subject { get; init; }

    /// <summary>When the person joined (an instant).</summary>
    public required DateTimeOffset JoinedAt { get; init; }

    /// <summary>The personal-data consent (152-ФЗ ст. 9).</summary>
    public required ConsentState PersonalData { get; init; }

    /// <summary>The consent to mentoring duties (ТК РФ ст. 351.8); null for the mentee bank, where it does not apply.</summary>
    public ConsentState? MentoringDuties { get; init; }

    /// <summary>The intake questionnaire's state.</summary>
    public required QuestionnaireState Questionnaire { get; init; }

    /// <summary>When the intake questionnaire was completed, or null.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The version of the intake questionnaire the answers were given under, or null when not started.</summary>
    public int? QuestionnaireVersion { get; init; }

    /// <summary>The intake answers so far in the answers contract's shapes (empty when not started).</summary>
    public JsonObject Answers { get; init; } = [];

    /// <summary>True when every consent the bank needs is given: personal data, and for mentors mentoring duties too.</summary>
    public bool Consented => PersonalData == ConsentState.Given && MentoringDuties is null or ConsentState.Given;

    /// <summary>The mentee's difficulties («профессиональные дефициты», answer <c>difficulties</c>); empty for mentors.</summary>
    public IReadOnlyList<string> Difficulties =>
        Answers["difficulties"] is JsonArray chosen ? [.. chosen.Select(n => n?.ToString() ?? "")] : [];
}

/// <summary>The counts on top of a bank: joined, with every consent given, with the questionnaire completed.</summary>
/// <param name="Joined">Active members holding the bank's role.</param>
/// <param name="Consented">Of them, those whose needed consents are all given.</param>
/// <param name="Completed">Of them, those who completed the intake questionnaire.</param>
public sealed record BankCounts(int Joined, int Consented, int Completed);
