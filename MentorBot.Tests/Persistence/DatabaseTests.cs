using Dapper;
using MentorBot.Host.Persistence;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Persistence;

public class DatabaseTests
{
    private const string RepeatedQuery = "SELECT count(*) FROM pg_class WHERE relname = @name";

    [Fact]
    public async Task A_statement_run_again_on_a_connection_is_prepared_on_the_server()
    {
        await using var dataSource = Database.CreateDataSource(await TestDatabase.CreateEmptyAsync());
        await using var connection = await dataSource.OpenConnectionAsync();

        for (var i = 0; i < 3; i++)
            await connection.ExecuteScalarAsync<long>(RepeatedQuery, new { name = "pg_class" });

        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%relname = $1%'"))
            .Should().Be(1);
    }

    [Fact]
    public async Task A_connection_string_that_sets_max_auto_prepare_is_obeyed()
    {
        await using var dataSource = Database.CreateDataSource(await TestDatabase.CreateEmptyAsync() + ";Max Auto Prepare=0");
        await using var connection = await dataSource.OpenConnectionAsync();

        for (var i = 0; i < 3; i++)
            await connection.ExecuteScalarAsync<long>(RepeatedQuery, new { name = "pg_class" });

        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements")).Should().Be(0);
    }
}
