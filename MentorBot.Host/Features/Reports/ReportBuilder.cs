using MentorBot.Domain.Reports;
using MentorBot.Host.Features.Organisations;
using Npgsql;

namespace MentorBot.Host.Features.Reports;

/// <summary>
/// Loads a section of the final report that another feature owns (events, cases of the practice library), or null when
/// it has nothing to say. Runs on the report's connection and transaction.
/// </summary>
public delegate Task<ProgrammeSection?> ProgrammeSectionLoader(NpgsqlConnection connection, NpgsqlTransaction? transaction, Organisation organisation,
    ProgrammeYear year, DateOnly date, CancellationToken cancellationToken);

/// <summary>
/// Builds the documents of issue 14 from the database: the same code for <c>/reports</c> and the <c>report</c> CLI verb,
/// so both give the same bytes for the same data and date.
/// </summary>
public static class ReportBuilder
{
    /// <summary>
    /// Sections other features add to the final report, each placed by its <see cref="ProgrammeSection.Order"/> among the
    /// standard ones (see <see cref="ProgrammeSection"/>: events and cases of the practice library go at 70 and 80).
    /// To add one, append a loader here.
    /// </summary>
    public static readonly IReadOnlyList<ProgrammeSectionLoader> ExtraProgrammeSections =
        [Events.EventsReportSection.LoadAsync, Practices.PracticesReportSection.LoadAsync];

    /// <summary>
    /// The <paramref name="kind"/> report of <paramref name="organisation"/> for <paramref name="year"/>, dated
    /// <paramref name="date"/>. <paramref name="curatorView"/> adds the impact report's per-participant and per-pair tables.
    /// </summary>
    public static async Task<ReportDocument> BuildAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Organisation organisation,
        ReportKind kind, ProgrammeYear year, DateOnly date, bool curatorView, CancellationToken cancellationToken)
    {
        var (c, t, ct) = (connection, transaction, cancellationToken);
        var (curator, _) = await ReportStore.SignersAsync(c, t, organisation.Id, ct);
        switch (kind)
        {
            case ReportKind.Quality:
                var surveys = await ReportStore.SurveysAsync(c, t, organisation.Id, organisation.TimeZone, year, ct);
                var previous = await ReportStore.SurveysAsync(c, t, organisation.Id, organisation.TimeZone, year.Previous, ct);
                return QualityReport.Build(new QualityFigures(organisation.Name, year, date, SatisfactionMonitoring.Compute(surveys, previous),
                    await ReportStore.CuratorAnswersAsync(c, t, organisation.Id, year, ct), await ReportStore.SwotAsync(c, t, organisation.Id, year, ct), curator));
            case ReportKind.Impact:
                var records = await ReportStore.ImpactAsync(c, t, organisation.Id, organisation.TimeZone, year, ct);
                return ImpactDocument.Build(new ImpactFigures(organisation.Name, year, date, ImpactMonitoring.Compute(records.Select(r => r.Measurements)),
                    records.ToDictionary(r => r.MembershipId, r => Domain.Banks.BanksTexts.NameOrUnnamed(r.FullName, r.MembershipId)),
                    await ReportStore.PairNamesAsync(c, t, organisation.Id, ct), curatorView, curator));
            default:
                var figures = await ProgrammeStore.LoadAsync(c, t, organisation, year, date, ct);
                var extra = new List<ProgrammeSection>();
                foreach (var load in ExtraProgrammeSections)
                    if (await load(c, t, organisation, year, date, ct) is { } section) extra.Add(section);
                return ProgrammeReport.Build(figures, extra);
        }
    }
}
