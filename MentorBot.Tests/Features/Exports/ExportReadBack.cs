using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace MentorBot.Tests.Features.Exports;

/// <summary>Reads produced files back the way a spreadsheet would, to assert what a curator sees.</summary>
public static class ExportReadBack
{
    private static readonly NumberFormatInfo Russian = new() { NumberDecimalSeparator = "," };

    /// <summary>A CSV export's records (header first), after checking the BOM and the ';' separator.</summary>
    public static IReadOnlyList<string[]> Csv(byte[] bytes)
    {
        bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "Excel needs the UTF-8 BOM to read Cyrillic");
        var options = CsvReaderOptions.Default with { Separator = ';', HasHeader = false };
        using var reader = CsvReader.Create(bytes, options);
        var records = new List<string[]>();
        while (reader.Read()) records.Add(reader.Current.ToArray());
        return records;
    }

    /// <summary>One cell of a sheet as read back: its text, and whether it is a real date cell.</summary>
    public sealed record XlsxCell(string Text, bool IsDate, bool IsNumber);

    /// <summary>An XLSX export's sheet: name, rows (header first) and the frozen pane, after validating the package.</summary>
    public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxCell[]> Rows, Pane? Pane, IReadOnlyList<double> Widths, bool HeaderBold);

    public static XlsxSheet Xlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).Should().BeEmpty();
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var numberFormats = styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var fonts = styles.Fonts!.Elements<Font>().ToList();

        var width = part.Worksheet.GetFirstChild<Columns>()!.Elements<Column>().Count();
        var rows = new List<XlsxCell[]>();
        foreach (var row in part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
        {
            var cells = Enumerable.Repeat(new XlsxCell("", false, false), width).ToArray();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                if (cell.DataType?.Value == CellValues.InlineString)
                {
                    cells[column] = new XlsxCell(cell.InlineString!.InnerText, false, false);
                    continue;
                }

                var number = double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
                var format = cell.StyleIndex is { } style ? numberFormats.GetValueOrDefault(formats[(int)style.Value].NumberFormatId!.Value) : null;
                cells[column] = format switch
                {
                    "dd.mm.yyyy" => new XlsxCell(DateTime.FromOADate(number).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), true, false),
                    "dd.mm.yyyy hh:mm" => new XlsxCell(DateTime.FromOADate(number).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture), true, false),
                    _ => new XlsxCell(number.ToString("0.##", Russian), false, true),
                };
            }

            rows.Add(cells);
        }

        var headerCell = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First().Elements<Cell>().First();
        var headerBold = fonts[(int)formats[(int)headerCell.StyleIndex!.Value].FontId!.Value].Bold is not null;
        var pane = part.Worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
        var widths = part.Worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
        return new XlsxSheet(sheet.Name!.Value!, rows, pane, widths, headerBold);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (c - 'A' + 1);
        return index - 1;
    }
}
