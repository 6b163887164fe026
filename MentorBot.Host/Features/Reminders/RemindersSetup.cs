using MentorBot.Domain.Scheduling;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorBot.Host.Features.Reminders;

/// <summary>Registers the reminders feature: /pause and the production calendar its jobs use (jobs are in <c>ScheduledJobs.All</c>).</summary>
public static class RemindersSetup
{
    /// <summary>Adds /pause and the <see cref="WorkCalendar"/> (built in, or from calendar files: <see cref="CalendarFiles"/>).</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<IChatFeature, PauseFeature>();
        services.TryAddSingleton(_ => CalendarFiles.LoadConfigured());
        return services;
    }
}
