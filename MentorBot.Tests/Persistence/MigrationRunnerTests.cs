using Dapper;
using MentorBot.Host.Persistence;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Persistence;

public class MigrationRunnerTests
{
    private static MigrationRunner Runner(Npgsql.NpgsqlDataSource dataSource) => new(dataSource, NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task Applies_every_file_to_an_empty_database_then_a_second_run_is_a_no_op()
    {
        await using var dataSource = Database.CreateDataSource(await TestDatabase.CreateEmptyAsync());
        var migrations = Migration.LoadEmbedded();

        var first = await Runner(dataSource).ApplyAsync(migrations);
        var second = await Runner(dataSource).ApplyAsync(migrations);

        first.Should().Equal(migrations.Select(m => m.Name));
        first.Should().Contain(["0001_create_organisations.sql", "0004_create_outbox.sql"]);
        second.Should().BeEmpty();
        await using var connection = await dataSource.OpenConnectionAsync();
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations")).Should().Be(migrations.Count);
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('organisations','participants','inbound_updates','outbox','conversation_states')"))
            .Should().Be(5);
    }

    [Fact]
    public async Task A_changed_applied_file_is_refused_by_name_and_nothing_new_is_applied()
    {
        await using var dataSource = Database.CreateDataSource(await TestDatabase.CreateEmptyAsync());
        var original = new[] { new Migration("0001_create_things.sql", "CREATE TABLE things (id int);") };
        await Runner(dataSource).ApplyAsync(original);

        var changed = new[]
        {
            new Migration("0001_create_things.sql", "CREATE TABLE things (id bigint);"),
            new Migration("0002_create_others.sql", "CREATE TABLE others (id int);"),
        };
        var act = () => Runner(dataSource).ApplyAsync(changed);

        (await act.Should().ThrowAsync<MigrationChecksumException>()).WithMessage("*0001_create_things.sql*");
        await using var connection = await dataSource.OpenConnectionAsync();
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'others'")).Should().Be(0);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_not_recorded()
    {
        await using var dataSource = Database.CreateDataSource(await TestDatabase.CreateEmptyAsync());
        var broken = new[] { new Migration("0001_create_things.sql", "CREATE TABLE things (id int); SELECT no_such_function();") };

        var act = () => Runner(dataSource).ApplyAsync(broken);

        await act.Should().ThrowAsync<Npgsql.PostgresException>();
        await using var connection = await dataSource.OpenConnectionAsync();
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'things'")).Should().Be(0);
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations")).Should().Be(0);
    }

    [Fact]
    public async Task Two_instances_starting_together_apply_each_file_once()
    {
        await using var dataSource = Database.CreateDataSource(await TestDatabase.CreateEmptyAsync());
        var migrations = Migration.LoadEmbedded();

        var results = await Task.WhenAll(Runner(dataSource).ApplyAsync(migrations), Runner(dataSource).ApplyAsync(migrations));

        results.SelectMany(r => r).Should().Equal(migrations.Select(m => m.Name), "one instance applies everything while the other waits on the advisory lock");
    }

    [Theory]
    [InlineData("1_create_x.sql")]
    [InlineData("0001-create-x.sql")]
    [InlineData("0001_x.sql")]
    [InlineData("0001_Create_X.sql")]
    public void Badly_named_files_are_refused(string name)
    {
        var act = () => Migration.Ordered([new Migration(name, "SELECT 1")]);
        act.Should().Throw<InvalidOperationException>().WithMessage($"*{name}*");
    }

    [Fact]
    public void A_repeated_version_is_refused()
    {
        var act = () => Migration.Ordered([new Migration("0001_create_a.sql", ""), new Migration("0001_create_b.sql", "")]);
        act.Should().Throw<InvalidOperationException>().WithMessage("*0001*");
    }

    [Fact]
    public void Line_endings_do_not_change_the_checksum()
    {
        new Migration("0001_create_a.sql", "A\r\nB").Checksum.Should().Be(new Migration("0001_create_a.sql", "A\nB").Checksum);
    }
}
