using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Features.Digests;

/// <summary>Registers the weekly digest: /digest and /digest_time, the service, and the per-organisation Quartz triggers.</summary>
public static class DigestsSetup
{
    /// <summary>Adds the digest's services (the job itself is in <c>ScheduledJobs.All</c>).</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddSingleton<IChatFeature, DigestFeature>();
        services.AddSingleton<DigestService>();
        services.AddHostedService<DigestTriggers>();
        return services;
    }
}
