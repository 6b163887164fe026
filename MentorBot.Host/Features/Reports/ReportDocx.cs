using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MentorBot.Domain.Reports;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace MentorBot.Host.Features.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as DOCX with the Open XML SDK: the organisation and title on top, headings,
/// paragraphs, bordered tables, charts as inline PNG pictures (<see cref="ChartImage"/>), signature lines. Reproducible:
/// part relationships carry fixed ids and every zip entry the report's date, so the same report gives the same bytes.
/// </summary>
public static class ReportDocx
{
    private const long ChartWidthEmu = 6_000_000; // about 16.7 cm: the text width of an A4 page with 2 cm margins

    /// <summary>The DOCX bytes of <paramref name="report"/>.</summary>
    public static byte[] Write(ReportDocument report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(
                Paragraph(report.OrganisationName, bold: true, center: true),
                Paragraph(report.Title, bold: true, center: true, size: 32),
                Paragraph(report.Subtitle, center: true));
            var chart = 0;
            foreach (var block in report.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h:
                        body.Append(Paragraph(h.Text, bold: true, size: h.Level == 1 ? 28 : 24, keepNext: true));
                        break;
                    case ParagraphBlock p:
                        body.Append(Paragraph(p.Text, p.Bold, p.Center));
                        break;
                    case TableBlock t:
                        body.Append(Table(t));
                        body.Append(Paragraph(""));
                        break;
                    case ChartBlock c:
                        chart++;
                        var id = "rIdChart" + chart.ToString(CultureInfo.InvariantCulture);
                        var part = main.AddImagePart(ImagePartType.Png, id);
                        using (var png = new MemoryStream(ChartImage.Render(c.Chart))) part.FeedData(png);
                        body.Append(Picture(id, chart, c.Chart.Title));
                        break;
                }
            }

            body.Append(Paragraph(""));
            foreach (var line in report.Signatures) body.Append(Paragraph(line));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return Normalise(stream.ToArray(), report.Date);
    }

    /// <summary>
    /// Rewrites the package so it depends on nothing but its content: entries in a fixed order, each dated
    /// <paramref name="date"/>, and the generated relationship id of the main part replaced by a fixed one.
    /// </summary>
    private static byte[] Normalise(byte[] package, DateOnly date)
    {
        var stamp = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var entries = new List<(string Name, byte[] Content)>();
        using (var archive = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                using var content = entry.Open();
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                entries.Add((entry.FullName, copy.ToArray()));
            }
        }

        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries.OrderBy(e => e.Name == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal))
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var target = entry.Open();
                target.Write(name == "_rels/.rels" ? FixRelationshipIds(content) : content);
            }
        }

        return output.ToArray();
    }

    /// <summary>The package's own relationships (<c>_rels/.rels</c>) get ids R1, R2… in order instead of the SDK's random ones.</summary>
    private static byte[] FixRelationshipIds(byte[] rels)
    {
        var xml = System.Xml.Linq.XDocument.Load(new MemoryStream(rels));
        var number = 0;
        foreach (var relationship in xml.Root!.Elements())
            relationship.SetAttributeValue("Id", "R" + (++number).ToString(CultureInfo.InvariantCulture));
        using var output = new MemoryStream();
        xml.Save(output, System.Xml.Linq.SaveOptions.DisableFormatting);
        return output.ToArray();
    }

    private static Table Table(TableBlock block)
    {
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(borders, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(block.Header, header: true));
        foreach (var row in block.Rows) table.Append(Row(row, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        row.Append(cells.Select(text => new TableCell(Paragraph(text, bold: header, size: 20))));
        return row;
    }

    private static Paragraph Paragraph(string text, bool bold = false, bool center = false, int? size = null, bool keepNext = false)
    {
        var paragraph = new Paragraph();
        var properties = new ParagraphProperties();
        if (keepNext) properties.Append(new KeepNext());
        if (center) properties.Append(new Justification { Val = JustificationValues.Center });
        if (properties.HasChildren) paragraph.Append(properties);
        var run = new Run();
        var runProperties = new RunProperties();
        if (bold) runProperties.Append(new Bold());
        if (size is { } halfPoints) runProperties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        if (runProperties.HasChildren) run.Append(runProperties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>An inline picture of image part <paramref name="relationshipId"/> (the Open XML SDK's documented drawing shape).</summary>
    private static Paragraph Picture(string relationshipId, int number, string title)
    {
        var cx = ChartWidthEmu;
        var cy = ChartWidthEmu * ChartImage.Height / ChartImage.Width;
        var id = (uint)number;
        var name = "chart" + number.ToString(CultureInfo.InvariantCulture) + ".png";
        var graphic = new A.Graphic(new A.GraphicData(
            new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name },
                    new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = "Chart " + number.ToString(CultureInfo.InvariantCulture), Description = title },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline)));
    }
}
