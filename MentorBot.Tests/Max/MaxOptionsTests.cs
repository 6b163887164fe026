using MentorBot.Host.Max;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Tests.Max;

/// <summary>MAX settings as an operator sets them, and the deep links invites will print.</summary>
public sealed class MaxOptionsTests
{
    private static MaxOptions Load(Dictionary<string, string?> values) =>
        MaxOptions.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Environment_variables_override_appsettings_and_the_default_API_is_MAXs_own()
    {
        var defaults = Load([]);
        var options = Load(new()
        {
            ["MentorBot:MaxToken"] = "from-appsettings",
            ["MentorBot:MaxBotUsername"] = "school_bot",
            ["MAX_TOKEN"] = "from-env-0123456789",
            ["MAX_API_BASE_URL"] = "http://localhost:9000",
        });

        (defaults.IsConfigured, defaults.ApiBaseUrl).Should().Be((false, "https://platform-api.max.ru"));
        defaults.Validate().Should().BeEmpty("MAX is simply off without a token");
        (options.Token, options.ApiBaseUrl, options.BotUsername, options.IsConfigured).Should().Be(("from-env-0123456789", "http://localhost:9000", "school_bot", true));
        options.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_one_line_naming_the_variable_and_never_the_token()
    {
        var options = Load(new()
        {
            ["MAX_TOKEN"] = "secret with spaces",
            ["MAX_API_BASE_URL"] = "platform-api.max.ru",
            ["MAX_BOT_USERNAME"] = "@school_bot",
        });

        var problems = options.Validate();

        problems.Should().HaveCount(3);
        problems.Should().Contain(p => p.StartsWith("MENTORBOT_MAX_TOKEN ")).And.Contain(p => p.StartsWith("MENTORBOT_MAX_API_BASE_URL ")).And.Contain(p => p.StartsWith("MENTORBOT_MAX_BOT_USERNAME "));
        problems.Should().NotContain(p => p.Contains("secret with spaces") || p.Contains('\n'));
        options.ToString().Should().NotContain("secret").And.Contain("<set>");
        var client = () => new MaxBotClient(options, new HttpClient());
        client.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("secret with spaces");
    }

    [Fact]
    public void An_invite_link_starts_the_bot_with_the_token_and_comes_back_as_the_start_command()
    {
        const string token = "Zm9vYmFyYmF6cXV4MTIz";

        var link = MaxDeepLinks.Start("school_bot", token);

        link.Should().Be("https://max.ru/school_bot?start=Zm9vYmFyYmF6cXV4MTIz");
        MaxDeepLinks.StartCommand(token).Should().Be("/start Zm9vYmFyYmF6cXV4MTIz");
        FluentActions.Invoking(() => MaxDeepLinks.Start("school_bot", new string('a', MaxLimits.StartPayload + 1))).Should().Throw<ArgumentException>().WithMessage("*128*");
        FluentActions.Invoking(() => MaxDeepLinks.Start("school_bot", "a b")).Should().Throw<ArgumentException>();
        MaxDeepLinks.Start("school_bot", new string('a', MaxLimits.StartPayload)).Should().EndWith(new string('a', 128));
    }
}
