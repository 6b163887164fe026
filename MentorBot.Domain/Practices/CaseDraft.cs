namespace MentorBot.Domain.Practices;

/// <summary>
/// A file attached to a case, as the messenger reported it. The bytes stay with the messenger: <see cref="FileId"/> is
/// opaque to everything but the messenger adapter, which downloads the file on demand (Bot API getFile: ≤ 20 MB).
/// </summary>
/// <param name="FileId">The messenger's id of the file.</param>
/// <param name="FileName">The name the sender gave, or null.</param>
/// <param name="FileSize">Size in bytes as the messenger reported it, or null.</param>
public sealed record CaseMaterial(string FileId, string? FileName, long? FileSize);

/// <summary>The steps of the case dialogue, in order.</summary>
public enum CaseStep
{
    /// <summary>Which pair's work the case comes from (asked only when there is a choice).</summary>
    Pair,

    /// <summary>The topic: a label of the competency taxonomy.</summary>
    Topic,

    /// <summary>The case's title.</summary>
    Title,

    /// <summary>The mentee's difficulty («затруднение»).</summary>
    Difficulty,

    /// <summary>What was done.</summary>
    Actions,

    /// <summary>The result.</summary>
    Result,

    /// <summary>Attached materials: documents sent in chat, then «Готово».</summary>
    Materials,

    /// <summary>The summary with «Отправить куратору».</summary>
    Confirm,
}

/// <summary>
/// A case being written («кейс наставнической практики», methodology: the practice library of stage 7), kept in the
/// chat's conversation row until it is sent to the curator.
/// </summary>
/// <param name="Step">The question being asked.</param>
/// <param name="CaseId">The returned case being corrected, or null for a new one.</param>
/// <param name="PairId">The pair whose work it describes, or null.</param>
/// <param name="Topic">Taxonomy label, or null before it is chosen.</param>
/// <param name="Title">Title, or null.</param>
/// <param name="Difficulty">The mentee's difficulty, or null.</param>
/// <param name="Actions">What was done, or null.</param>
/// <param name="Result">The result, or null.</param>
/// <param name="Materials">Files attached so far (at most <see cref="CaseRules.MaxMaterials"/>).</param>
/// <param name="AskPair">The dialogue asks for the pair (the author has a choice of pairs).</param>
public sealed record CaseDraft(
    CaseStep Step,
    long? CaseId,
    long? PairId,
    string? Topic,
    string? Title,
    string? Difficulty,
    string? Actions,
    string? Result,
    IReadOnlyList<CaseMaterial> Materials,
    bool AskPair)
{
    /// <summary>A new draft starting at the pair question when <paramref name="askPair"/>, else at the topic.</summary>
    public static CaseDraft New(long? pairId, bool askPair) =>
        new(askPair ? CaseStep.Pair : CaseStep.Topic, null, pairId, null, null, null, null, null, [], askPair);

    /// <summary>The text already given for a text step (null for a non-text step or an unanswered one).</summary>
    public string? TextOf(CaseStep step) => step switch
    {
        CaseStep.Title => Title,
        CaseStep.Difficulty => Difficulty,
        CaseStep.Actions => Actions,
        CaseStep.Result => Result,
        _ => null,
    };

    /// <summary>This draft with <paramref name="text"/> as the answer of the text step <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not a text step.</exception>
    public CaseDraft WithText(CaseStep step, string text) => step switch
    {
        CaseStep.Title => this with { Title = text },
        CaseStep.Difficulty => this with { Difficulty = text },
        CaseStep.Actions => this with { Actions = text },
        CaseStep.Result => this with { Result = text },
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "not a text step"),
    };
}

/// <summary>The dialogue's order and limits (pure).</summary>
public static class CaseRules
{
    /// <summary>The longest title, in characters.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest difficulty, actions or result text, in characters (a chat message holds 4,096).</summary>
    public const int MaxTextLength = 3000;

    /// <summary>The most files one case keeps.</summary>
    public const int MaxMaterials = 10;

    /// <summary>The text steps, in order.</summary>
    public static readonly IReadOnlyList<CaseStep> TextSteps = [CaseStep.Title, CaseStep.Difficulty, CaseStep.Actions, CaseStep.Result];

    /// <summary>The step after <paramref name="step"/>.</summary>
    public static CaseStep Next(CaseStep step) => step == CaseStep.Confirm ? CaseStep.Confirm : step + 1;

    /// <summary>The step before <paramref name="step"/> for <c>/back</c>, or null at the first question.</summary>
    public static CaseStep? Previous(CaseStep step, bool askPair)
    {
        var first = askPair ? CaseStep.Pair : CaseStep.Topic;
        return step <= first ? null : step - 1;
    }

    /// <summary>
    /// Checks a typed answer to a text step: trimmed, not empty, not longer than the step's limit.
    /// Returns the text to keep, or null when it must be asked again.
    /// </summary>
    public static string? Accept(CaseStep step, string text)
    {
        var trimmed = text.Trim();
        var max = step == CaseStep.Title ? MaxTitleLength : MaxTextLength;
        return trimmed.Length == 0 || trimmed.Length > max ? null : trimmed;
    }

    /// <summary>The limit of a text step, in characters.</summary>
    public static int LimitOf(CaseStep step) => step == CaseStep.Title ? MaxTitleLength : MaxTextLength;
}
