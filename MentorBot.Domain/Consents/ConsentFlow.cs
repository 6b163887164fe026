using MentorBot.Domain.Organisations;
using Stateless;

namespace MentorBot.Domain.Consents;

/// <summary>Where a consent conversation stands.</summary>
public enum ConsentStep
{
    /// <summary>The personal-data consent is shown (152-ФЗ ст. 9).</summary>
    PersonalData,

    /// <summary>The mentoring-duties consent is shown (ТК РФ ст. 351.8; mentors only).</summary>
    MentoringDuties,

    /// <summary>The publication consent is shown (152-ФЗ ст. 10.1; asked on its own, outside onboarding).</summary>
    Publication,

    /// <summary>Everything asked was agreed to: the questionnaire comes next (onboarding) or nothing (publication).</summary>
    Completed,

    /// <summary>The personal-data consent was declined: onboarding ends, nothing beyond the decline is kept.</summary>
    Declined,

    /// <summary>The mentoring-duties consent was declined: the person cannot be a mentor.</summary>
    MentoringDeclined,

    /// <summary>The publication consent was declined: nothing about them is published.</summary>
    PublicationDeclined,
}

/// <summary>The two buttons under a consent document.</summary>
public enum ConsentAnswer
{
    /// <summary>«Согласен».</summary>
    Agree,

    /// <summary>«Не согласен».</summary>
    Disagree,
}

/// <summary>What one answer means for the ledger.</summary>
/// <param name="Kind">The consent answered.</param>
/// <param name="Event">Given or declined.</param>
/// <param name="Next">The step after the answer.</param>
public sealed record ConsentDecision(ConsentKind Kind, ConsentEvent Event, ConsentStep Next);

/// <summary>
/// The consent conversation (issue 4), pure: the documents are asked one at a time, personal data first
/// (nothing may be stored before it, 152-ФЗ ст. 9), then — for a mentor — mentoring duties (ТК РФ
/// ст. 351.8). The publication consent (ст. 10.1) is a flow of its own, started only when something is
/// to be published. Built on <see cref="StateMachine{TState, TTrigger}"/> with the step held outside
/// (the conversation row), so it continues after a restart.
/// </summary>
public sealed class ConsentFlow
{
    private ConsentStep step;

    /// <summary>A flow at <paramref name="step"/>; <paramref name="mentoringDutiesNeeded"/> is true for a mentor who has not given that consent.</summary>
    public ConsentFlow(ConsentStep step, bool mentoringDutiesNeeded)
    {
        this.step = step;
        MentoringDutiesNeeded = mentoringDutiesNeeded;
        Machine = new StateMachine<ConsentStep, ConsentAnswer>(() => this.step, s => this.step = s);
        Machine.Configure(ConsentStep.PersonalData)
            .PermitIf(ConsentAnswer.Agree, ConsentStep.MentoringDuties, () => MentoringDutiesNeeded, "mentor")
            .PermitIf(ConsentAnswer.Agree, ConsentStep.Completed, () => !MentoringDutiesNeeded, "not a mentor")
            .Permit(ConsentAnswer.Disagree, ConsentStep.Declined);
        Machine.Configure(ConsentStep.MentoringDuties)
            .Permit(ConsentAnswer.Agree, ConsentStep.Completed)
            .Permit(ConsentAnswer.Disagree, ConsentStep.MentoringDeclined);
        Machine.Configure(ConsentStep.Publication)
            .Permit(ConsentAnswer.Agree, ConsentStep.Completed)
            .Permit(ConsentAnswer.Disagree, ConsentStep.PublicationDeclined);
    }

    /// <summary>The current step.</summary>
    public ConsentStep Step => step;

    /// <summary>True when the mentoring-duties document follows the personal-data one.</summary>
    public bool MentoringDutiesNeeded { get; }

    /// <summary>The underlying machine (for the diagram in docs/state-machines.md).</summary>
    public StateMachine<ConsentStep, ConsentAnswer> Machine { get; }

    /// <summary>The document the person is looking at, or null when the flow is over.</summary>
    public ConsentKind? Asking => AskedAt(step);

    /// <summary>The document shown at <paramref name="step"/>, or null for a final step.</summary>
    public static ConsentKind? AskedAt(ConsentStep step) => step switch
    {
        ConsentStep.PersonalData => ConsentKind.PersonalData,
        ConsentStep.MentoringDuties => ConsentKind.MentoringDuties,
        ConsentStep.Publication => ConsentKind.Publication,
        _ => null,
    };

    /// <summary>
    /// The first step of onboarding: the personal-data document unless it is in force, then the
    /// mentoring-duties one when needed, else <see cref="ConsentStep.Completed"/> (nothing to ask).
    /// </summary>
    public static ConsentStep FirstStep(bool personalDataGiven, bool mentoringDutiesNeeded) =>
        !personalDataGiven ? ConsentStep.PersonalData
        : mentoringDutiesNeeded ? ConsentStep.MentoringDuties
        : ConsentStep.Completed;

    /// <summary>
    /// Applies an answer to the document shown; returns what to record and the next step, or null
    /// when the flow is over (a late press changes nothing).
    /// </summary>
    public ConsentDecision? Answer(ConsentAnswer answer)
    {
        if (Asking is not { } kind || !Machine.CanFire(answer)) return null;
        Machine.Fire(answer);
        return new ConsentDecision(kind, answer == ConsentAnswer.Agree ? ConsentEvent.Given : ConsentEvent.Declined, step);
    }

    /// <summary>
    /// The questionnaire to start once the consents are given (PREAMBLE contract ids): a mentor's
    /// first (a person holding both mentor and mentee roles starts with it), then a mentee's, then the
    /// short profile of a curator, head or psychologist; null when no role asks for one.
    /// </summary>
    public static string? QuestionnaireFor(IReadOnlySet<Role> roles) =>
        roles.Contains(Role.Mentor) ? "mentor_intake"
        : roles.Contains(Role.Mentee) ? "mentee_intake"
        : roles.Contains(Role.Curator) || roles.Contains(Role.Head) || roles.Contains(Role.Psychologist) ? "profile"
        : null;
}
