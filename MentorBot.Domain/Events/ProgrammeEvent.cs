using System.Globalization;
using System.Text.RegularExpressions;

namespace MentorBot.Domain.Events;

/// <summary>The kind of a programme event (road maps: round tables, seminars, conferences, contests, the closing ceremony).</summary>
public enum EventKind
{
    /// <summary>Круглый стол (e.g. «по выявлению лучших практик наставничества»).</summary>
    RoundTable,

    /// <summary>Семинар.</summary>
    Seminar,

    /// <summary>Конференция.</summary>
    Conference,

    /// <summary>Конкурс.</summary>
    Contest,

    /// <summary>Торжественное (итоговое) мероприятие.</summary>
    Ceremony,

    /// <summary>Другое мероприятие.</summary>
    Other,
}

/// <summary>Who an event invites.</summary>
public enum EventAudience
{
    /// <summary>Everyone in the organisation's programme.</summary>
    Everyone,

    /// <summary>Mentors.</summary>
    Mentors,

    /// <summary>Mentees.</summary>
    Mentees,

    /// <summary>The people of live pairs and groups.</summary>
    Pairs,
}

/// <summary>The steps of the event dialogue, in order.</summary>
public enum EventStep
{
    /// <summary>From a road-map activity or a new one.</summary>
    Source,

    /// <summary>The title.</summary>
    Title,

    /// <summary>The kind.</summary>
    Kind,

    /// <summary>Date and time in the organisation's zone.</summary>
    When,

    /// <summary>Place or link.</summary>
    Place,

    /// <summary>Who is invited.</summary>
    Audience,

    /// <summary>The summary with «Разослать приглашения».</summary>
    Confirm,
}

/// <summary>An event being set up, kept in the chat's conversation row until the invitations go out.</summary>
/// <param name="Step">The question being asked.</param>
/// <param name="ActivityId">The road-map activity it carries out, or null.</param>
/// <param name="Title">Title, or null.</param>
/// <param name="Kind">Kind, or null.</param>
/// <param name="StartsAt">Local date and time in the organisation's zone, or null.</param>
/// <param name="Place">Place or link, or null.</param>
/// <param name="Audience">Who is invited, or null.</param>
public sealed record EventDraft(EventStep Step, long? ActivityId, string? Title, EventKind? Kind, DateTime? StartsAt, string? Place, EventAudience? Audience);

/// <summary>Codes, names and the pure rules of events.</summary>
public static partial class EventRules
{
    /// <summary>The longest title or place, in characters.</summary>
    public const int MaxTextLength = 300;

    /// <summary>The stored code of a kind (<c>events.kind</c>).</summary>
    public static string Code(this EventKind kind) => kind switch
    {
        EventKind.RoundTable => "round_table",
        EventKind.Seminar => "seminar",
        EventKind.Conference => "conference",
        EventKind.Contest => "contest",
        EventKind.Ceremony => "ceremony",
        _ => "other",
    };

    /// <summary>The stored code of an audience (<c>events.audience</c>).</summary>
    public static string Code(this EventAudience audience) => audience switch
    {
        EventAudience.Mentors => "mentors",
        EventAudience.Mentees => "mentees",
        EventAudience.Pairs => "pairs",
        _ => "everyone",
    };

    /// <summary>Reads a stored kind code.</summary>
    public static EventKind ParseKind(string code) => Enum.GetValues<EventKind>().FirstOrDefault(k => k.Code() == code, EventKind.Other);

    /// <summary>The kind a road-map activity's text suggests («круглый стол» → <see cref="EventKind.RoundTable"/>), or null when it names no event.</summary>
    public static EventKind? KindOf(string activityText)
    {
        var text = activityText.ToLowerInvariant();
        if (text.Contains("круглого стола") || text.Contains("круглый стол")) return EventKind.RoundTable;
        if (text.Contains("семинар")) return EventKind.Seminar;
        if (text.Contains("конференц")) return EventKind.Conference;
        if (text.Contains("конкурс")) return EventKind.Contest;
        if (text.Contains("торжествен") || text.Contains("итогового мероприят") || text.Contains("итоговое мероприят")) return EventKind.Ceremony;
        return null;
    }

    /// <summary>The step after <paramref name="step"/>; an event from an activity has its title and skips that question.</summary>
    public static EventStep Next(EventStep step) => step == EventStep.Confirm ? step : step + 1;

    /// <summary>The step before <paramref name="step"/> for <c>/back</c>, or null at the first question.</summary>
    public static EventStep? Previous(EventStep step) => step == EventStep.Source ? null : step - 1;

    /// <summary>
    /// Reads «15.05.2027 15:00» (also «15.05.2027 в 15.00»): the local date and time, or null. The moment must be after
    /// <paramref name="nowLocal"/>.
    /// </summary>
    public static DateTime? ParseWhen(string text, DateTime nowLocal)
    {
        var match = When().Match(text.Trim());
        if (!match.Success) return null;
        var value = $"{match.Groups["d"].Value.PadLeft(2, '0')}.{match.Groups["m"].Value.PadLeft(2, '0')}.{match.Groups["y"].Value} {match.Groups["h"].Value.PadLeft(2, '0')}:{match.Groups["min"].Value}";
        return DateTime.TryParseExact(value, "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && at > nowLocal ? at : null;
    }

    /// <summary>When the day-before reminder is due: 09:00 local on the day before the event (the sender's window applies on top).</summary>
    public static DateTime ReminderAt(DateTime startsLocal) => startsLocal.Date.AddDays(-1).AddHours(9);

    [GeneratedRegex(@"^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})\s*(?:в\s*)?(?<h>\d{1,2})[:.](?<min>\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex When();
}
