using System.Text.RegularExpressions;

namespace MentorBot.Domain.Roadmaps;

/// <summary>What the parser needs besides the document.</summary>
/// <param name="Today">The current date (injected: the year falls back to it when the document names none).</param>
/// <param name="Year">An explicit year (<c>--year</c>) that overrides the document's.</param>
public sealed record RoadMapParseOptions(DateOnly Today, int? Year = null);

/// <summary>
/// Reads the text of a road-map document — a title block (approval, organisation, title) and a
/// table of tab-separated rows — into a <see cref="RoadMap"/>. Columns are found by the header's
/// words, never by position; repeated headers, column-number rows, continuation rows, page-break
/// hyphenation, HTML and markdown are handled without special-casing any document.
/// </summary>
public static partial class RoadMapParser
{
    private enum Column { Ignored, Number, Title, Content, Period, Responsible, Result }

    /// <summary>
    /// Parses <paramref name="document"/>. Throws <see cref="RoadMapFormatException"/> naming the line
    /// when it is empty, binary, or has no recognisable table.
    /// </summary>
    public static RoadMap Parse(string document, RoadMapParseOptions options)
    {
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
        var titleYears = TitleBlock.Years(titleBlock.Title);
        var year = options.Year ?? titleYears?.First ?? titleBlock.ApprovedOn?.Year ?? options.Today.Year;
        var lastYear = titleYears is { } span ? year + (span.Last - span.First) : year;
        var years = new PeriodYears(year, titleYears?.Academic ?? false);

        var drafts = ReadTable(lines, headerIndex, HeaderColumns(lines[headerIndex])!);
        if (drafts.Count == 0)
        {
            throw new RoadMapFormatException(headerIndex + 1, "the table header is followed by no stage rows");
        }

        return new RoadMap(titleBlock.Title, titleBlock.Organization, titleBlock.ApprovedOn, year, lastYear, years.AcademicYear,
            drafts.Select(draft => draft.Build(years)).ToList());
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

    private static List<StageDraft> ReadTable(string[] lines, int headerIndex, Column[] columns)
    {
        var stages = new List<StageDraft>();
        var hasContent = columns.Contains(Column.Content);
        var hasTitle = columns.Contains(Column.Title);
        var textColumn = hasContent ? Column.Content : Column.Title;

        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) || HeaderColumns(line) is not null)
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

            var cells = new Dictionary<Column, string>();
            for (var c = 0; c < raw.Length; c++)
            {
                var column = columns[Math.Min(c, columns.Length - 1)];
                var value = RoadMapText.Clean(raw[c]);
                cells[column] = cells.TryGetValue(column, out var earlier) && earlier.Length > 0 ? RoadMapText.Glue(earlier, value, " ") : value;
            }

            string Cell(Column column) => cells.GetValueOrDefault(column, "");

            if (IsColumnNumbering(raw))
            {
                continue;
            }

            var number = Cell(Column.Number).TrimEnd('.').Trim();
            var numberedText = !columns.Contains(Column.Number) ? LeadingNumber().Match(Cell(hasTitle ? Column.Title : textColumn)) : Match.Empty;
            if (numberedText.Success)
            {
                number = numberedText.Groups["n"].Value;
                cells[hasTitle ? Column.Title : textColumn] = numberedText.Groups["rest"].Value.Trim();
            }

            var row = new RowCells(Cell(textColumn), Cell(Column.Period), Cell(Column.Responsible), Cell(Column.Result), i + 1);
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

    private sealed record RowCells(string Text, string Periods, string Responsible, string Result, int Line)
    {
        public bool IsEmpty => Text.Length == 0 && Periods.Length == 0 && Responsible.Length == 0 && Result.Length == 0;
    }

    /// <summary>A stage-level content row or a numbered sub-row, with the continuation fragments glued on.</summary>
    private sealed class Segment(string? number, RowCells cells)
    {
        public string? Number { get; } = number;

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

        public Stage Build(PeriodYears years)
        {
            var (name, task, titleResult) = SplitTitle(title.Replace('\n', ' '));
            var activities = new List<Activity>();
            var periods = new List<Period>();
            var persons = new List<string>();
            foreach (var segment in segments)
            {
                var segmentPeriods = PeriodPhrases.Parse(segment.Periods.Replace('\n', ' '), years);
                var segmentPersons = ResponsiblePersons.Split(segment.Responsible);
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
