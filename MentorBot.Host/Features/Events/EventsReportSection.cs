using MentorBot.Domain.Events;
using MentorBot.Domain.Reports;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using Npgsql;

namespace MentorBot.Host.Features.Events;

/// <summary>The events section of the programme's final report (a <see cref="Reports.ProgrammeSectionLoader"/>, issue 15).</summary>
public static class EventsReportSection
{
    /// <summary>The events whose start falls in <paramref name="year"/> (the organisation's zone), or null when there were none.</summary>
    public static async Task<ProgrammeSection?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Organisation organisation,
        ProgrammeYear year, DateOnly date, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(organisation.TimeZone);
        var lines = (await EventStore.ListAsync(connection, transaction, organisation.Id, cancellationToken))
            .Select(e => (Event: e, Local: LocalDates.TimeOfUtc(e.StartsAt, zone)))
            .Where(x => year.Contains(DateOnly.FromDateTime(x.Local)))
            .Select(x => new EventLine(x.Local, x.Event.Title, EventRules.ParseKind(x.Event.Kind), x.Event.Invited, x.Event.Yes, x.Event.Attended, x.Event.Outcome))
            .ToList();
        return EventsReport.Section(lines);
    }
}
