namespace MentorBot.Host.Features.Organisations;

/// <summary>
/// Validates an organisation's time zone: an IANA id («Asia/Omsk», «Europe/Volgograd») known to the
/// system's time-zone database (DESIGN.md decision 6). Windows ids («Russian Standard Time») are
/// refused even though .NET on Linux would translate them: the stored id must mean the same on
/// every host and to PostgreSQL.
/// </summary>
public static class IanaTimeZone
{
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
            if (!zone.HasIanaId) return false;
            canonical = zone.Id;
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or System.Security.SecurityException)
        {
            return false;
        }
    }
}
