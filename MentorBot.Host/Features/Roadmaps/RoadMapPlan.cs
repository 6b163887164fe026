using MentorBot.Domain.Roadmaps;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>An organisation's stored road map as <c>/roadmap</c> shows it (loaded by <see cref="RoadmapStore.LoadAsync"/>).</summary>
/// <param name="Id"><c>road_maps.id</c>.</param>
/// <param name="Title">The document title, or null.</param>
/// <param name="Span">The years yearly periods repeat over.</param>
/// <param name="AcademicYear">The title names an academic year (January–August fall in the second year).</param>
/// <param name="Stages">The stages in document order.</param>
public sealed record RoadMapPlan(long Id, string? Title, RoadMapSpan Span, bool AcademicYear, IReadOnlyList<PlanStage> Stages)
{
    /// <summary>The stage <paramref name="stageId"/>, or null when it is not in this plan.</summary>
    public PlanStage? Stage(long stageId) => Stages.FirstOrDefault(s => s.Id == stageId);

    /// <summary>The activity <paramref name="activityId"/> with its stage, or null when it is not in this plan.</summary>
    public (PlanStage Stage, PlanActivity Activity)? Activity(long activityId) =>
        Stages.SelectMany(s => s.Activities.Select(a => (s, a))).Where(p => p.a.Id == activityId).Select(p => ((PlanStage, PlanActivity)?)p).FirstOrDefault();

    /// <summary>Events and publications recorded against its stages and activities (issue 15), in time order.</summary>
    public IReadOnlyList<PlanMark> Marks { get; init; } = [];

    /// <summary>The marks on the stage <paramref name="stageId"/> itself, or on the activity <paramref name="activityId"/>.</summary>
    public IEnumerable<PlanMark> MarksOn(long? stageId, long? activityId) =>
        Marks.Where(m => activityId is { } a ? m.ActivityId == a : m.StageId == stageId && m.ActivityId is null);

    /// <summary>Every responsible-person row of the plan (stages' and activities').</summary>
    public IEnumerable<PlanResponsible> AllResponsible => Stages.SelectMany(s => s.Responsible.Concat(s.Activities.SelectMany(a => a.Responsible)));
}

/// <summary>A stored stage.</summary>
/// <param name="Id"><c>road_map_stages.id</c>.</param>
/// <param name="Number">The number as written («1»).</param>
/// <param name="Title">The stage name.</param>
/// <param name="Task">«Задача: …», or null.</param>
/// <param name="ExpectedResult">The expected result, or null.</param>
/// <param name="Done">Marked done.</param>
/// <param name="DoneAt">When it was marked done (UTC), or null.</param>
/// <param name="Periods">Its periods (its own and its activities', as imported, or as the curator changed them).</param>
/// <param name="DefaultPeriods">True when the periods are the default schedule (the document gave none).</param>
/// <param name="Responsible">Its responsible persons.</param>
/// <param name="Activities">Its activities in order.</param>
public sealed record PlanStage(long Id, string Number, string Title, string? Task, string? ExpectedResult, bool Done, DateTime? DoneAt,
    IReadOnlyList<Period> Periods, bool DefaultPeriods, IReadOnlyList<PlanResponsible> Responsible, IReadOnlyList<PlanActivity> Activities)
{
    /// <summary>True when <paramref name="membershipId"/> is linked as a responsible person of the stage or of one of its activities.</summary>
    public bool IsResponsible(long membershipId) =>
        Responsible.Any(r => r.MembershipId == membershipId) || Activities.Any(a => a.Responsible.Any(r => r.MembershipId == membershipId));
}

/// <summary>A stored activity.</summary>
/// <param name="Id"><c>road_map_activities.id</c>.</param>
/// <param name="StageId">Its stage.</param>
/// <param name="Number">«1.1», or null for an item of a content cell.</param>
/// <param name="Text">What is to be done.</param>
/// <param name="Done">Marked done.</param>
/// <param name="DoneAt">When it was marked done (UTC), or null.</param>
/// <param name="Periods">Its own periods; empty = the stage's apply.</param>
/// <param name="Responsible">Its responsible persons.</param>
public sealed record PlanActivity(long Id, long StageId, string? Number, string Text, bool Done, DateTime? DoneAt, IReadOnlyList<Period> Periods, IReadOnlyList<PlanResponsible> Responsible);

/// <summary>A responsible person as written, and the member it is linked to.</summary>
/// <param name="Id"><c>road_map_responsible_persons.id</c>.</param>
/// <param name="Name">As written («зам. директора»).</param>
/// <param name="MembershipId">The linked member, or null (the curator stands in).</param>
/// <param name="MemberName">The linked member's full name, or null.</param>
public sealed record PlanResponsible(long Id, string Name, long? MembershipId, string? MemberName);
