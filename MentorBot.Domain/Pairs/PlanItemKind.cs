namespace MentorBot.Domain.Pairs;

/// <summary>
/// A step of a pair's personal mentoring plan («персонализированная программа наставничества»), following
/// stage 6 of the road maps: the meetings (organizational, trial, planning, regular, final), the satisfaction
/// survey, and items the mentor adds. Stored as <see cref="PlanItemKinds.Code"/> in <c>plan_items.kind</c>;
/// the meeting kinds share their codes with <c>meetings.kind</c>, which is how a logged meeting ticks an item off.
/// </summary>
public enum PlanItemKind
{
    /// <summary>Организационная встреча (знакомство).</summary>
    Organizational,

    /// <summary>Пробная встреча.</summary>
    Trial,

    /// <summary>Встреча-планирование.</summary>
    Planning,

    /// <summary>Регулярная встреча.</summary>
    Regular,

    /// <summary>Итоговая встреча.</summary>
    Final,

    /// <summary>Анкета удовлетворённости (road map 6.8).</summary>
    SatisfactionSurvey,

    /// <summary>An item the mentor added.</summary>
    Custom,
}

/// <summary>Codes of <see cref="PlanItemKind"/>.</summary>
public static class PlanItemKinds
{
    /// <summary>The stored code (<c>plan_items.kind</c>).</summary>
    public static string Code(this PlanItemKind kind) => kind switch
    {
        PlanItemKind.Organizational => "organizational",
        PlanItemKind.Trial => "trial",
        PlanItemKind.Planning => "planning",
        PlanItemKind.Regular => "regular",
        PlanItemKind.Final => "final",
        PlanItemKind.SatisfactionSurvey => "satisfaction_survey",
        PlanItemKind.Custom => "custom",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A plan item before it is stored.</summary>
/// <param name="Kind">The step.</param>
/// <param name="Title">Russian title the pair reads.</param>
/// <param name="DueOn">The planned date: a working day inside the pair's term.</param>
public sealed record PlanItemDraft(PlanItemKind Kind, string Title, DateOnly DueOn);
