namespace MentorBot.Domain.Meetings;

/// <summary>
/// Turns a mentor's one-message meeting log («вчера час очно, готовились к педсовету») into a
/// <see cref="MeetingDraft"/> (issue 6, road-map stage 6). Pure: the organisation's local date is
/// passed in, nothing is read from a clock.
/// </summary>
/// <remarks>
/// What is recognised, regardless of case, punctuation and common typos (see <see cref="Keyword"/>
/// for the edit-distance budget; Latin look-alike letters inside Cyrillic words are read as Cyrillic):
/// <list type="bullet">
/// <item>date: «сегодня», «вчера», «позавчера» (and «завтра», so a future date can be questioned);
/// a weekday in any case («в среду», «во вторник», «четверг») is its most recent occurrence, today
/// included, «в прошлый четверг» on a Thursday is a week ago; «12.03», «12.03.2026», «12.03.26»,
/// «12/03», «12 марта», «12 марта 2026 г.» (a year-less date is this year's unless it would be
/// more than two months ahead).</item>
/// <item>duration: «40 минут», «40 мин», «минут 40», «1,5 часа», «1.5 ч», «полтора часа», «час»,
/// «около часа», «полчаса», «2ч», «1ч 15мин», «час сорок», «два с половиной часа», number words up
/// to sixty («сорок пять минут»), «30-40 минут» (the middle), «с 15:00 до 15:45»; «в 15:00» and
/// «в 3 часа» are times of day, not durations.</item>
/// <item>kind: знакомство/организационная/первая встреча, пробная, планирование,
/// итоговая/заключительная/подвели итоги, otherwise regular. A kind adjective followed by an
/// ordinary word («итоговая аттестация», «пробный урок») is part of the topic instead.</item>
/// <item>format: очно/лично/вживую; онлайн, дистанционно, удалённо, по видеосвязи, Zoom/зум,
/// Сферум, Телемост, Skype, по телефону, созвонились.</item>
/// <item>topic: the words after «тема:», «тема —», «на тему», kept as written; otherwise the
/// remaining words with fillers («встретились», «провели встречу», «обсудили», «с Анной») trimmed,
/// the pieces joined with «, ».</item>
/// </list>
/// </remarks>
public static class MeetingMessageParser
{
    /// <summary>
    /// Reads <paramref name="text"/> as a meeting log written on <paramref name="today"/> (the
    /// organisation's local date). Never throws on odd text: what it cannot find is <c>null</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static MeetingDraft Parse(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reading = MeetingMessageReading.Read(text);
        return new MeetingDraft(
            reading.Date?.Resolve(today),
            reading.DurationMinutes,
            reading.Kind ?? MeetingKind.Regular,
            reading.Format,
            reading.Topic);
    }

    /// <summary>
    /// False when <paramref name="text"/> is clearly not a meeting log, so the bot answers with a
    /// short help instead of a confirmation card: an empty message, a command («/start»), a message
    /// that names no date, duration, format, kind, topic or meeting word («Привет», «спасибо»), one
    /// that says a meeting did not happen («не получилось встретиться», «перенесли»), and a question
    /// («как дела?», «когда следующая встреча?») unless it states both a date and a duration.
    /// </summary>
    public static bool IsLikelyMeetingLog(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith('/'))
        {
            return false;
        }

        var reading = MeetingMessageReading.Read(text);
        var words = reading.Words.ToList();
        if (words.Any(MeetingWords.Cancelled.Contains)
            || words.Zip(words.Skip(1)).Any(pair => pair.First == "не" && MeetingWords.AfterNegation.Contains(pair.Second)))
        {
            return false;
        }

        var question = text.Contains('?') || (words.Count > 0 && MeetingWords.QuestionWords.Contains(words[0]));
        if (question)
        {
            return reading.Date is not null && reading.DurationMinutes is not null;
        }

        return reading.Date is not null || reading.DurationMinutes is not null || reading.Format is not null
            || reading.Kind is not null || reading.HasTopicMarker || words.Any(MeetingWords.MeetingSignal.Matches);
    }
}
