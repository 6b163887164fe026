using System.Globalization;

namespace MentorBot.Domain.Exports;

/// <summary>How a column's values are typed, so a spreadsheet gets real numbers and dates.</summary>
public enum ExportValueKind
{
    /// <summary>Free text (<see cref="string"/>).</summary>
    Text,

    /// <summary>A number (<see cref="long"/> or <see cref="double"/>).</summary>
    Number,

    /// <summary>A calendar date (<see cref="DateOnly"/>), local to the organisation.</summary>
    Date,

    /// <summary>A local date and time (<see cref="DateTime"/>, wall clock of the organisation's time zone).</summary>
    DateTime,
}

/// <summary>A column of an export: its Russian header and its value kind.</summary>
/// <param name="Header">What the header row shows («ФИО», «Дата встречи»).</param>
/// <param name="Kind">The type of its values.</param>
public sealed record ExportColumn(string Header, ExportValueKind Kind);

/// <summary>
/// An export as rows under typed columns, before it becomes CSV or XLSX. A cell is null (empty) or of its
/// column's kind: <see cref="string"/>, <see cref="long"/>/<see cref="double"/>, <see cref="DateOnly"/>, <see cref="DateTime"/>.
/// </summary>
public sealed class ExportTable
{
    /// <summary>Builds a table, checking every row's width and every cell's type against the columns.</summary>
    /// <exception cref="ArgumentException">A row of the wrong width or a cell of the wrong type (a shaping bug).</exception>
    public ExportTable(string title, IReadOnlyList<ExportColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns.Count)
                throw new ArgumentException($"row {r} has {rows[r].Count} cells for {columns.Count} columns", nameof(rows));
            for (var c = 0; c < columns.Count; c++)
                if (!Fits(columns[c].Kind, rows[r][c]))
                    throw new ArgumentException($"row {r}, column «{columns[c].Header}»: {rows[r][c]!.GetType().Name} is not {columns[c].Kind}", nameof(rows));
        }

        Title = title;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The table's name: the sheet name (≤ 31 characters, Excel's limit) and the start of the file name.</summary>
    public string Title { get; }

    /// <summary>The columns, left to right.</summary>
    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The data rows (the header is not among them).</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>
    /// A sensible width of column <paramref name="index"/> in characters: the longest of the header and the
    /// cells' text plus a margin, between 8 and 60 (longer text wraps in the cell rather than making the sheet unreadable).
    /// </summary>
    public double Width(int index)
    {
        var longest = Columns[index].Header.Length;
        foreach (var row in Rows)
            longest = Math.Max(longest, Text(row[index]).Length);
        return Math.Clamp(longest + 2, 8, 60);
    }

    /// <summary>
    /// A cell as text the way a Russian reader writes it: dates «02.09.2026», date-times «02.09.2026 14:30»,
    /// numbers with a decimal comma and at most two decimals, empty for null.
    /// </summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("0.##", DecimalComma),
        DateOnly date => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"unsupported cell {value.GetType().Name}", nameof(value)),
    };

    /// <summary>Numbers as Russians write them: a decimal comma, «-» for negatives.</summary>
    public static NumberFormatInfo DecimalComma { get; } = NumberFormatInfo.ReadOnly(new() { NumberDecimalSeparator = ",", NegativeSign = "-" });

    private static bool Fits(ExportValueKind kind, object? value) => value is null || kind switch
    {
        ExportValueKind.Text => value is string,
        ExportValueKind.Number => value is long or double,
        ExportValueKind.Date => value is DateOnly,
        ExportValueKind.DateTime => value is DateTime,
        _ => false,
    };
}
