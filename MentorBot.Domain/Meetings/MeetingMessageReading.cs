using System.Globalization;
using System.Text.RegularExpressions;
using static MentorBot.Domain.Meetings.MeetingWords;

namespace MentorBot.Domain.Meetings;

/// <summary>Which part of a meeting message a run of tokens was taken for.</summary>
internal enum MessagePart
{
    Date,
    Duration,
    Kind,
    Format,

    /// <summary>A time of day («в 15:00»): not a duration, and not a topic either.</summary>
    ClockTime,

    /// <summary>«тема», «на тему»: what follows is the topic.</summary>
    TopicMarker,
}

/// <summary>One run of tokens taken for a part, with its value (a <see cref="MeetingDateSpec"/>, minutes, a kind or a format).</summary>
internal sealed record MessageFinding(MessagePart Part, int First, int Last, object? Value);

/// <summary>
/// One reading of a meeting message. Readers run in a fixed order — durations (they own numbers
/// followed by a unit, so «1.5 ч» is never 1 May), dates, kinds, formats, the topic marker — and
/// each takes only tokens nobody took before. The topic is what is left: after «тема» the mentor's
/// own words verbatim; otherwise the remaining words, cut at punctuation and at taken tokens, with
/// filler words trimmed from the edges.
/// </summary>
internal sealed class MeetingMessageReading
{
    private static readonly HashSet<string> Separators = [",", ";", ":", "!", "?", "(", ")", "—", "–", "-", "…", "\n", "."];
    private static readonly HashSet<string> Dashes = ["-", "–", "—"];
    private const string TopicEdgeJunk = " \t\r\n\"'«»„“”.,;:!?-—–()…";
    private const decimal LargestQuantity = 100_000m;
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    private readonly string text;
    private readonly List<MessageToken> tokens;
    private readonly MessageFinding?[] owner;
    private readonly List<MessageFinding> findings = [];

    private MeetingMessageReading(string text)
    {
        this.text = text;
        tokens = MessageToken.Split(text);
        owner = new MessageFinding?[tokens.Count];
    }

    /// <summary>The stated date, if any.</summary>
    public MeetingDateSpec? Date => First<MeetingDateSpec>(MessagePart.Date);

    /// <summary>The stated duration in minutes, if any.</summary>
    public int? DurationMinutes => First<int?>(MessagePart.Duration);

    /// <summary>The stated kind, or <c>null</c> when the message names none.</summary>
    public MeetingKind? Kind => First<MeetingKind?>(MessagePart.Kind);

    /// <summary>The stated format, if any.</summary>
    public MeetingFormat? Format => First<MeetingFormat?>(MessagePart.Format);

    /// <summary>The topic, or <c>null</c>.</summary>
    public string? Topic { get; private set; }

    /// <summary>True when the message has «тема».</summary>
    public bool HasTopicMarker => findings.Any(f => f.Part == MessagePart.TopicMarker);

    /// <summary>The normalised words, for the classifier.</summary>
    public IEnumerable<string> Words => tokens.Where(t => t.Type == TokenType.Word).Select(t => t.Text);

    public static MeetingMessageReading Read(string text)
    {
        var reading = new MeetingMessageReading(text);
        reading.ReadDurations();
        reading.ReadDates();
        reading.ReadKinds();
        reading.ReadFormats();
        reading.ReadTopic();
        return reading;
    }

    private T? First<T>(MessagePart part) =>
        findings.Where(f => f.Part == part && f.Value is not null).OrderBy(f => f.First).Select(f => (T?)f.Value).FirstOrDefault();

    // ---- token access ----

    private bool Free(int i) => i >= 0 && i < tokens.Count && owner[i] is null;

    private string? FreeWord(int i) => Free(i) && tokens[i].Type == TokenType.Word ? tokens[i].Text : null;

    private bool FreeWordIs(int i, Keyword keyword) => FreeWord(i) is { } word && keyword.Matches(word);

    private bool IsPunct(int i, ISet<string> marks) => Free(i) && tokens[i].Type == TokenType.Punct && marks.Contains(tokens[i].Text);

    private bool IsPunct(int i, string mark) => Free(i) && tokens[i].Type == TokenType.Punct && tokens[i].Text == mark;

    private int? FreeInteger(int i) =>
        Free(i) && tokens[i].Type == TokenType.Number && tokens[i].Raw.All(char.IsAsciiDigit) && tokens[i].Raw.Length <= 6
            ? int.Parse(tokens[i].Raw, CultureInfo.InvariantCulture)
            : null;

    private void Take(MessagePart part, int first, int last, object? value)
    {
        var finding = new MessageFinding(part, first, last, value);
        findings.Add(finding);
        for (var i = first; i <= last; i++)
        {
            owner[i] = finding;
        }
    }

    private void Release(MessageFinding finding)
    {
        findings.Remove(finding);
        for (var i = finding.First; i <= finding.Last; i++)
        {
            owner[i] = null;
        }
    }

    // ---- durations ----

    private void ReadDurations()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Free(i))
            {
                _ = TryClockRange(i) || TryClockTime(i) || TryQuantityThenUnit(i) || TryUnitThenQuantity(i) || TryHourWord(i);
            }
        }
    }

    /// <summary>«с 15:00 до 15:45», «15:00–15:45», «с 15 до 16»: the difference is the duration.</summary>
    private bool TryClockRange(int i)
    {
        var start = FreeWordIs(i, With) ? i + 1 : i;
        if (ReadClock(start, requireColon: start == i) is not { } from)
        {
            return false;
        }

        var dash = IsPunct(from.Next, Dashes);
        if (!dash && !FreeWordIs(from.Next, Until))
        {
            return false;
        }

        if (ReadClock(from.Next + 1, requireColon: dash || start == i) is not { } to)
        {
            return false;
        }

        var last = FreeWordIs(to.Next, HourUnit) ? to.Next : to.Next - 1;
        var minutes = to.Minutes - from.Minutes;
        Take(minutes > 0 ? MessagePart.Duration : MessagePart.ClockTime, i, last, minutes > 0 ? minutes : null);
        return true;
    }

    /// <summary>«в 15:00», «к 9:30», «в 3 часа»: a time of day, taken so it is neither a duration nor a topic.</summary>
    private bool TryClockTime(int i)
    {
        if (ReadClock(i, requireColon: true) is { } clock)
        {
            var first = FreeWord(i - 1) is { } before && BeforeClockTime.Contains(before) ? i - 1 : i;
            Take(MessagePart.ClockTime, first, clock.Next - 1, null);
            return true;
        }

        if (FreeWord(i) is { } word && BeforeClockTime.Contains(word) && FreeInteger(i + 1) is >= 0 and <= 23
            && FreeWord(i + 2) is { } unit && unit != "ч" && HourUnit.Matches(unit))
        {
            Take(MessagePart.ClockTime, i, i + 2, null);
            return true;
        }

        return false;
    }

    private (int Minutes, int Next)? ReadClock(int i, bool requireColon)
    {
        if (FreeInteger(i) is not (>= 0 and <= 23) || tokens[i].Raw.Length > 2)
        {
            return null;
        }

        var hours = FreeInteger(i)!.Value;
        if (IsPunct(i + 1, ":") && Free(i + 2) && tokens[i + 2].Raw.Length == 2 && FreeInteger(i + 2) is >= 0 and <= 59)
        {
            return (hours * 60 + FreeInteger(i + 2)!.Value, i + 3);
        }

        return requireColon ? null : (hours * 60, i + 1);
    }

    /// <summary>«40 минут», «1,5 часа», «полтора часа», «1ч 15мин», «два с половиной часа», «30-40 минут».</summary>
    private bool TryQuantityThenUnit(int i)
    {
        if (ReadQuantity(i) is not { } quantity)
        {
            return false;
        }

        var value = quantity.Value;
        var next = quantity.Next;
        if (IsPunct(next, Dashes) && ReadQuantity(next + 1) is { } upper && !upper.IsHalf)
        {
            // «30-40 минут»: the mentor does not know exactly; the middle is the fairest single number.
            value = (value + upper.Value) / 2;
            next = upper.Next;
        }

        if (FreeWordIs(next, HourUnit))
        {
            var last = next;
            var minutes = value * 60;
            if (ReadQuantity(next + 1) is { IsHalf: false, Value: > 0 and < 60 } extra && extra.Value == decimal.Truncate(extra.Value))
            {
                if (FreeWordIs(extra.Next, MinuteUnit) || FreeWordIs(extra.Next, MinuteLetter))
                {
                    minutes += extra.Value;
                    last = extra.Next;
                }
                else if (tokens[next + 1].Type == TokenType.Number && !(extra.Next < tokens.Count && tokens[extra.Next].Type == TokenType.Word))
                {
                    // «1 час 15»: bare minutes after hours, unless a word follows («1 час 5 класс»).
                    minutes += extra.Value;
                    last = extra.Next - 1;
                }
            }

            return TakeDuration(i, last, minutes);
        }

        if (!quantity.IsHalf && FreeWordIs(next, MinuteUnit))
        {
            return TakeDuration(i, next, value);
        }

        return false;
    }

    /// <summary>«минут 40», «минут на 20», «минут сорок», «часа два», «часа полтора»: the approximate word order.</summary>
    private bool TryUnitThenQuantity(int i)
    {
        var perUnit = FreeWordIs(i, MinuteUnit) ? 1 : FreeWordIs(i, HourUnitPlural) ? 60 : 0;
        var at = FreeWord(i + 1) == "на" ? i + 2 : i + 1; // «минут на 20»
        if (perUnit == 0 || ReadQuantity(at) is not { IsHalf: false } quantity
            || FreeWordIs(quantity.Next, MinuteUnit) || FreeWordIs(quantity.Next, HourUnit))
        {
            return false;
        }

        return TakeDuration(i, quantity.Next - 1, quantity.Value * perUnit);
    }

    /// <summary>«полчаса», «час», «около часа», «час сорок», «час 15 минут».</summary>
    private bool TryHourWord(int i)
    {
        if (FreeWordIs(i, HalfHour))
        {
            return TakeDuration(i, i, 30);
        }

        if (!FreeWordIs(i, OneHour) || (FreeWord(i) == "час" && FreeWord(i - 1) is "в" or "во"))
        {
            return false; // «в час» is one o'clock
        }

        var last = i;
        var minutes = 60m;
        if (ReadQuantity(i + 1) is { IsHalf: false, Value: > 0 and < 60 } extra)
        {
            var withUnit = FreeWordIs(extra.Next, MinuteUnit);
            var bareWords = tokens[i + 1].Type == TokenType.Word;
            var bareNumber = !(extra.Next < tokens.Count && tokens[extra.Next].Type == TokenType.Word);
            if (withUnit || bareWords || bareNumber)
            {
                minutes += extra.Value;
                last = withUnit ? extra.Next : extra.Next - 1;
            }
        }

        return TakeDuration(i, last, minutes);
    }

    private bool TakeDuration(int first, int last, decimal minutes)
    {
        var rounded = (int)Math.Round(minutes, MidpointRounding.AwayFromZero);
        Take(MessagePart.Duration, first, last, rounded > 0 ? rounded : null);
        return true;
    }

    /// <summary>
    /// A number («40», «1,5», «1.5»), number words up to sixty («сорок пять»), «полтора», or «пол»
    /// (<see cref="Quantity.IsHalf"/>, only before an hour unit), with an optional «с половиной».
    /// </summary>
    private Quantity? ReadQuantity(int i)
    {
        if (!Free(i))
        {
            return null;
        }

        var token = tokens[i];
        decimal value;
        var next = i + 1;
        var isHalf = false;
        if (token.Type == TokenType.Number)
        {
            if (!TryDecimal(token.Raw, out value))
            {
                return null;
            }
        }
        else if (token.Type == TokenType.Word && NumberWord(token.Text) is { } words)
        {
            value = words;
            if (words >= 20 && words % 10 == 0 && FreeWord(i + 1) is { } unit && Keyword.Best(Units, unit) is { } ones)
            {
                value += ones;
                next++;
            }
        }
        else if (FreeWordIs(i, OneAndHalf))
        {
            value = 1.5m;
        }
        else if (FreeWordIs(i, HalfPrefix))
        {
            value = 0.5m;
            isHalf = true;
        }
        else
        {
            return null;
        }

        if (FreeWordIs(next, With) && FreeWordIs(next + 1, Halves))
        {
            value += 0.5m;
            next += 2;
        }

        return value is > 0 and <= LargestQuantity ? new Quantity(value, next, isHalf) : null;
    }

    private static int? NumberWord(string word) => Keyword.Best(TeensAndTens.Concat(Units), word);

    private static bool TryDecimal(string raw, out decimal value)
    {
        value = 0;
        return CalendarLiteral(raw) is null && !raw.Contains('/') && raw.Count(c => c is '.' or ',') <= 1
            && decimal.TryParse(raw.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private readonly record struct Quantity(decimal Value, int Next, bool IsHalf);

    // ---- dates ----

    private void ReadDates()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!Free(i))
            {
                continue;
            }

            if (tokens[i].Type == TokenType.Number)
            {
                ReadNumericDate(i);
            }
            else if (tokens[i].Type == TokenType.Word)
            {
                ReadWordDate(i);
            }
        }
    }

    /// <summary>«12.03», «12.03.2026», «12.03.26», «12/03», «12 марта», «12 марта 2026 г.».</summary>
    private void ReadNumericDate(int i)
    {
        if (CalendarLiteral(tokens[i].Raw) is { } literal)
        {
            Take(MessagePart.Date, i, YearTail(i + 1) - 1, literal);
            return;
        }

        if (FreeInteger(i) is not (>= 1 and <= 31) || FreeWord(i + 1) is not { } monthWord)
        {
            return;
        }

        if (Keyword.Best(Months.Select((m, index) => (m, index + 1)), monthWord) is not { } month)
        {
            return;
        }

        var next = i + 2;
        int? year = null;
        if (FreeInteger(next) is { } y && tokens[next].Raw.Length is 2 or 4)
        {
            year = y;
            next++;
        }

        Take(MessagePart.Date, i, YearTail(next) - 1, new CalendarMeetingDate(FreeInteger(i)!.Value, month, year));
    }

    /// <summary>Index after an optional «г.», «года» following a date.</summary>
    private int YearTail(int i)
    {
        if (!FreeWordIs(i, YearWord))
        {
            return i;
        }

        return IsPunct(i + 1, ".") ? i + 2 : i + 1;
    }

    /// <summary>A dotted date: day and month, then an optional 2- or 4-digit year; «1.5» (one digit after the dot) is a number.</summary>
    private static CalendarMeetingDate? CalendarLiteral(string raw)
    {
        var parts = raw.Split('.', '/');
        if (parts.Length is < 2 or > 3 || parts[0].Length > 2 || parts[1].Length > 2 || raw.Contains(','))
        {
            return null;
        }

        if (parts.Length == 2 && parts[1].Length == 1 && !raw.Contains('/'))
        {
            return null;
        }

        if (parts.Length == 3 && parts[2].Length is not (2 or 4))
        {
            return null;
        }

        var day = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (day is < 1 or > 31 || month is < 1 or > 12)
        {
            return null;
        }

        return new CalendarMeetingDate(day, month, parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null);
    }

    private void ReadWordDate(int i)
    {
        var word = FreeWord(i)!;
        MeetingDateSpec? relative =
            Today.Matches(word) ? new RelativeMeetingDate(0)
            : Yesterday.Matches(word) ? new RelativeMeetingDate(1)
            : DayBeforeYesterday.Matches(word) ? new RelativeMeetingDate(2)
            : Tomorrow.Matches(word) ? new RelativeMeetingDate(-1)
            : null;
        if (relative is not null)
        {
            Take(MessagePart.Date, i, i, relative);
            return;
        }

        if (Keyword.Best(Weekdays, word) is { } day)
        {
            var first = i;
            var lastWeek = false;
            while (first > 0 && i - first < 3 && FreeWord(first - 1) is { } before && (BeforeWeekday.Contains(before) || LastWeek.Contains(before)))
            {
                lastWeek |= LastWeek.Contains(before);
                first--;
            }

            Take(MessagePart.Date, first, i, new WeekdayMeetingDate(day, lastWeek));
        }
    }

    // ---- kinds and formats ----

    private void ReadKinds()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (FreeWord(i) is not { } word)
            {
                continue;
            }

            if (SummingUp.Matches(word) && FreeWordIs(i + 1, Results) && KindFitsContext(i + 2))
            {
                Take(MessagePart.Kind, i, i + 1, MeetingKind.Final);
            }
            else if (FirstMeeting.Matches(word) && (FreeWordIs(i + 1, MeetingNoun) || FreeWordIs(i - 1, MeetingNoun)))
            {
                Take(MessagePart.Kind, i, FreeWordIs(i + 1, MeetingNoun) ? i + 1 : i, MeetingKind.Organizational);
            }
            else if (Keyword.Best(Kinds, word) is { } kind && KindFitsContext(i + 1))
            {
                Take(MessagePart.Kind, i, FreeWordIs(i + 1, MeetingNoun) ? i + 1 : i, kind);
            }
        }
    }

    /// <summary>
    /// A kind word counts unless an ordinary word follows it: «пробная встреча», «пробная, 40 минут»,
    /// «итоговая по видеосвязи» are kinds; «итоговая аттестация», «планирование уроков» are topics.
    /// </summary>
    private bool KindFitsContext(int next)
    {
        if (FreeWord(next) is not { } word)
        {
            return true;
        }

        return MeetingNoun.Matches(word) || TrailingConnectives.Contains(word) || Fillers.Contains(word)
            || Kinds.Any(k => k.Word.Matches(word)) || Formats.Any(f => f.Word.Matches(word));
    }

    private void ReadFormats()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (FreeWord(i) is not { } word)
            {
                continue;
            }

            var format = Keyword.Best(Formats, word)
                ?? (ByWhat.Matches(word) && FreeWordIs(i - 1, By) ? MeetingFormat.Online : null);
            if (format is null)
            {
                continue;
            }

            var first = i;
            while (i - first < 2 && FreeWord(first - 1) is { } before && AroundFormat.Contains(before))
            {
                first--;
            }

            var last = FreeWord(i + 1) is "формате" or "формат" or "режиме" ? i + 1 : i;
            Take(MessagePart.Format, first, last, format);
        }
    }

    // ---- topic ----

    private void ReadTopic()
    {
        var marker = Enumerable.Range(0, tokens.Count).FirstOrDefault(i => FreeWordIs(i, MeetingWords.Topic), -1);
        if (marker >= 0)
        {
            var first = FreeWord(marker - 1) is "на" or "по" ? marker - 1 : marker;
            Take(MessagePart.TopicMarker, first, marker, null);
        }

        var parts = new List<string>();
        foreach (var (start, end) in Segments())
        {
            if (marker < 0)
            {
                parts.AddRange(RemainingRuns(start, end));
            }
            else if (end > marker + 1)
            {
                parts.AddRange(ExplicitTopic(Math.Max(start, marker + 1), end));
            }
        }

        Topic = parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>Token ranges [start, end) between separating punctuation.</summary>
    private List<(int Start, int End)> Segments()
    {
        var segments = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || IsSeparator(i))
            {
                if (i > start)
                {
                    segments.Add((start, i));
                }

                start = i + 1;
            }
        }

        return segments;
    }

    private bool IsSeparator(int i)
    {
        var token = tokens[i];
        if (!Free(i) || token.Type != TokenType.Punct || !Separators.Contains(token.Text))
        {
            return false;
        }

        var glued = i > 0 && i + 1 < tokens.Count && tokens[i - 1].End == token.Start && tokens[i + 1].Start == token.End;
        if (token.Text == "-" && glued && tokens[i - 1].Type == TokenType.Word && tokens[i + 1].Type == TokenType.Word)
        {
            return false; // «онлайн-встреча», «где-то»
        }

        // «М.П.», «г.»: a dot after a single letter is an abbreviation, not the end of a sentence.
        return !(token.Text == "." && i > 0 && tokens[i - 1].Type == TokenType.Word && tokens[i - 1].Raw.Length == 1);
    }

    /// <summary>
    /// After «тема»: each segment is the mentor's wording, kept verbatim; only dates, durations,
    /// kinds and formats at its edges stay taken («тема: самоанализ урока 45 минут»), those inside
    /// are words of the topic («тема: подготовка к пробной встрече с родителями»).
    /// </summary>
    private IEnumerable<string> ExplicitTopic(int start, int end)
    {
        while (start < end && IsEdgeNoise(start))
        {
            start++;
        }

        while (end > start && IsEdgeNoise(end - 1))
        {
            end--;
        }

        if (start >= end)
        {
            yield break;
        }

        foreach (var inner in tokens.Skip(start).Take(end - start).Select((_, k) => owner[start + k]).OfType<MessageFinding>().Distinct().ToList())
        {
            Release(inner);
        }

        if (Span(start, end) is { } topic)
        {
            yield return topic;
        }
    }

    private bool IsEdgeNoise(int i) =>
        !Free(i) || tokens[i].Type == TokenType.Punct || Fillers.Contains(tokens[i].Text);

    /// <summary>Without «тема»: the runs of untaken words, each trimmed of fillers and dangling connectives.</summary>
    private IEnumerable<string> RemainingRuns(int start, int end)
    {
        var runStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || !Free(i))
            {
                if (TrimRun(runStart, i) is { } topic)
                {
                    yield return topic;
                }

                runStart = i + 1;
            }
        }
    }

    private string? TrimRun(int start, int end)
    {
        var accusative = false;
        var changed = true;
        while (changed && start < end)
        {
            changed = false;
            var first = tokens[start].Text;
            if (GreetingFirstWords.Contains(first) && end - start > 1)
            {
                start += 2;
                changed = true;
            }
            else if (tokens[start].Type == TokenType.Punct || Fillers.Contains(first) || LeadingConnectives.Contains(first)
                || (MeetingAdjectives.Contains(first) && (start + 1 == end || MeetingNoun.Matches(tokens[start + 1].Text))))
            {
                // «обсудили подготовку»: what follows a verb is in the accusative; a connective after it resets that.
                accusative = AccusativeVerbs.Contains(first) || (accusative && Fillers.Contains(first) && tokens[start].Type != TokenType.Punct);
                start++;
                changed = true;
            }
            else if (tokens[end - 1].Type == TokenType.Punct || Fillers.Contains(tokens[end - 1].Text) || TrailingConnectives.Contains(tokens[end - 1].Text))
            {
                end--;
                changed = true;
            }
        }

        if (start >= end || !tokens.Skip(start).Take(end - start).Any(t => t.Type == TokenType.Word) || IsCompanion(start, end))
        {
            return null;
        }

        return accusative && Span(start, end) is { } span ? Nominative(span) : Span(start, end);
    }

    /// <summary>«с Анной Петровной», «с наставляемой Ивановой М.П.»: who the meeting was with, not what about.</summary>
    private bool IsCompanion(int start, int end) =>
        With.Matches(tokens[start].Text)
        && tokens.Skip(start + 1).Take(end - start - 1).All(t =>
            t.Type != TokenType.Word || t.IsCapitalized || CompanionWords.Contains(t.Text) || Fillers.Contains(t.Text));

    private string? Span(int start, int end)
    {
        var span = Whitespace.Replace(text[tokens[start].Start..tokens[end - 1].End], " ").Trim(TopicEdgeJunk.ToCharArray());
        return span.Length == 0 ? null : span;
    }
}
