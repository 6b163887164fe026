using System.Globalization;
using System.Text;

namespace MentorBot.Domain.Publishing;

/// <summary>An event held in the period, as the publication states it.</summary>
/// <param name="Title">Title.</param>
/// <param name="Date">The day it was held.</param>
/// <param name="Outcome">The curator's short outcome, or null.</param>
public sealed record NewsEvent(string Title, DateOnly Date, string? Outcome);

/// <summary>What the programme did in a period, already free of names of people without the publication consent.</summary>
/// <param name="Organisation">The organisation's name.</param>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period.</param>
/// <param name="StagesDone">Road-map stages and activities marked done in the period.</param>
/// <param name="PairsFormed">Pairs and group links approved in the period.</param>
/// <param name="MeetingsHeld">Meetings of pairs held in the period.</param>
/// <param name="Events">Events held in the period.</param>
/// <param name="Cases">Titles of the cases approved for the practice library in the period.</param>
/// <param name="Mentors">Names of the programme's mentors who gave the publication consent (152-ФЗ ст. 10.1).</param>
public sealed record NewsFacts(string Organisation, DateOnly From, DateOnly To, IReadOnlyList<string> StagesDone, int PairsFormed, int MeetingsHeld,
    IReadOnlyList<NewsEvent> Events, IReadOnlyList<string> Cases, IReadOnlyList<string> Mentors);

/// <summary>
/// The ready text about the programme for the school's site or social network («информационная поддержка»: road maps ask
/// for it «на сайте и в социальных сетях»): plain Russian, one paragraph per kind of news, nothing said about what did
/// not happen. It names nobody: the only names are those in <see cref="NewsFacts.Mentors"/>, which the caller fills
/// with people whose publication consent is in force.
/// </summary>
public static class ProgrammeNews
{
    /// <summary>The text; lines separated by '\n', paragraphs by an empty line.</summary>
    public static string Write(NewsFacts facts)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Программа наставничества педагогов: {facts.Organisation}, {Date(facts.From)} – {Date(facts.To)}\n\n");
        var any = false;
        void Paragraph(string line)
        {
            text.Append(line).Append("\n\n");
            any = true;
        }

        if (facts.StagesDone.Count > 0) Paragraph("Выполнены мероприятия дорожной карты: " + string.Join("; ", facts.StagesDone) + ".");
        if (facts.PairsFormed > 0) Paragraph($"Сформированы наставнические пары и группы: {facts.PairsFormed} — опытные педагоги помогают молодым коллегам освоиться в профессии.");
        if (facts.MeetingsHeld > 0) Paragraph($"Наставники и молодые педагоги провели {facts.MeetingsHeld} {Plural(facts.MeetingsHeld, "встречу", "встречи", "встреч")}: разбирали уроки, планировали работу, обсуждали трудные ситуации.");
        foreach (var e in facts.Events)
            Paragraph($"{Date(e.Date)} прошло мероприятие «{e.Title}»." + (e.Outcome is null ? "" : $" Итоги: {e.Outcome.TrimEnd('.')}."));
        if (facts.Cases.Count > 0) Paragraph("Методическая копилка пополнилась практиками наставничества: " + string.Join(", ", facts.Cases.Select(c => $"«{c}»")) + ".");
        if (facts.Mentors.Count > 0) Paragraph("Наставники программы: " + string.Join(", ", facts.Mentors) + ". Спасибо за вашу работу!");
        if (!any) Paragraph("Программа наставничества продолжается: пары работают по персональным планам.");
        return text.ToString().TrimEnd();
    }

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Plural(int n, string one, string few, string many) => Exports.ExportTexts.Plural(n, one, few, many);
}
