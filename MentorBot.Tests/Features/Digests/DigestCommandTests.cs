using Dapper;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Features.Organisations;

namespace MentorBot.Tests.Features.Digests;

[Collection(DatabaseCliCollection.Name)]
public sealed class DigestCommandTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();

    public Task InitializeAsync() => cli.InitializeAsync();

    public Task DisposeAsync() => cli.DisposeAsync();

    [Fact]
    public async Task Digest_prints_the_same_digest_as_plain_text()
    {
        var id = Guid.NewGuid();
        await using (var connection = await cli.Database.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("INSERT INTO organisations (id, name, time_zone) VALUES (@id, 'Школа <№ 1>', 'Europe/Volgograd')", new { id });

        var result = await CliRunner.RunAsync("digest", "--org", id.ToString(), "--now", "2026-10-15T09:00:00+03:00");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().StartWith("Сводка по программе наставничества\nШкола <№ 1>, неделя с 12.10.2026")
            .And.Contain("Дорожная карта (/roadmap)\nДорожная карта ещё не загружена.")
            .And.Contain("Наставников: 0")
            .And.Contain("Пригласите наставников и наставляемых")
            .And.NotContain("<b>");
        (await cli.CountAsync("outbox")).Should().Be(0);
    }

    [Theory]
    [InlineData("not-a-uuid", "--org 'not-a-uuid' is not an organisation id")]
    [InlineData("7f0c1a4e-0000-4000-8000-000000000000", "no organisation has the id")]
    public async Task A_bad_or_unknown_organisation_is_one_line_and_exit_2(string org, string message)
    {
        var result = await CliRunner.RunAsync("digest", "--org", org);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message);
        result.Error.Trim().Should().NotContain("\n");
    }
}
