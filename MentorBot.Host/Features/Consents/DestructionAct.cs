using System.Globalization;
using Dapper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Npgsql;

namespace MentorBot.Host.Features.Consents;

/// <summary>One row of <c>destruction_records</c>: what was destroyed for whom (a surrogate number) and when.</summary>
public sealed class DestructionRecord
{
    /// <summary>The surrogate participant number («участник № 17»); never the name.</summary>
    public long ParticipantId { get; init; }

    /// <summary>Why (consent_withdrawn).</summary>
    public string Reason { get; init; } = "";

    /// <summary>The categories destroyed (Russian).</summary>
    public string[] Destroyed { get; init; } = [];

    /// <summary>Who destroyed them («бот (автоматически)»).</summary>
    public string PerformedBy { get; init; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime PerformedAt { get; init; }
}

/// <summary>
/// The destruction record («акт об уничтожении персональных данных», 152-ФЗ ст. 21; its contents as
/// Roskomnadzor order № 179 of 28.10.2022 lists them: operator, subject, categories, information system,
/// method, reason, date, who destroyed, signatures) as a DOCX, from an organisation's destruction entries.
/// </summary>
public static class DestructionAct
{
    /// <summary>An organisation's destruction entries, oldest first.</summary>
    public static async Task<IReadOnlyList<DestructionRecord>> LoadAsync(NpgsqlDataSource dataSource, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT participant_id, reason, destroyed, performed_by, performed_at FROM destruction_records
             WHERE organisation_id = @organisationId ORDER BY performed_at, id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<DestructionRecord>(new CommandDefinition(sql, new { organisationId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The act's DOCX bytes; times are shown in <paramref name="timeZone"/> (the organisation's).</summary>
    public static byte[] Build(string organisationName, TimeZoneInfo timeZone, IReadOnlyList<DestructionRecord> records, DateTimeOffset now)
    {
        string Local(DateTimeOffset at, string format) => TimeZoneInfo.ConvertTime(at, timeZone).ToString(format, CultureInfo.InvariantCulture);

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph("АКТ", bold: true, center: true));
            body.Append(Paragraph("об уничтожении персональных данных", bold: true, center: true));
            body.Append(Paragraph($"Составлен {Local(now, "dd.MM.yyyy")}"));
            body.Append(Paragraph($"Оператор: {organisationName}"));
            body.Append(Paragraph("Информационная система: чат-бот программы наставничества MentorBot (база данных PostgreSQL)."));
            body.Append(Paragraph("Способ уничтожения: удаление записей из базы данных без возможности восстановления, выполняется автоматически при отзыве согласия."));
            body.Append(Paragraph("Основание: часть 5 статьи 21 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»; требования к акту — приказ Роскомнадзора от 28.10.2022 № 179."));
            body.Append(Paragraph("Субъекты указаны условными номерами: после уничтожения их имена в системе не хранятся."));

            var table = new Table(new TableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            table.Append(Row(bold: true, "№", "Субъект персональных данных", "Уничтоженные категории данных", "Причина", "Дата и время уничтожения", "Кем уничтожено"));
            var number = 0;
            foreach (var record in records)
            {
                table.Append(Row(bold: false,
                    (++number).ToString(CultureInfo.InvariantCulture),
                    $"участник № {record.ParticipantId}",
                    string.Join("; ", record.Destroyed),
                    ReasonText(record.Reason),
                    Local(new DateTimeOffset(DateTime.SpecifyKind(record.PerformedAt, DateTimeKind.Utc)), "dd.MM.yyyy HH:mm"),
                    record.PerformedBy));
            }

            body.Append(table);
            body.Append(Paragraph(""));
            body.Append(Paragraph("Лицо, ответственное за организацию обработки персональных данных:"));
            body.Append(Paragraph("_____________________ / _____________________ / «___» ____________ 20___ г."));
            body.Append(Paragraph("Члены комиссии:"));
            body.Append(Paragraph("_____________________ / _____________________ /"));
            body.Append(Paragraph("_____________________ / _____________________ /"));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The Russian wording of a stored reason.</summary>
    public static string ReasonText(string reason) => reason switch
    {
        PersonalDataErasure.ReasonConsentWithdrawn => "отзыв согласия на обработку персональных данных",
        _ => reason,
    };

    private static Paragraph Paragraph(string text, bool bold = false, bool center = false)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.RunProperties = new RunProperties(new Bold());
        var paragraph = new Paragraph(run);
        if (center) paragraph.ParagraphProperties = new ParagraphProperties(new Justification { Val = JustificationValues.Center });
        return paragraph;
    }

    private static TableRow Row(bool bold, params string[] cells) =>
        new(cells.Select(c => new TableCell(Paragraph(c, bold))));
}
