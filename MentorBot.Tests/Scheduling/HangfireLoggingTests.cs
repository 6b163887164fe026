using Hangfire;
using Hangfire.Logging;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Tests.Scheduling;

/// <summary>Hangfire's log provider is process-wide; a stopped host's must not break the hosts still running.</summary>
public sealed class HangfireLoggingTests
{
    [Fact]
    public void After_the_host_that_set_hangfires_logging_stops_asking_for_a_logger_does_not_throw()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMentorBotCore(new MentorBotOptions { ConnectionString = "Host=127.0.0.1;Database=unused" });
        using (var provider = services.BuildServiceProvider())
            provider.GetRequiredService<IGlobalConfiguration>(); // what resolving Hangfire's storage does at start

        var log = LogProvider.GetLogger("MentorBot.Tests");

        log.Invoking(l => l.Log(Hangfire.Logging.LogLevel.Info, () => "after the host stopped")).Should().NotThrow();
    }
}
