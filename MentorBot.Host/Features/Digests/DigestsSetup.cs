using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Features.Digests;

/// <summary>Registers the weekly digest: /digest and /digest_time and the service (the per-organisation jobs: <see cref="Scheduling.RecurringJobs"/>).</summary>
public static class DigestsSetup
{
    /// <summary>Adds the digest's services (the job itself is in <c>ScheduledJobs.All</c>).</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddSingleton<IChatFeature, DigestFeature>();
        services.AddSingleton<DigestService>();
        return services;
    }
}
