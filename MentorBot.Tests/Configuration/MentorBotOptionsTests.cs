using MentorBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Tests.Configuration;

/// <summary>
/// The Host's settings: the <c>MentorBot</c> section of appsettings, <c>MENTORBOT_*</c> environment keys on
/// top, and a one-line message naming the variable for every problem (never echoing the token).
/// </summary>
public sealed class MentorBotOptionsTests
{
    private const string Token = "7012345678:AAH-secret_TOKEN-0123456789abcdefXYZ";

    /// <summary>Configuration as the Host builds it: environment keys arrive with the prefix stripped.</summary>
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static MentorBotOptions Valid() => new() { ConnectionString = "Host=localhost;Database=mentorbot", BotToken = Token };

    private static MentorBotOptions ValidWebhook()
    {
        var options = Valid();
        options.Mode = ReceiveMode.Webhook;
        options.WebhookUrl = "https://bot.example.org/telegram/webhook";
        options.WebhookSecret = "s3cret_-X";
        return options;
    }

    [Fact]
    public void Defaults_are_polling_telegrams_api_and_25_per_second()
    {
        var options = MentorBotOptions.Load(Config());

        options.Mode.Should().Be(ReceiveMode.Polling);
        options.ApiBaseUrl.Should().Be("https://api.telegram.org");
        options.SenderRate.Should().Be(25);
        options.IsConsole.Should().BeTrue();
    }

    [Fact]
    public void The_section_is_read()
    {
        var options = MentorBotOptions.Load(Config(
            ("MentorBot:ConnectionString", "Host=db"), ("MentorBot:BotToken", Token), ("MentorBot:ApiBaseUrl", "http://127.0.0.1:9000"),
            ("MentorBot:Mode", "Webhook"), ("MentorBot:WebhookUrl", "https://x.example/h"), ("MentorBot:WebhookSecret", "abc"),
            ("MentorBot:ListenUrl", "http://0.0.0.0:9090"), ("MentorBot:SenderRate", "10"), ("MentorBot:BotUsername", "mentor_bot")));

        options.ConnectionString.Should().Be("Host=db");
        options.BotToken.Should().Be(Token);
        options.ApiBaseUrl.Should().Be("http://127.0.0.1:9000");
        options.Mode.Should().Be(ReceiveMode.Webhook);
        options.WebhookUrl.Should().Be("https://x.example/h");
        options.WebhookSecret.Should().Be("abc");
        options.ListenUrl.Should().Be("http://0.0.0.0:9090");
        options.SenderRate.Should().Be(10);
        options.BotUsername.Should().Be("mentor_bot");
        options.IsConsole.Should().BeFalse();
    }

    [Fact]
    public void Environment_keys_override_the_section()
    {
        var options = MentorBotOptions.Load(Config(
            ("MentorBot:ConnectionString", "Host=from-file"), ("CONNECTION_STRING", "Host=from-env"),
            ("MentorBot:BotToken", "1:file"), ("BOT_TOKEN", Token),
            ("MentorBot:ApiBaseUrl", "https://file.example"), ("API_BASE_URL", "http://env.example"),
            ("MentorBot:Mode", "polling"), ("MODE", "webhook"),
            ("MentorBot:WebhookUrl", "https://file.example/h"), ("WEBHOOK_URL", "https://env.example/h"),
            ("MentorBot:WebhookSecret", "file"), ("WEBHOOK_SECRET", "env"),
            ("MentorBot:ListenUrl", "http://file:1"), ("LISTEN_URL", "http://env:2"),
            ("MentorBot:SenderRate", "5"), ("SENDER_RATE", "20"),
            ("MentorBot:BotUsername", "file_bot"), ("BOT_USERNAME", "env_bot")));

        options.ConnectionString.Should().Be("Host=from-env");
        options.BotToken.Should().Be(Token);
        options.ApiBaseUrl.Should().Be("http://env.example");
        options.Mode.Should().Be(ReceiveMode.Webhook);
        options.WebhookUrl.Should().Be("https://env.example/h");
        options.WebhookSecret.Should().Be("env");
        options.ListenUrl.Should().Be("http://env:2");
        options.SenderRate.Should().Be(20);
        options.BotUsername.Should().Be("env_bot");
    }

    [Fact]
    public void Real_environment_variables_with_the_prefix_reach_the_options()
    {
        var name = "MENTORBOT_TEST_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "_";
        Environment.SetEnvironmentVariable(name + "SENDER_RATE", "17");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(name).Build();
            MentorBotOptions.Load(configuration).SenderRate.Should().Be(17);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name + "SENDER_RATE", null);
        }
    }

    [Theory]
    [InlineData("polling", ReceiveMode.Polling)]
    [InlineData("WEBHOOK", ReceiveMode.Webhook)]
    [InlineData(" Webhook ", ReceiveMode.Webhook)]
    public void Mode_is_read_case_insensitively(string value, ReceiveMode expected) =>
        MentorBotOptions.Load(Config(("MODE", value))).Mode.Should().Be(expected);

    [Theory]
    [InlineData("push")]
    [InlineData("1")]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("polling,webhook")]
    public void A_bad_mode_is_refused_naming_the_variable(string value)
    {
        var act = () => MentorBotOptions.Load(Config(("MODE", value)));

        act.Should().Throw<OptionsException>().WithMessage($"MENTORBOT_MODE must be 'polling' or 'webhook', not '{value}'.");
    }

    [Fact]
    public void A_sender_rate_that_is_not_a_number_is_refused()
    {
        var act = () => MentorBotOptions.Load(Config(("SENDER_RATE", "fast")));

        act.Should().Throw<OptionsException>().WithMessage("MENTORBOT_SENDER_RATE must be a whole number*not 'fast'.");
    }

    [Fact]
    public void Valid_polling_and_webhook_settings_and_the_console_have_no_problems()
    {
        Valid().Validate().Should().BeEmpty();
        ValidWebhook().Validate().Should().BeEmpty();
        new MentorBotOptions { ConnectionString = "Host=db" }.Validate().Should().BeEmpty("no token means the console chat");
    }

    [Fact]
    public void A_missing_connection_string_is_named()
    {
        var options = Valid();
        options.ConnectionString = " ";

        options.Validate().Should().Equal("MENTORBOT_CONNECTION_STRING is not set.");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("7012345678:short")]
    [InlineData("abc:AAH-secret_TOKEN-0123456789abcdefXYZ")]
    [InlineData("7012345678:AAH secret TOKEN 0123456789abcdefXYZ")]
    [InlineData("7012345678:AAH-secret_TOKEN-0123456789abcdefXYZ\n")]
    [InlineData("7012345678:AAH-secret_TOKEN-0123456789abcdefXYZ\r\n")]
    public void A_token_of_the_wrong_shape_is_refused_without_echoing_it(string token)
    {
        var options = Valid();
        options.BotToken = token;

        var problem = options.Validate().Should().ContainSingle().Subject;
        problem.Should().StartWith("MENTORBOT_BOT_TOKEN does not look like a Bot API token");
        problem.Should().NotContain(token.Trim());
        foreach (var piece in token.Split(':', ' ', '\n').Where(p => p.Length >= 10))
            problem.Should().NotContain(piece);
    }

    [Theory]
    [InlineData("api.telegram.org")]
    [InlineData("ftp://api.telegram.org")]
    [InlineData("")]
    public void A_bad_api_base_url_is_named(string url)
    {
        var options = Valid();
        options.ApiBaseUrl = url;

        options.Validate().Should().Equal($"MENTORBOT_API_BASE_URL must be an absolute http(s) URL, not '{url}'.");
    }

    [Theory]
    [InlineData("0", "MENTORBOT_SENDER_RETRY_HOURS must be 1–168 hours, not 0.")]
    [InlineData("169", "MENTORBOT_SENDER_RETRY_HOURS must be 1–168 hours, not 169.")]
    public void A_retry_window_outside_1_to_168_hours_is_refused(string hours, string problem)
    {
        var options = MentorBotOptions.Load(Config(("SENDER_RETRY_HOURS", hours)));
        var valid = Valid();
        valid.SenderRetryHours = options.SenderRetryHours;

        valid.Validate().Should().Equal(problem);
        MentorBotOptions.Load(Config()).SenderRetryHours.Should().Be(24, "a day by default");
        FluentActions.Invoking(() => MentorBotOptions.Load(Config(("SENDER_RETRY_HOURS", "day")))).Should().Throw<OptionsException>()
            .WithMessage("MENTORBOT_SENDER_RETRY_HOURS must be a whole number of hours, not 'day'.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-5)]
    public void A_sender_rate_outside_1_to_30_is_refused(int rate)
    {
        var options = Valid();
        options.SenderRate = rate;

        options.Validate().Should().Equal($"MENTORBOT_SENDER_RATE must be 1–30 messages per second (Telegram allows about 30), not {rate}.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void Sender_rates_1_and_30_pass(int rate)
    {
        var options = Valid();
        options.SenderRate = rate;

        options.Validate().Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://bot.example.org/hook")]
    [InlineData("/telegram/webhook")]
    public void Webhook_mode_needs_an_https_url(string url)
    {
        var options = ValidWebhook();
        options.WebhookUrl = url;

        options.Validate().Should().Equal("MENTORBOT_WEBHOOK_URL must be an absolute https URL in webhook mode.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dots.are.bad")]
    [InlineData("секрет")]
    [InlineData("s3cret\n")]
    public void Webhook_mode_needs_a_secret_of_the_bot_apis_characters(string secret)
    {
        var options = ValidWebhook();
        options.WebhookSecret = secret;

        options.Validate().Should().Equal("MENTORBOT_WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, '_' or '-' in webhook mode (Bot API setWebhook).");
    }

    [Fact]
    public void A_secret_of_257_characters_is_refused_and_256_passes()
    {
        var options = ValidWebhook();
        options.WebhookSecret = new string('a', 256);
        options.Validate().Should().BeEmpty();

        options.WebhookSecret = new string('a', 257);
        options.Validate().Should().ContainSingle().Which.Should().StartWith("MENTORBOT_WEBHOOK_SECRET");
    }

    [Fact]
    public void Webhook_mode_needs_a_token_and_a_listen_url()
    {
        var options = ValidWebhook();
        options.BotToken = "";
        options.ListenUrl = "not a url";

        options.Validate().Should().BeEquivalentTo(
            "MENTORBOT_MODE=webhook needs MENTORBOT_BOT_TOKEN.",
            "MENTORBOT_LISTEN_URL must be an absolute URL, not 'not a url'.");
    }

    [Fact]
    public void Polling_mode_does_not_check_webhook_settings()
    {
        var options = Valid();
        options.WebhookUrl = "http://insecure";
        options.WebhookSecret = "bad secret!";

        options.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new MentorBotOptions { BotToken = "nope", ApiBaseUrl = "x", SenderRate = 0, Mode = ReceiveMode.Webhook, WebhookSecret = "!" };

        var problems = options.Validate();

        problems.Should().HaveCount(6);
        problems.Should().OnlyContain(p => p.StartsWith("MENTORBOT_"));
    }

    [Fact]
    public void Max_alone_is_served_without_the_console_and_its_problems_are_reported_by_variable()
    {
        var options = MentorBotOptions.Load(Config(("CONNECTION_STRING", "Host=x"), ("MAX_TOKEN", "max-access-token"), ("MAX_BOT_USERNAME", "school_bot"),
            ("MAX_WEBHOOK_URL", "http://bot.example/max/webhook"), ("MAX_WEBHOOK_SECRET", "abc")));

        options.IsConsole.Should().BeFalse();
        options.HasTelegram.Should().BeFalse();
        options.Max.BotUsername.Should().Be("school_bot");
        options.Validate().Should().Equal(
            "MENTORBOT_MAX_WEBHOOK_URL must be an absolute https URL (MAX posts only to port 443), not 'http://bot.example/max/webhook'.",
            "MENTORBOT_MAX_WEBHOOK_SECRET must be 5–256 of A-Za-z0-9_- when MENTORBOT_MAX_WEBHOOK_URL is set.");
        options.Max.ToString().Should().NotContain("max-access-token").And.NotContain("abc");
    }
}
