namespace MentorBot.Host.Features.Organisations;

/// <summary>
/// Validates an organisation's time zone: an IANA id («Asia/Omsk», «Europe/Volgograd») known to the
/// system's time-zone database (DESIGN.md decision 6). Windows ids («Russian Standard Time») are
/// refused even though .NET on Linux would translate them: the stored id must mean the same on
/// every host and to PostgreSQL. So are files of the zone folder that are not zone ids (issue 12
/// item 11): <c>localtime</c> (this host's zone), <c>posixrules</c>, <c>Factory</c>, and the
/// <c>posix/…</c> and <c>right/…</c> copies (the latter counts leap seconds).
/// </summary>
public static class IanaTimeZone
{
    // An id is a zone when ICU's copy of the IANA database names it (canonical ids, Etc/…, links such as
    // Europe/Kiev) or the system's zone.tab lists it (zones newer than ICU's copy). Neither names the files
    // above. Not TimeZoneInfo.GetSystemTimeZones: it also returns every id looked up before, files included.
    private static readonly Lazy<HashSet<string>> Listed = new(ReadZoneTab);

    /// <summary>
    /// True when <paramref name="id"/> (surrounding spaces ignored) names an IANA zone;
    /// <paramref name="canonical"/> is then the zone's id as the database spells it («asia/omsk» → «Asia/Omsk»).
    /// </summary>
    public static bool TryResolve(string? id, out string canonical)
    {
        canonical = "";
        id = id?.Trim();
        if (string.IsNullOrEmpty(id)) return false;
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            if (!zone.HasIanaId || !IsZoneId(zone.Id)) return false;
            canonical = zone.Id;
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or System.Security.SecurityException)
        {
            return false;
        }
    }

    private static bool IsZoneId(string id) =>
        !id.StartsWith("posix/", StringComparison.Ordinal) && !id.StartsWith("right/", StringComparison.Ordinal)
        && (TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) || Listed.Value.Contains(id));

    // zone.tab: "country-code<TAB>coordinates<TAB>zone id[<TAB>comment]" per line, # comments (tzdata's format).
    private static HashSet<string> ReadZoneTab()
    {
        var path = Path.Combine(Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } dir ? dir : "/usr/share/zoneinfo", "zone.tab");
        try
        {
            return File.ReadLines(path).Where(line => !line.StartsWith('#')).Select(line => line.Split('\t'))
                .Where(fields => fields.Length >= 3).Select(fields => fields[2]).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
