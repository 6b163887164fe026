using MentorBot.Domain.Organisations;
using MentorBot.Domain.Reminders;
using MentorBot.Domain.Roadmaps;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Roadmaps;
using Npgsql;

namespace MentorBot.Host.Features.Reminders;

/// <summary>A stage with its activities and who owns what, as the reminders and the digest read them.</summary>
/// <param name="Stage">The stage with all its stored periods.</param>
/// <param name="Activities">Its activities.</param>
public sealed record StageItems(DeadlineItem Stage, IReadOnlyList<DeadlineItem> Activities);

/// <summary>An organisation's road map for reminders: stages, activities, periods, linked responsible persons, curators.</summary>
/// <param name="Stages">Stages in document order.</param>
/// <param name="Owners">Linked responsible members per item (<c>road_map_responsible_persons.membership_id</c>).</param>
/// <param name="OwnerNames">Responsible persons as written, per item.</param>
/// <param name="Curators">Active curators' membership ids.</param>
public sealed record RoadMapItems(
    IReadOnlyList<StageItems> Stages,
    IReadOnlyDictionary<(DeadlineSubject, long), IReadOnlyList<long>> Owners,
    IReadOnlyDictionary<(DeadlineSubject, long), string> OwnerNames,
    IReadOnlyList<long> Curators)
{
    /// <summary>
    /// Who a reminder about <paramref name="item"/> goes to: its linked responsible persons; for an activity without
    /// any, its stage's; else the organisation's curators (issue 7).
    /// </summary>
    public IReadOnlyList<long> OwnersOf(DeadlineItem item, long stageId)
    {
        if (Owners.TryGetValue((item.Subject, item.Id), out var own) && own.Count > 0) return own;
        if (item.Subject == DeadlineSubject.Activity && Owners.TryGetValue((DeadlineSubject.Stage, stageId), out var stage) && stage.Count > 0) return stage;
        return Curators;
    }

    /// <summary>The responsible persons as the road map names them («директор, зам. директора»), or null.</summary>
    public string? NamesOf(DeadlineItem item, long stageId) =>
        OwnerNames.GetValueOrDefault((item.Subject, item.Id)) ?? OwnerNames.GetValueOrDefault((DeadlineSubject.Stage, stageId));
}

/// <summary>
/// An organisation's road map for reminders and the digest: the plan <c>/roadmap</c> shows (the one loader,
/// <see cref="RoadmapStore.LoadAsync"/>) read as deadline items, with the curators who stand in for unlinked owners.
/// </summary>
public static class RoadMapItemsStore
{
    /// <summary>The road map of <paramref name="organisation"/>, or null when none is imported. Done dates are local.</summary>
    public static async Task<RoadMapItems?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OrganisationClock organisation, CancellationToken cancellationToken)
    {
        if (await RoadmapStore.LoadAsync(connection, transaction, organisation.Id, cancellationToken) is not { } plan) return null;
        var curators = await MembershipStore.WithRoleAsync(connection, transaction, organisation.Id, Role.Curator, cancellationToken);
        return Of(plan, curators, organisation.Zone);
    }

    /// <summary>
    /// <paramref name="plan"/> as deadline items: each stage and activity with its own periods, its done date in
    /// <paramref name="zone"/>, and its responsible persons (the linked active members, and the names as written).
    /// </summary>
    public static RoadMapItems Of(RoadMapPlan plan, IReadOnlyList<long> curators, TimeZoneInfo zone)
    {
        var owners = new Dictionary<(DeadlineSubject, long), IReadOnlyList<long>>();
        var ownerNames = new Dictionary<(DeadlineSubject, long), string>();

        DeadlineItem Item(DeadlineSubject subject, long id, string? number, string title, string? expectedResult,
            IReadOnlyList<Period> periods, DateTime? doneAt, IReadOnlyList<PlanResponsible> responsible)
        {
            if (responsible.Count > 0)
            {
                owners[(subject, id)] = responsible.Where(r => r.MembershipId is not null).Select(r => r.MembershipId!.Value).Distinct().ToList();
                ownerNames[(subject, id)] = string.Join(", ", responsible.Select(r => r.Name));
            }

            return new DeadlineItem(subject, id, number, title, expectedResult, periods,
                doneAt is { } done ? LocalDates.OfUtc(done, zone) : null, plan.Span.Year, plan.Span.LastYear, plan.Span.From);
        }

        var stages = plan.Stages.Select(s => new StageItems(
            Item(DeadlineSubject.Stage, s.Id, s.Number, s.Title, s.ExpectedResult, s.Periods, s.DoneAt, s.Responsible),
            s.Activities.Select(a => Item(DeadlineSubject.Activity, a.Id, a.Number, a.Text, null, a.Periods, a.DoneAt, a.Responsible)).ToList()))
            .ToList();
        return new RoadMapItems(stages, owners, ownerNames, curators);
    }
}
