using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Configuration;

/// <summary>Builds the configuration every verb reads: appsettings.json beside the executable, then MENTORBOT_* environment variables.</summary>
public static class HostConfiguration
{
    /// <summary>The environment-variable prefix (stripped from keys).</summary>
    public const string EnvironmentPrefix = "MENTORBOT_";

    /// <summary>Adds the MentorBot sources to <paramref name="builder"/> (later sources win).</summary>
    public static IConfigurationBuilder AddMentorBotSources(this IConfigurationBuilder builder) =>
        builder.SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix);

    /// <summary>Reads the options for a CLI verb.</summary>
    /// <exception cref="OptionsException">A value cannot be read.</exception>
    public static MentorBotOptions LoadOptions() =>
        MentorBotOptions.Load(new ConfigurationBuilder().AddMentorBotSources().Build());
}
