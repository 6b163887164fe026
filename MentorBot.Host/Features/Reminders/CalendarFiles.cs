using MentorBot.Domain.Scheduling;
using MentorBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Features.Reminders;

/// <summary>
/// The production calendar background messages respect: <see cref="WorkCalendar.Russia"/> (built in) with the years
/// found in calendar files on top — one JSON file per year (<c>ru-2026.json</c>, format in
/// <see cref="WorkCalendar.FromJson"/>) in the directory <c>MENTORBOT_CALENDAR_DIR</c> (or <c>MentorBot:CalendarDir</c>
/// in appsettings.json); without it, a <c>calendars</c> folder beside the executable when there is one.
/// </summary>
public static class CalendarFiles
{
    /// <summary>The configuration key (environment: <c>MENTORBOT_CALENDAR_DIR</c>).</summary>
    public const string Key = "CALENDAR_DIR";

    /// <summary>The calendar from the configured directory, or the built-in one.</summary>
    /// <exception cref="InvalidOperationException">A configured directory is missing or holds an unreadable file (named).</exception>
    public static WorkCalendar LoadConfigured()
    {
        var configuration = new ConfigurationBuilder().AddMentorBotSources().Build();
        var directory = configuration[Key] ?? configuration["MentorBot:CalendarDir"];
        if (!string.IsNullOrWhiteSpace(directory)) return Load(directory);
        var beside = Path.Combine(AppContext.BaseDirectory, "calendars");
        return Directory.Exists(beside) ? Load(beside) : WorkCalendar.Russia;
    }

    /// <summary>The built-in calendar with every <c>*.json</c> of <paramref name="directory"/> on top (file order by name).</summary>
    /// <exception cref="InvalidOperationException">The directory does not exist or a file is not a calendar file.</exception>
    public static WorkCalendar Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new InvalidOperationException($"MENTORBOT_CALENDAR_DIR: the directory '{directory}' does not exist.");
        var calendar = WorkCalendar.Russia;
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                calendar = calendar.With(WorkCalendar.FromJson(File.ReadAllText(file)));
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"calendar file {file}: {e.Message}", e);
            }
        }

        return calendar;
    }
}
