using Dapper;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Features.Organisations;

namespace MentorBot.Tests.Features.Invites;

/// <summary><c>invite</c> through the CLI against a fresh database.</summary>
[Collection(DatabaseCliCollection.Name)]
public sealed class InviteCommandTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();
    private Guid organisation;

    public async Task InitializeAsync()
    {
        await cli.InitializeAsync();
        var created = await CliRunner.RunAsync("org", "create", "--name", "МБОУ СОШ № 5", "--time-zone", "Asia/Omsk");
        organisation = Guid.Parse(created.Output.Split('\n')[0]);
    }

    public Task DisposeAsync() => cli.DisposeAsync();

    private async Task<(string Role, int? MaxUses, TimeSpan? Lifetime)> InviteAsync(string token)
    {
        await using var connection = await cli.Database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string, int?, DateTime?, DateTime)>(
            "SELECT role, max_uses, expires_at, created_at FROM invites WHERE token = @token", new { token });
        return (row.Item1, row.Item2, row.Item3 - row.Item4);
    }

    [Fact]
    public async Task Prints_a_deep_link_with_an_unguessable_token()
    {
        var result = await CliRunner.RunAsync("invite", "--org", organisation.ToString(), "--role", "mentee", "--uses", "40", "--expires", "14");

        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        result.Output.Should().MatchRegex($"^https://t\\.me/{CliDatabase.BotUsername}\\?start=[A-Za-z0-9_-]{{24}}\n$");
        var invite = await InviteAsync(Onboarding.TokenIn(result.Output));
        invite.Should().Be(("mentee", 40, TimeSpan.FromDays(14)));
    }

    [Theory]
    [InlineData("mentor", null, 30)]
    [InlineData("curator", 1, 7)]
    [InlineData("head", 1, 7)]
    public async Task Uses_the_roles_default_limits(string role, int? maxUses, int days)
    {
        var result = await CliRunner.RunAsync("invite", "--org", organisation.ToString(), "--role", role);

        result.ExitCode.Should().Be(0, result.Error);
        (await InviteAsync(Onboarding.TokenIn(result.Output))).Should().Be((role, maxUses, TimeSpan.FromDays(days)));
    }

    [Fact]
    public async Task Without_a_bot_username_prints_the_start_command_and_says_why()
    {
        Environment.SetEnvironmentVariable("MENTORBOT_BOT_USERNAME", null);

        var result = await CliRunner.RunAsync("invite", "--org", organisation.ToString(), "--role", "mentor");

        result.ExitCode.Should().Be(0);
        result.Output.Should().MatchRegex("^/start [A-Za-z0-9_-]{24}\n$");
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain("MENTORBOT_BOT_USERNAME");
    }

    [Theory]
    [InlineData("--role", "student", "--role")]
    [InlineData("--uses", "0", "--uses")]
    [InlineData("--expires", "0", "--expires")]
    [InlineData("--expires", "366", "--expires")]
    [InlineData("--org", "not-a-guid", "--org")]
    [InlineData("--org", "0199e0c0-0000-7000-8000-000000000000", "no such organisation")]
    public async Task Bad_input_is_one_line_exit_2_and_creates_nothing(string option, string value, string mentioned)
    {
        var args = new Dictionary<string, string> { ["--org"] = organisation.ToString(), ["--role"] = "mentee" };
        args[option] = value;

        var result = await CliRunner.RunAsync(["invite", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain(mentioned);
        (await cli.CountAsync("invites")).Should().Be(1, "only org create's curator invite");
    }
}
