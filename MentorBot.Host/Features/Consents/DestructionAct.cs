using System.Globalization;
using Dapper;
using MentorBot.Host.Documents;
using Npgsql;

namespace MentorBot.Host.Features.Consents;

/// <summary>One row of <c>destruction_records</c>: what was destroyed for whom (a surrogate number) and when.</summary>
public sealed class DestructionRecord
{
    /// <summary>The participant's id; the act shows a number within the act instead, never the name.</summary>
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

    /// <summary>
    /// The act's DOCX bytes in the layout of <see cref="OfficialDocument"/>: the organisation, the head's approval
    /// («УТВЕРЖДАЮ», <paramref name="head"/> or a blank), a date and number to fill in, the act's particulars, one
    /// table row per entry. Subjects are numbered within the act («участник № 1, 2…», the same person keeps
    /// one number), never by a database id. Times are shown in <paramref name="timeZone"/> (the organisation's).
    /// </summary>
    public static byte[] Build(string organisationName, string? head, TimeZoneInfo timeZone, IReadOnlyList<DestructionRecord> records, DateTimeOffset now)
    {
        string Local(DateTimeOffset at, string format) => TimeZoneInfo.ConvertTime(at, timeZone).ToString(format, CultureInfo.InvariantCulture);
        var subjects = new Dictionary<long, int>();
        var rows = records.Select((record, index) =>
        {
            if (!subjects.TryGetValue(record.ParticipantId, out var subject)) subjects[record.ParticipantId] = subject = subjects.Count + 1;
            return (IReadOnlyList<IReadOnlyList<string>>)
            [
                [(index + 1).ToString(CultureInfo.InvariantCulture)],
                [ConsentTexts.ActSubject(subject)],
                [string.Join("; ", record.Destroyed)],
                [ReasonText(record.Reason)],
                [Local(new DateTimeOffset(DateTime.SpecifyKind(record.PerformedAt, DateTimeKind.Utc)), "dd.MM.yyyy HH:mm")],
                [record.PerformedBy],
            ];
        }).ToList();

        return OfficialDocument.Write(body =>
        {
            body.Append(
                OfficialDocument.Paragraph(organisationName, OfficialDocument.Align.Center, bold: true),
                OfficialDocument.Paragraph(""),
                OfficialDocument.Paragraph(ConsentTexts.ActApproved, OfficialDocument.Align.Right),
                OfficialDocument.Paragraph(ConsentTexts.ActHeadSignature(head), OfficialDocument.Align.Right),
                OfficialDocument.Paragraph(ConsentTexts.ActDateBlank, OfficialDocument.Align.Right),
                OfficialDocument.Paragraph(""),
                OfficialDocument.Paragraph(ConsentTexts.ActWord, OfficialDocument.Align.Center, bold: true),
                OfficialDocument.Paragraph(ConsentTexts.ActTitle, OfficialDocument.Align.Center, bold: true),
                OfficialDocument.Paragraph(""),
                OfficialDocument.Paragraph(ConsentTexts.ActNumberLine, OfficialDocument.Align.Left),
                OfficialDocument.Paragraph(""),
                OfficialDocument.Paragraph(ConsentTexts.ActOperator(organisationName)),
                OfficialDocument.Paragraph(ConsentTexts.ActSystem),
                OfficialDocument.Paragraph(ConsentTexts.ActMethod),
                OfficialDocument.Paragraph(ConsentTexts.ActGround),
                OfficialDocument.Paragraph(ConsentTexts.ActSubjects),
                OfficialDocument.Table(ConsentTexts.ActColumns, [5, 15, 30, 18, 14, 18], rows),
                OfficialDocument.Paragraph(""),
                OfficialDocument.Paragraph(ConsentTexts.ActResponsible, OfficialDocument.Align.Left),
                OfficialDocument.Paragraph(ConsentTexts.ActSignatureBlank + " " + ConsentTexts.ActDateBlank, OfficialDocument.Align.Left),
                OfficialDocument.Paragraph(ConsentTexts.ActCommission, OfficialDocument.Align.Left),
                OfficialDocument.Paragraph(ConsentTexts.ActSignatureBlank, OfficialDocument.Align.Left),
                OfficialDocument.Paragraph(ConsentTexts.ActSignatureBlank, OfficialDocument.Align.Left),
                OfficialDocument.Paragraph(""),
                OfficialDocument.Paragraph(ConsentTexts.ActDraftNote(Local(now, "dd.MM.yyyy")), OfficialDocument.Align.Left));
        });
    }

    /// <summary>The Russian wording of a stored reason.</summary>
    public static string ReasonText(string reason) => reason switch
    {
        PersonalDataErasure.ReasonConsentWithdrawn => "отзыв согласия на обработку персональных данных",
        _ => reason,
    };
}
