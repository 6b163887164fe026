using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MentorBot.Host.Scheduling;

/// <summary>Wires Quartz.NET (DESIGN.md decision 1): persistent store on our PostgreSQL, clustered, schema provisioned by Quartz.</summary>
public static class SchedulingSetup
{
    /// <summary>Registers every <see cref="ScheduledJobs.All"/> implementation (for Quartz and for <c>jobs run</c>).</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        foreach (var job in ScheduledJobs.All)
            services.AddSingleton(job.JobType);
        return services;
    }

    /// <summary>Registers Quartz with one cron trigger per job, and the hosted scheduler.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">The same PostgreSQL the bot uses.</param>
    public static IServiceCollection AddQuartzScheduling(this IServiceCollection services, string connectionString)
    {
        services.AddQuartz(q =>
        {
            // Clustered instances share the name and need distinct generated ids.
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "MentorBot";
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(_ => { });
                store.ProvisionSchema();
            });
            foreach (var job in ScheduledJobs.All)
            {
                // A run missed while the service was down fires once when it comes back.
                q.ScheduleJob<QuartzJob>(
                    t => t.WithIdentity($"{job.Name}-trigger")
                        .WithCronSchedule(job.Cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                    j => j.WithIdentity(job.Name).UsingJobData(QuartzJob.NameKey, job.Name));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>The next fire time of <paramref name="cron"/> after <paramref name="after"/> (UTC), or null when it never fires again.</summary>
    /// <exception cref="FormatException">The expression is not a valid Quartz cron expression.</exception>
    public static DateTimeOffset? NextFireTime(string cron, DateTimeOffset after) =>
        new CronExpression(cron, TimeZoneInfo.Utc).GetNextValidTimeAfter(after);
}

/// <summary>The Quartz side of an <see cref="IScheduledJob"/>: finds it by name and runs it at the fire time.</summary>
/// <param name="services">Resolves the job.</param>
/// <param name="time">The clock.</param>
[DisallowConcurrentExecution]
public sealed class QuartzJob(IServiceProvider services, TimeProvider time) : IJob
{
    /// <summary>Job-data key holding the job's name.</summary>
    public const string NameKey = "name";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(NameKey);
        var definition = ScheduledJobs.Find(name ?? "") ?? throw new JobExecutionException($"No job named '{name}' is registered.");
        var job = (IScheduledJob)services.GetRequiredService(definition.JobType);
        await job.RunAsync(time.GetUtcNow(), cancellationToken);
    }
}
