using MentorBot.Domain.Practices;
using MentorBot.Domain.Reports;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using Npgsql;

namespace MentorBot.Host.Features.Practices;

/// <summary>The practice-library section of the programme's final report (a <see cref="Reports.ProgrammeSectionLoader"/>, issue 15).</summary>
public static class PracticesReportSection
{
    /// <summary>The cases approved in <paramref name="year"/> (the organisation's zone), anonymised as the library shows them; null when none.</summary>
    public static async Task<ProgrammeSection?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Organisation organisation,
        ProgrammeYear year, DateOnly date, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(organisation.TimeZone);
        var lines = (await PracticeStore.ListAsync(connection, transaction, organisation.Id, ["approved"], cancellationToken))
            .Where(r => r.ReviewedAt is not null)
            .Select(r => (Record: r, On: LocalDates.OfUtc(r.ReviewedAt!.Value, zone)))
            .Where(x => year.Contains(x.On))
            .Select(x =>
            {
                var view = CaseView.Of(x.Record);
                return new CaseLine(view.Topic, view.Title, view.Authors, x.On, x.Record.MaterialCount);
            })
            .ToList();
        return PracticesReport.Section(lines);
    }
}
