namespace MentorBot.Domain.Consents;

/// <summary>
/// The separate consent documents a participant may give (152-ФЗ as amended by 156-ФЗ of 24.06.2025:
/// a consent is a document separate from any other; ТК РФ ст. 351.8). Stored as <see cref="ConsentKinds.Code(ConsentKind)"/>
/// in <c>consent_events.kind</c>.
/// </summary>
public enum ConsentKind
{
    /// <summary>Processing of personal data (152-ФЗ ст. 9): everyone, before any answer is stored.</summary>
    PersonalData,

    /// <summary>Mentoring duties (ТК РФ ст. 351.8: mentoring only with the employee's written consent): mentors.</summary>
    MentoringDuties,

    /// <summary>Publishing personal data (152-ФЗ ст. 10.1): only when a case or a name is to be published.</summary>
    Publication,
}

/// <summary>What happened to a consent; stored in <c>consent_events.event</c>.</summary>
public enum ConsentEvent
{
    /// <summary>«Согласен».</summary>
    Given,

    /// <summary>«Не согласен» when asked.</summary>
    Declined,

    /// <summary>Withdrawn later (152-ФЗ ст. 9 ч. 2).</summary>
    Withdrawn,
}

/// <summary>Stored codes of <see cref="ConsentKind"/> and <see cref="ConsentEvent"/>.</summary>
public static class ConsentKinds
{
    /// <summary>Every kind, in the order the onboarding asks and /consents lists them.</summary>
    public static readonly IReadOnlyList<ConsentKind> All = [ConsentKind.PersonalData, ConsentKind.MentoringDuties, ConsentKind.Publication];

    /// <summary>personal_data | mentoring_duties | publication.</summary>
    public static string Code(this ConsentKind kind) => kind switch
    {
        ConsentKind.PersonalData => "personal_data",
        ConsentKind.MentoringDuties => "mentoring_duties",
        ConsentKind.Publication => "publication",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>given | declined | withdrawn.</summary>
    public static string Code(this ConsentEvent consentEvent) => consentEvent switch
    {
        ConsentEvent.Given => "given",
        ConsentEvent.Declined => "declined",
        ConsentEvent.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(consentEvent), consentEvent, null),
    };

    /// <summary>Parses a stored kind code; false for anything else.</summary>
    public static bool TryParseKind(string? code, out ConsentKind kind)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() == code)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a stored event code; false for anything else.</summary>
    public static bool TryParseEvent(string? code, out ConsentEvent consentEvent)
    {
        foreach (var candidate in Enum.GetValues<ConsentEvent>())
        {
            if (candidate.Code() == code)
            {
                consentEvent = candidate;
                return true;
            }
        }

        consentEvent = default;
        return false;
    }
}
