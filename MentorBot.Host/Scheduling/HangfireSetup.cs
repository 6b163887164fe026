using Hangfire;
using Hangfire.Logging;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using MentorBot.Host.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MentorBot.Host.Scheduling;

/// <summary>
/// Wires Hangfire on PostgreSQL (DESIGN.md decision 1): storage in its own schema <see cref="Schema"/> of our database
/// (installed and upgraded by Hangfire.PostgreSql), recurring jobs kept in step by <see cref="RecurringJobs"/>, and a
/// server per instance. Everything is built from this container, not from Hangfire's static globals, so several hosts
/// in one process (tests, benchmarks) never share a storage.
/// </summary>
public static class HangfireSetup
{
    /// <summary>The PostgreSQL schema of Hangfire's tables.</summary>
    public const string Schema = "hangfire";

    /// <summary>
    /// How often a server looks for due recurring and delayed jobs (issue 11: at most 5 s). A recurring occurrence
    /// starts at most this long after its time.
    /// </summary>
    public static readonly TimeSpan SchedulePollingInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The fallback poll of the job queue; enqueued jobs normally wake a worker at once through LISTEN/NOTIFY
    /// (<see cref="PostgreSqlStorageOptions.EnableLongPolling"/>).
    /// </summary>
    public static readonly TimeSpan QueuePollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Workers per instance: our jobs are few and short, and each idle worker holds a LISTEN connection.</summary>
    public const int WorkerCount = 4;

    /// <summary>How often <see cref="RecurringJobsSync"/> compares the recurring jobs with the organisations.</summary>
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Registers the job implementations (for Hangfire and for <c>jobs run</c>), Hangfire's storage, client and
    /// recurring-job manager (its clock is our <see cref="TimeProvider"/>), and <see cref="RecurringJobs"/>. Nothing
    /// touches the database until one of them is resolved.
    /// </summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        foreach (var job in ScheduledJobs.All)
            services.AddSingleton(job.JobType);
        services.AddSingleton<RecurringJobRunner>();
        services.AddSingleton<RecurringJobs>();
        services.AddSingleton<JobStorage>(p =>
        {
            p.GetRequiredService<IGlobalConfiguration>();
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                PrepareSchemaIfNecessary = true,
                EnableLongPolling = true,
                QueuePollInterval = QueuePollInterval,
                // A worker that died mid-job releases it after this; our jobs take seconds.
                InvisibilityTimeout = TimeSpan.FromMinutes(30),
            };
            return new PostgreSqlStorage(new DataSourceConnectionFactory(p.GetRequiredService<NpgsqlDataSource>()), options);
        });
        services.AddSingleton<JobActivator>(p => new AspNetCoreJobActivator(p.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IRecurringJobManager>(p =>
        {
            var time = p.GetRequiredService<TimeProvider>();
            return new RecurringJobManager(p.GetRequiredService<JobStorage>(), JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => time.GetUtcNow().UtcDateTime);
        });
        services.AddSingleton<IBackgroundJobClient>(p => new BackgroundJobClient(p.GetRequiredService<JobStorage>()));
        // Hangfire's own registrations (the Dashboard needs them) only fill what is not registered above.
        services.AddHangfire((p, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new StoppedHostSafeLogProvider(new AspNetCoreLogProvider(p.GetRequiredService<ILoggerFactory>()))));
        return services;
    }

    /// <summary>A Hangfire server in this instance and the hosted <see cref="RecurringJobsSync"/>.</summary>
    public static IServiceCollection AddHangfireWorkers(this IServiceCollection services)
    {
        services.AddHangfireServer(p => new BackgroundJobServer(Server(p), p.GetRequiredService<JobStorage>()));
        services.AddHostedService<RecurringJobsSync>();
        return services;
    }

    /// <summary>The server options: <see cref="SchedulePollingInterval"/>, <see cref="WorkerCount"/>, our container's activator.</summary>
    public static BackgroundJobServerOptions Server(IServiceProvider services) => new()
    {
        WorkerCount = WorkerCount,
        SchedulePollingInterval = SchedulePollingInterval,
        Activator = services.GetRequiredService<JobActivator>(),
        FilterProvider = JobFilterProviders.Providers,
        TimeZoneResolver = new DefaultTimeZoneResolver(),
    };

    /// <summary>
    /// Hangfire keeps its log provider in a process-wide static that every host's start replaces; when a host that
    /// set it has stopped, its logger factory is disposed and asking it for a logger throws. Several hosts in one
    /// process (the test suite) then failed at random; a logger asked of a stopped host is silent instead. Every logger
    /// it gives logs a database outage without the stack trace (<see cref="OutageWithoutStackTrace"/>).
    /// </summary>
    private sealed class StoppedHostSafeLogProvider(ILogProvider inner) : ILogProvider
    {
        public ILog GetLogger(string name)
        {
            try
            {
                return new OutageWithoutStackTrace(inner.GetLogger(name));
            }
            catch (ObjectDisposedException)
            {
                return Silent.Instance;
            }
        }

        /// <summary>
        /// Hangfire logs each failing process, heartbeat and lock with its exception; while PostgreSQL is away that is a
        /// stack trace each (issue 12 item 10). A warning (something Hangfire retries by itself) and any line about an
        /// outage keep their text and gain the exception's message instead; other errors keep their stack trace.
        /// </summary>
        private sealed class OutageWithoutStackTrace(ILog inner) : ILog
        {
            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) =>
                messageFunc is not null && exception is not null && (logLevel <= Hangfire.Logging.LogLevel.Warn || DatabaseOutage.IsOutage(exception))
                    ? inner.Log(logLevel, () => $"{messageFunc()} ({exception.GetType().Name}: {DatabaseOutage.Describe(exception)})")
                    : inner.Log(logLevel, messageFunc, exception);
        }

        private sealed class Silent : ILog
        {
            public static readonly Silent Instance = new();

            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
        }
    }

    /// <summary>Hangfire.PostgreSql's connections come from our one data source (pooling, application name, settings).</summary>
    private sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
    }
}

/// <summary>
/// Keeps the recurring jobs in step (<see cref="RecurringJobs.SyncAsync"/>) at start and every
/// <see cref="HangfireSetup.ResyncInterval"/>: organisations created or removed elsewhere (the CLI, another instance)
/// gain or lose their digest job. A sync the database's outage prevented is tried again every
/// <see cref="OutageRetry"/>, with one line when the outage starts and one when it ends (issue 12 item 10).
/// </summary>
public sealed class RecurringJobsSync(RecurringJobs jobs, ILogger<RecurringJobsSync> logger) : BackgroundService
{
    /// <summary>How soon a sync that met a database outage is tried again.</summary>
    public static readonly TimeSpan OutageRetry = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outage = new DatabaseOutage(logger, "Recurring jobs sync");
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = HangfireSetup.ResyncInterval;
            try
            {
                await jobs.SyncAsync(stoppingToken);
                outage.Succeeded();
            }
            catch (Exception e) when (e is not OperationCanceledException && DatabaseOutage.IsOutage(e))
            {
                outage.Failed(e);
                wait = OutageRetry;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One line, not a stack trace: this repeats every interval while it fails.
                logger.LogError("Could not synchronise the recurring jobs ({Error}); retrying in {Interval}", e.Message, HangfireSetup.ResyncInterval);
            }

            await Task.Delay(wait, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
