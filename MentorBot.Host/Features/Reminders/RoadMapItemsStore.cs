using Dapper;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Reminders;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
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

/// <summary>SQL reading an organisation's road map for reminders and the digest.</summary>
public static class RoadMapItemsStore
{
    private sealed class ItemRow
    {
        public long Id { get; init; }
        public long? StageId { get; init; }
        public string? Number { get; init; }
        public string Title { get; init; } = "";
        public string? ExpectedResult { get; init; }
        public DateTime? DoneAt { get; init; }
        public int Year { get; init; }
        public int LastYear { get; init; }
    }

    private sealed class PeriodRow
    {
        public long? StageId { get; init; }
        public long? ActivityId { get; init; }
        public string Text { get; init; } = "";
        public DateTime? StartsOn { get; init; }
        public DateTime? EndsOn { get; init; }
        public string Recurrence { get; init; } = "";
        public string? Weekday { get; init; }
    }

    private sealed class OwnerRow
    {
        public long? StageId { get; init; }
        public long? ActivityId { get; init; }
        public string Name { get; init; } = "";
        public long? MembershipId { get; init; }
    }

    /// <summary>The road map of <paramref name="organisation"/>, or null when none is imported. Done dates are local.</summary>
    public static async Task<RoadMapItems?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OrganisationClock organisation, CancellationToken cancellationToken)
    {
        const string itemsSql = """
            SELECT s.id, NULL::bigint AS StageId, s.number, s.title, s.expected_result AS ExpectedResult, s.done_at AS DoneAt,
                   r.year, r.last_year AS LastYear, s.position AS StagePosition, 0 AS ActivityPosition
              FROM road_maps r JOIN road_map_stages s ON s.road_map_id = r.id
             WHERE r.organisation_id = @organisationId
            UNION ALL
            SELECT a.id, a.stage_id, a.number, a.text, NULL, a.done_at, r.year, r.last_year, s.position, a.position
              FROM road_maps r JOIN road_map_stages s ON s.road_map_id = r.id JOIN road_map_activities a ON a.stage_id = s.id
             WHERE r.organisation_id = @organisationId
             ORDER BY StagePosition, ActivityPosition
            """;
        var args = new { organisationId = organisation.Id };
        var items = (await connection.QueryAsync<ItemRow>(new CommandDefinition(itemsSql, args, transaction, cancellationToken: cancellationToken))).ToList();
        if (items.Count == 0)
        {
            const string anyMap = "SELECT count(*) FROM road_maps WHERE organisation_id = @organisationId";
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(anyMap, args, transaction, cancellationToken: cancellationToken)) == 0) return null;
        }

        const string periodsSql = """
            SELECT p.stage_id AS StageId, p.activity_id AS ActivityId, p.text, p.starts_on::timestamp AS StartsOn, p.ends_on::timestamp AS EndsOn,
                   p.recurrence, p.weekday
              FROM road_map_periods p
              LEFT JOIN road_map_activities a ON a.id = p.activity_id
              JOIN road_map_stages s ON s.id = coalesce(p.stage_id, a.stage_id)
              JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId
             ORDER BY p.position
            """;
        var periods = (await connection.QueryAsync<PeriodRow>(new CommandDefinition(periodsSql, args, transaction, cancellationToken: cancellationToken)))
            .ToLookup(p => p.StageId is { } s ? (DeadlineSubject.Stage, s) : (DeadlineSubject.Activity, p.ActivityId!.Value));

        const string ownersSql = """
            SELECT rp.stage_id AS StageId, rp.activity_id AS ActivityId, rp.name,
                   CASE WHEN m.status = 'active' THEN rp.membership_id END AS MembershipId
              FROM road_map_responsible_persons rp
              LEFT JOIN memberships m ON m.id = rp.membership_id
              LEFT JOIN road_map_activities a ON a.id = rp.activity_id
              JOIN road_map_stages s ON s.id = coalesce(rp.stage_id, a.stage_id)
              JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId
             ORDER BY rp.position
            """;
        var owners = (await connection.QueryAsync<OwnerRow>(new CommandDefinition(ownersSql, args, transaction, cancellationToken: cancellationToken)))
            .GroupBy(o => o.StageId is { } s ? (DeadlineSubject.Stage, s) : (DeadlineSubject.Activity, o.ActivityId!.Value)).ToList();

        var curators = await MembershipStore.WithRoleAsync(connection, transaction, organisation.Id, Role.Curator, cancellationToken);

        DeadlineItem ToItem(ItemRow row)
        {
            var subject = row.StageId is null ? DeadlineSubject.Stage : DeadlineSubject.Activity;
            return new DeadlineItem(subject, row.Id, row.Number, row.Title, row.ExpectedResult,
                periods[(subject, row.Id)].Select(ToPeriod).ToList(),
                row.DoneAt is { } doneAt ? organisation.LocalDate(doneAt) : null, row.Year, Math.Max(row.Year, row.LastYear));
        }

        var stages = items.Where(i => i.StageId is null)
            .Select(s => new StageItems(ToItem(s), items.Where(a => a.StageId == s.Id).Select(ToItem).ToList()))
            .ToList();
        return new RoadMapItems(
            stages,
            owners.ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Where(o => o.MembershipId is not null).Select(o => o.MembershipId!.Value).Distinct().ToList()),
            owners.ToDictionary(g => g.Key, g => string.Join(", ", g.Select(o => o.Name))),
            curators);
    }

    private static Period ToPeriod(PeriodRow row) => new(
        row.Text,
        row.StartsOn is { } s ? DateOnly.FromDateTime(s) : null,
        row.EndsOn is { } e ? DateOnly.FromDateTime(e) : null,
        row.Recurrence switch { "yearly" => Recurrence.Yearly, "weekly" => Recurrence.Weekly, "on_demand" => Recurrence.OnDemand, _ => Recurrence.None },
        row.Weekday is { } w ? Enum.Parse<DayOfWeek>(w, ignoreCase: true) : null);
}
