using Dapper;
using MentorBot.Host.Persistence;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Scheduling;

/// <summary>An installation that ran on Quartz: its qrtz_ tables go and its stored digest crons become Cronos crons with named weekdays.</summary>
public sealed class QuartzMigrationTests
{
    [Fact]
    public async Task Quartz_tables_are_dropped_and_quartz_crons_are_converted_with_weekdays_named()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(14);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE qrtz_job_details (sched_name text);
            CREATE TABLE qrtz_triggers (sched_name text);
            INSERT INTO organisations (id, name, time_zone, digest_cron) VALUES
                ('00000000-0000-0000-0000-000000000001', 'По умолчанию', 'Asia/Omsk', '0 0 9 ? * MON'),
                ('00000000-0000-0000-0000-000000000002', 'Пятница, номером', 'Asia/Omsk', '0 30 15 ? * 6'),
                ('00000000-0000-0000-0000-000000000003', 'Будни, номерами', 'Asia/Omsk', '0 0 8 ? * 2-6'),
                ('00000000-0000-0000-0000-000000000004', 'С секундами', 'Asia/Omsk', '15 0 9 ? * TUE');
            """);

        await database.ApplyAllAsync();

        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'qrtz%'")).Should().Be(0);
        var crons = (await connection.QueryAsync<(string Name, string Cron)>("SELECT name, digest_cron FROM organisations ORDER BY id")).ToList();
        crons.Should().Equal(
            ("По умолчанию", "0 9 * * MON"),
            ("Пятница, номером", "30 15 * * FRI"),   // Quartz's 6 is Friday; Cronos would have read it as Saturday
            ("Будни, номерами", "0 8 * * MON-FRI"),
            ("С секундами", "0 9 * * MON"));          // not representable: the default
        (await connection.ExecuteScalarAsync<string>("INSERT INTO organisations (id, name, time_zone) VALUES (gen_random_uuid(), 'Новая', 'Asia/Omsk') RETURNING digest_cron"))
            .Should().Be("0 9 * * MON");
    }
}
