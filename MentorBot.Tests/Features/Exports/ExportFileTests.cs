using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using MentorBot.Domain.Exports;
using MentorBot.Host.Features.Exports;

namespace MentorBot.Tests.Features.Exports;

public sealed class ExportFileTests
{
    private static readonly ExportTable Table = new("Встречи",
        [
            new("ФИО", ExportValueKind.Text), new("Длительность, мин", ExportValueKind.Number), new("Изменение", ExportValueKind.Number),
            new("Дата встречи", ExportValueKind.Date), new("Записана", ExportValueKind.DateTime), new("Тема", ExportValueKind.Text),
        ],
        [
            ["Иванова Мария; «Петровна»", 45L, -1.5, new DateOnly(2026, 9, 10), new DateTime(2026, 9, 10, 14, 30, 0), "=HYPERLINK(\"x\")"],
            ["Петров Пётр", null, 2L, null, null, null],
        ]);

    [Fact]
    public void Csv_is_utf8_with_bom_semicolon_separated_with_russian_dates_and_decimal_commas()
    {
        var bytes = ExportFile.Csv(Table);

        var records = ExportReadBack.Csv(bytes);
        records[0].Should().Equal("ФИО", "Длительность, мин", "Изменение", "Дата встречи", "Записана", "Тема");
        records[1].Should().Equal("Иванова Мария; «Петровна»", "45", "-1,5", "10.09.2026", "10.09.2026 14:30", "'=HYPERLINK(\"x\")");
        records[2].Should().Equal("Петров Пётр", "", "2", "", "", "");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.Should().StartWith("ФИО;Длительность, мин;Изменение;Дата встречи;Записана;Тема\r\n");
    }

    [Fact]
    public void Xlsx_has_a_bold_frozen_header_sensible_widths_and_real_date_cells()
    {
        var sheet = ExportReadBack.Xlsx(ExportFile.Xlsx(Table));

        sheet.Name.Should().Be("Встречи");
        sheet.HeaderBold.Should().BeTrue();
        sheet.Pane!.State!.Value.Should().Be(PaneStateValues.Frozen);
        sheet.Pane.VerticalSplit!.Value.Should().Be(1);
        sheet.Pane.TopLeftCell!.Value.Should().Be("A2");
        sheet.Rows[0].Select(c => c.Text).Should().Equal("ФИО", "Длительность, мин", "Изменение", "Дата встречи", "Записана", "Тема");
        sheet.Rows[1].Select(c => c.Text).Should().Equal("Иванова Мария; «Петровна»", "45", "-1,5", "10.09.2026", "10.09.2026 14:30", "=HYPERLINK(\"x\")");
        sheet.Rows[1][3].IsDate.Should().BeTrue();
        sheet.Rows[1][4].IsDate.Should().BeTrue();
        sheet.Rows[1][1].IsNumber.Should().BeTrue();
        sheet.Rows[2].Select(c => c.Text).Should().Equal("Петров Пётр", "", "2", "", "", "");
        sheet.Widths[0].Should().Be("Иванова Мария; «Петровна»".Length + 2);
        sheet.Widths.Should().OnlyContain(w => w >= 8 && w <= 60);
    }

    [Fact]
    public void A_cell_of_the_wrong_kind_is_a_shaping_bug()
    {
        var build = () => new ExportTable("x", [new("Дата", ExportValueKind.Date)], [["10.09.2026"]]);

        build.Should().Throw<ArgumentException>().WithMessage("*Дата*");
    }
}
