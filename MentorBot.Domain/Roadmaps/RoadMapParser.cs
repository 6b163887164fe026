using System.Text.RegularExpressions;

namespace MentorBot.Domain.Roadmaps;

/// <summary>What the parser needs besides the document.</summary>
/// <param name="Today">The current date (injected: the year falls back to it when the document names none).</param>
/// <param name="Year">An explicit year (<c>--year</c>) that overrides the document's; <see cref="RoadMap.MinYear"/>–<see cref="RoadMap.MaxYear"/>.</param>
public sealed record RoadMapParseOptions(DateOnly Today, int? Year = null);

/// <summary>
/// Reads the text of a road-map document — a title block (approval, organisation, title) and a
/// table of tab-separated rows — into a <see cref="RoadMap"/>. Columns are found by the header's
/// words, never by position; repeated headers, column-number rows, continuation rows, page-break
/// hyphenation, HTML and markdown are handled without special-casing any document. Word and PDF
/// documents come here as the same text (<see cref="RoadMapDocumentText.FromBlocks"/>), so every format
/// goes through the same rules. Nothing is silently dropped (issue 13): a row is a repeated header only
/// when it matches the header row; what is not understood is listed in <see cref="RoadMap.Unrecognised"/>.
/// </summary>
public static partial class RoadMapParser
{
    private enum Column { Ignored, Number, Title, Content, Period, Responsible, Result }

    /// <summary>
    /// Parses <paramref name="document"/>. Throws <see cref="RoadMapFormatException"/> naming the line
    /// when it is empty, binary, or has no recognisable table, and <see cref="ArgumentOutOfRangeException"/>
    /// when <see cref="RoadMapParseOptions.Year"/> is outside <see cref="RoadMap.MinYear"/>–<see cref="RoadMap.MaxYear"/>.
    /// </summary>
    public static RoadMap Parse(string document, RoadMapParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Year is { } explicitYear && !IsValidYear(explicitYear))
        {
            throw new ArgumentOutOfRangeException(nameof(options), explicitYear, $"the year must be {RoadMap.MinYear}–{RoadMap.MaxYear}");
        }

        if (string.IsNullOrWhiteSpace(document))
        {
            throw new RoadMapFormatException(1, "the document is empty");
        }

        var lines = document.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        RejectBinary(lines);

        var headerIndex = Array.FindIndex(lines, line => HeaderColumns(line) is not null);
        if (headerIndex < 0)
        {
            var firstTabbed = Array.FindIndex(lines, line => line.Contains('\t'));
            throw firstTabbed < 0
                ? new RoadMapFormatException(1, "no table found (expected tab-separated rows under a header such as «№ | Наименование этапа | Сроки»)")
                : new RoadMapFormatException(firstTabbed + 1, "no table header with recognisable column names (№, этап, содержание, сроки, ответственный, результат)");
        }

        var titleBlock = TitleBlock.Read(lines[..headerIndex]);
        var unrecognised = titleBlock.Unused.Select(text => new UnrecognisedFragment(null, null, text)).ToList();
        var titleYears = TitleBlock.Years(titleBlock.Title);
        var year = options.Year ?? titleYears?.First ?? titleBlock.ApprovedOn?.Year ?? options.Today.Year;
        var lastYear = titleYears is { } span ? year + (span.Last - span.First) : year;
        var years = new PeriodYears(year, titleYears?.Academic ?? false);

        var header = new Header(lines[headerIndex], HeaderColumns(lines[headerIndex])!);
        var drafts = ReadTable(lines, headerIndex, header, unrecognised);
        if (drafts.Count == 0)
        {
            throw new RoadMapFormatException(headerIndex + 1, "the table header is followed by no stage rows");
        }

        var stages = drafts.Select(draft => draft.Build(years, header.NameOf(Column.Period), unrecognised)).ToList();
        return new RoadMap(titleBlock.Title, titleBlock.Organization, titleBlock.ApprovedOn, year, lastYear, years.AcademicYear,
            stages, unrecognised.OrderBy(f => f.Row ?? 0).ToList());
    }

    /// <summary>
    /// Whether these cells (a row's, left to right) are a road-map table header: at least three cells, two of
    /// them column names the parser knows, one a stage or content column (how a PDF's header row is found).
    /// </summary>
    public static bool IsHeaderRow(IReadOnlyList<string> cells) => HeaderColumns(string.Join('\t', cells)) is not null;

    /// <summary>Whether <paramref name="year"/> may be a road map's year (<see cref="RoadMap.MinYear"/>–<see cref="RoadMap.MaxYear"/>).</summary>
    public static bool IsValidYear(int year) => year is >= RoadMap.MinYear and <= RoadMap.MaxYear;

    /// <summary>The table's header row: each column's role and name, and the key a repeated header matches.</summary>
    private sealed class Header(string line, Column[] columns)
    {
        private readonly string[] names = line.Split('\t').Select(RoadMapText.OneLine).ToArray();

        public Column[] Columns { get; } = columns;

        public string Key { get; } = KeyOf(line);

        /// <summary>The header's own words for a column («Сроки»), or null when it has none.</summary>
        public string? NameOf(Column column) => Array.IndexOf(Columns, column) is var i and >= 0 ? NameAt(i) : null;

        public string? NameAt(int index) => names.Length == 0 ? null : names[Math.Min(index, names.Length - 1)] is { Length: > 0 } name ? name : null;

        /// <summary>
        /// A row repeats the header (after a page break, or at the top of a split table) only when its non-empty
        /// cells equal the header's, letters only and case-insensitively: spaces, markup, «№» and numbering do not
        /// matter. A stage whose title holds a header word («Проведение мероприятий …») is never one.
        /// </summary>
        public static string KeyOf(string line) => string.Join('|', line.Split('\t')
            .Select(cell => new string(RoadMapText.OneLine(cell).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray()))
            .Where(cell => cell.Length > 0));
    }

    private static void RejectBinary(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var bad = lines[i].FirstOrDefault(c => (char.IsControl(c) && c is not '\t' and not '\f') || c == '\uFFFD');
            if (bad != default)
            {
                throw new RoadMapFormatException(i + 1, $"binary or undecodable content (character U+{(int)bad:X4})");
            }
        }
    }

    private static Column[]? HeaderColumns(string line)
    {
        var cells = line.Split('\t');
        if (cells.Length < 3)
        {
            return null;
        }

        var columns = new Column[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var role = ColumnOf(RoadMapText.OneLine(cells[i]).ToLowerInvariant());
            columns[i] = columns.Contains(role) ? Column.Ignored : role;
        }

        var known = columns.Count(c => c != Column.Ignored);
        return known >= 2 && (columns.Contains(Column.Title) || columns.Contains(Column.Content)) ? columns : null;
    }

    private static Column ColumnOf(string header) => header switch
    {
        "" => Column.Ignored,
        _ when header.Contains("срок") || header.Contains("дата проведения") || header.Contains("период") => Column.Period,
        _ when header.Contains("ответствен") || header.Contains("исполнител") => Column.Responsible,
        _ when header.Contains("результат") => Column.Result,
        _ when header.Contains('№') || header.Contains("п/п") => Column.Number,
        _ when header.Contains("содержание") || header.Contains("мероприят") || header.Contains("деятельност") => Column.Content,
        _ when header.Contains("этап") || header.Contains("наименование") || header.Contains("направлени") => Column.Title,
        _ => Column.Ignored,
    };

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)*)\.?(?:\s+|$)(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\d+(?:\.\d+)+$")]
    private static partial Regex ActivityNumber();

    private static List<StageDraft> ReadTable(string[] lines, int headerIndex, Header header, List<UnrecognisedFragment> unrecognised)
    {
        var columns = header.Columns;
        var stages = new List<StageDraft>();
        var tableRow = 1;
        var hasContent = columns.Contains(Column.Content);
        var hasTitle = columns.Contains(Column.Title);
        var textColumn = hasContent ? Column.Content : Column.Title;

        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            tableRow++;
            if (Header.KeyOf(line) == header.Key)
            {
                continue;
            }

            var raw = line.Split('\t');
            if (raw.Length == 1)
            {
                // A line with no tab is a cell broken off by a page break, or a page number.
                if (Regex.IsMatch(line.Trim(), @"^\d+$"))
                {
                    continue;
                }

                raw = new string[columns.Length];
                Array.Fill(raw, "");
                raw[Array.IndexOf(columns, textColumn)] = line;
            }

            if (IsColumnNumbering(raw))
            {
                continue;
            }

            var cells = new Dictionary<Column, string>();
            for (var c = 0; c < raw.Length; c++)
            {
                var column = columns[Math.Min(c, columns.Length - 1)];
                var value = RoadMapText.Clean(raw[c]);
                if (column == Column.Ignored)
                {
                    // A column the parser has no use for («Примечание», a second «Сроки»): listed, never dropped.
                    if (value.Length > 0) unrecognised.Add(new UnrecognisedFragment(tableRow, header.NameAt(c), value.Replace('\n', ' ')));
                    continue;
                }

                cells[column] = cells.TryGetValue(column, out var earlier) && earlier.Length > 0 ? RoadMapText.Glue(earlier, value, " ") : value;
            }

            string Cell(Column column) => cells.GetValueOrDefault(column, "");

            var number = Cell(Column.Number).TrimEnd('.').Trim();
            var numberedText = !columns.Contains(Column.Number) ? LeadingNumber().Match(Cell(hasTitle ? Column.Title : textColumn)) : Match.Empty;
            if (numberedText.Success)
            {
                number = numberedText.Groups["n"].Value;
                cells[hasTitle ? Column.Title : textColumn] = numberedText.Groups["rest"].Value.Trim();
            }

            var row = new RowCells(Cell(textColumn), Cell(Column.Period), Cell(Column.Responsible), Cell(Column.Result), tableRow);
            if (number.Length == 0)
            {
                if (stages.Count == 0)
                {
                    if (row.IsEmpty && Cell(Column.Title).Length == 0)
                    {
                        continue;
                    }

                    throw new RoadMapFormatException(i + 1, "a continuation row comes before any numbered stage row");
                }

                stages[^1].Continue(hasTitle && hasContent ? Cell(Column.Title) : "", row);
            }
            else if (ActivityNumber().IsMatch(number))
            {
                if (stages.Count == 0)
                {
                    throw new RoadMapFormatException(i + 1, $"activity {number} comes before any numbered stage row");
                }

                var text = hasTitle && hasContent && Cell(Column.Title).Length > 0
                    ? (row.Text.Length > 0 ? $"{Cell(Column.Title)}: {row.Text}" : Cell(Column.Title))
                    : row.Text;
                stages[^1].AddActivity(number, row with { Text = text });
            }
            else
            {
                var title = Cell(hasTitle ? Column.Title : textColumn);
                stages.Add(new StageDraft(number, title, hasTitle && hasContent ? row : row with { Text = "" }));
            }
        }

        return stages;
    }

    /// <summary>The «1 | 2 | 3» row some documents put under the header to number the columns.</summary>
    private static bool IsColumnNumbering(string[] raw)
    {
        var cells = raw.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return cells.Count >= 3 && cells.Select((c, i) => c == (i + 1).ToString()).All(ok => ok);
    }

    private sealed record RowCells(string Text, string Periods, string Responsible, string Result, int Row)
    {
        public bool IsEmpty => Text.Length == 0 && Periods.Length == 0 && Responsible.Length == 0 && Result.Length == 0;
    }

    /// <summary>A stage-level content row or a numbered sub-row, with the continuation fragments glued on.</summary>
    private sealed class Segment(string? number, RowCells cells)
    {
        public string? Number { get; } = number;

        /// <summary>The table row the segment starts on (where its unrecognised periods are reported).</summary>
        public int Row { get; } = cells.Row;

        public string Text { get; set; } = cells.Text;

        public string Periods { get; set; } = cells.Periods;

        public string Responsible { get; set; } = cells.Responsible;

        public string Result { get; set; } = cells.Result;

        public void Glue(RowCells fragment)
        {
            Text = RoadMapText.Glue(Text, fragment.Text, " ");
            Periods = RoadMapText.Glue(Periods, fragment.Periods, " ");
            Responsible = RoadMapText.Glue(Responsible, fragment.Responsible, "\n");
            Result = RoadMapText.Glue(Result, fragment.Result, " ");
        }
    }

    private sealed class StageDraft(string number, string title, RowCells row)
    {
        private readonly List<Segment> segments = [new Segment(null, row)];

        private string title = title;

        public void AddActivity(string activityNumber, RowCells cells) => segments.Add(new Segment(activityNumber, cells));

        /// <summary>
        /// A row with an empty number cell: new items of the stage's content when it starts like an
        /// item (a list marker or a capital letter) next to stage-level content; otherwise the rest of
        /// the row above, cut by a page break (extra text, periods, responsible persons).
        /// </summary>
        public void Continue(string titleFragment, RowCells cells)
        {
            title = RoadMapText.Glue(title, titleFragment, " ");
            var last = segments[^1];
            if (last.Number is null && last.Text.Length > 0 && ContentItems.StartsNewItem(cells.Text))
            {
                segments.Add(new Segment(null, cells));
            }
            else
            {
                last.Glue(cells);
            }
        }

        public Stage Build(PeriodYears years, string? periodColumn, List<UnrecognisedFragment> unrecognised)
        {
            var (name, task, titleResult) = SplitTitle(title.Replace('\n', ' '));
            var activities = new List<Activity>();
            var periods = new List<Period>();
            var persons = new List<string>();
            foreach (var segment in segments)
            {
                var segmentPeriods = PeriodPhrases.Parse(segment.Periods.Replace('\n', ' '), years);
                var segmentPersons = ResponsiblePersons.Split(segment.Responsible);
                // A phrase with no dates is kept on its item (the curator can fix it) and listed.
                unrecognised.AddRange(segmentPeriods.Where(p => p is { Start: null, Recurrence: Recurrence.None })
                    .Select(p => new UnrecognisedFragment(segment.Row, periodColumn, p.Text)));
                periods.AddRange(segmentPeriods);
                persons.AddRange(segmentPersons);
                if (segment.Number is not null)
                {
                    activities.Add(new Activity(segment.Number, segment.Text.Replace('\n', ' '), segmentPersons, segmentPeriods));
                    continue;
                }

                var items = ContentItems.Split(segment.Text);
                // «Февраль-июнь 2023 Апрель-июнь 2023» beside as many items: the n-th period is the n-th item's.
                // Only dated ranges pair: «сентябрь (дополнительно по запросу)» qualifies every item.
                var paired = items.Count > 1 && segmentPeriods.Count == items.Count && segmentPeriods.All(p => p.Start is not null);
                activities.AddRange(items.Select((item, i) => new Activity(null, item, segmentPersons, paired ? [segmentPeriods[i]] : segmentPeriods)));
            }

            var results = new[] { titleResult ?? "" }.Concat(segments.Select(s => s.Result.Replace('\n', ' ')))
                .Where(r => r.Length > 0).Distinct().ToList();
            return new Stage(number, name, task, results.Count > 0 ? string.Join("; ", results) : null,
                persons.DistinctBy(p => p.ToLowerInvariant()).ToList(), periods.Distinct().ToList(), activities);
        }
    }

    [GeneratedRegex(@"\s*\bЗадач[аи]\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TaskLabel();

    [GeneratedRegex(@"\s*\b(?:Ожидаемы[йе]\s+)?Результат[ыа]?\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ResultLabel();

    /// <summary>Splits «Подготовка условий Задача: … Результат: …» into title, task and expected result.</summary>
    private static (string Title, string? Task, string? Result) SplitTitle(string cell)
    {
        string? result = null;
        var resultMatch = ResultLabel().Match(cell);
        if (resultMatch.Success)
        {
            result = cell[(resultMatch.Index + resultMatch.Length)..].Trim();
            cell = cell[..resultMatch.Index];
        }

        string? task = null;
        var taskMatch = TaskLabel().Match(cell);
        if (taskMatch.Success)
        {
            task = cell[(taskMatch.Index + taskMatch.Length)..].Trim();
            cell = cell[..taskMatch.Index];
        }

        return (cell.Trim().TrimEnd('.', ';', ','), NullIfEmpty(task), NullIfEmpty(result));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
