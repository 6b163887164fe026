using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MentorBot.Domain.Exports;

namespace MentorBot.Host.Features.Exports;

/// <summary>Writes an <see cref="ExportTable"/> as a CSV or XLSX file's bytes (issue 7 «Exports»).</summary>
public static class ExportFile
{
    /// <summary>The file's bytes in <paramref name="format"/>.</summary>
    public static byte[] Write(ExportTable table, ExportFormat format) => format == ExportFormat.Xlsx ? Xlsx(table) : Csv(table);

    /// <summary>
    /// CSV as Excel in a Russian locale opens it by double-click: UTF-8 with a BOM, <c>;</c> between fields
    /// (the list separator there, since <c>,</c> is the decimal comma), CRLF records, dates «dd.MM.yyyy».
    /// Text starting with <c>= + - @</c> gets a leading apostrophe so Excel never runs it as a formula
    /// (CSV injection); numbers are written as numbers, so a negative change stays «-2».
    /// </summary>
    public static byte[] Csv(ExportTable table)
    {
        using var stream = new MemoryStream();
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(table.Columns.Select(c => c.Header).ToArray());
            foreach (var row in table.Rows)
            {
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case long number: csv.WriteField(number, default); break;
                        case double number: csv.WriteField(number, "0.##", ExportTable.DecimalComma); break;
                        default: csv.WriteField(ExportTable.Text(value)); break;
                    }
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>Number format ids of our own (ids below 164 are Excel's built-in, locale-dependent ones).</summary>
    private const uint DateFormatId = 164, DateTimeFormatId = 165;

    /// <summary>Cell style indexes of <see cref="Stylesheet"/>: 0 default, 1 bold header, 2 date, 3 date and time, 4 wrapped text.</summary>
    private const uint HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3, TextStyle = 4;

    /// <summary>
    /// An Excel workbook of one sheet: a bold header row frozen at the top, column widths from the content,
    /// numbers as numbers and dates as real date cells (serial numbers with a «dd.mm.yyyy» format).
    /// </summary>
    public static byte[] Xlsx(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();

            var columns = new Columns();
            for (var i = 0; i < table.Columns.Count; i++)
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = table.Width(i), CustomWidth = true });

            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            for (var i = 0; i < table.Columns.Count; i++)
                header.Append(TextCell(Reference(i, 1), table.Columns[i].Header, HeaderStyle));
            data.Append(header);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var rowIndex = (uint)r + 2;
                var row = new Row { RowIndex = rowIndex };
                for (var i = 0; i < table.Columns.Count; i++)
                    if (Cell(Reference(i, rowIndex), table.Rows[r][i]) is { } cell) row.Append(cell);
                data.Append(row);
            }

            var frozen = new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 };
            sheetPart.Worksheet = new Worksheet(new SheetViews(frozen), columns, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Title) }));
        }

        return stream.ToArray();
    }

    private static Cell? Cell(string reference, object? value) => value switch
    {
        null => null,
        string text => TextCell(reference, text, TextStyle),
        long number => NumberCell(reference, number.ToString(CultureInfo.InvariantCulture), null),
        double number => NumberCell(reference, number.ToString("R", CultureInfo.InvariantCulture), null),
        DateOnly date => NumberCell(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), DateStyle),
        DateTime moment => NumberCell(reference, moment.ToOADate().ToString("R", CultureInfo.InvariantCulture), DateTimeStyle),
        _ => throw new ArgumentException($"unsupported cell {value.GetType().Name}", nameof(value)),
    };

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
        };

    private static Cell NumberCell(string reference, string number, uint? style)
    {
        var cell = new Cell(new CellValue(number)) { CellReference = reference };
        if (style is { } index) cell.StyleIndex = index;
        return cell;
    }

    /// <summary>«A1»-style reference of a zero-based column and a one-based row.</summary>
    private static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Excel's sheet-name rules: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string title)
    {
        var name = new string(title.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim();
        return name.Length == 0 ? "Лист1" : name.Length > 31 ? name[..31] : name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd.mm.yyyy" },
            new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "dd.mm.yyyy hh:mm" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateTimeFormatId, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { ApplyAlignment = true }) { Count = 5 });
}
