using MentorBot.Domain.Organisations;

namespace MentorBot.Domain.Banks;

/// <summary>The two pools the curator looks after (road map stages 2 and 3): the mentee bank and the mentor bank.</summary>
public enum Bank
{
    /// <summary>Банк наставников: members holding the mentor role.</summary>
    Mentors,

    /// <summary>Банк наставляемых: members holding the mentee role.</summary>
    Mentees,
}

/// <summary>Where a person stands with one consent: the latest event of <c>current_consents</c>, or none.</summary>
public enum ConsentState
{
    /// <summary>No event yet: the consent is pending.</summary>
    Missing,

    /// <summary>The latest event is «given»: the consent is in force (152-ФЗ ст. 9; ТК РФ ст. 351.8).</summary>
    Given,

    /// <summary>The latest event is «declined».</summary>
    Declined,

    /// <summary>The latest event is «withdrawn».</summary>
    Withdrawn,
}

/// <summary>Completion state of a questionnaire (answers contract: no row = not started).</summary>
public enum QuestionnaireState
{
    /// <summary>No response row.</summary>
    NotStarted,

    /// <summary><c>status = 'in_progress'</c>.</summary>
    InProgress,

    /// <summary><c>status = 'completed'</c>.</summary>
    Completed,
}

/// <summary>Conversions of the bank states from their stored codes.</summary>
public static class BankStates
{
    /// <summary>The role whose holders make up <paramref name="bank"/>.</summary>
    public static Role Role(this Bank bank) => bank == Bank.Mentors ? Organisations.Role.Mentor : Organisations.Role.Mentee;

    /// <summary>The intake questionnaire of the bank: <c>mentor_intake</c> or <c>mentee_intake</c>.</summary>
    public static string IntakeQuestionnaire(this Bank bank) => bank == Bank.Mentors ? "mentor_intake" : "mentee_intake";

    /// <summary>The code used in button data and the CLI: <c>mentors</c> | <c>mentees</c>.</summary>
    public static string Code(this Bank bank) => bank == Bank.Mentors ? "mentors" : "mentees";

    /// <summary>Parses <see cref="Code(Bank)"/>; false for anything else.</summary>
    public static bool TryParseBank(string? code, out Bank bank)
    {
        switch (code)
        {
            case "mentors": bank = Bank.Mentors; return true;
            case "mentees": bank = Bank.Mentees; return true;
            default: bank = default; return false;
        }
    }

    /// <summary>A <c>consent_events.event</c> code (given | declined | withdrawn) or null → the state.</summary>
    public static ConsentState ParseConsent(string? consentEvent) => consentEvent switch
    {
        "given" => ConsentState.Given,
        "declined" => ConsentState.Declined,
        "withdrawn" => ConsentState.Withdrawn,
        _ => ConsentState.Missing,
    };

    /// <summary>A <c>questionnaire_responses.status</c> code or null (no row) → the state.</summary>
    public static QuestionnaireState ParseQuestionnaire(string? status) => status switch
    {
        "completed" => QuestionnaireState.Completed,
        "in_progress" => QuestionnaireState.InProgress,
        _ => QuestionnaireState.NotStarted,
    };
}
