using Dapper;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Consents;

/// <summary>
/// The consent in force (view <c>current_consents</c>) is kept by the ledger's trigger since 0057 (issue 18): the same
/// answer the old DISTINCT ON over the whole ledger gave — the latest event by moment, ties to the later record.
/// </summary>
public sealed class ConsentStatesTests
{
    private const string Seed = """
        INSERT INTO organisations (id, name, time_zone) VALUES ('00000000-0000-0000-0000-000000000057', 'Лицей', 'Asia/Omsk'),
                                                               ('00000000-0000-0000-0000-000000000058', 'Гимназия', 'Asia/Omsk');
        INSERT INTO participants (id, first_name) OVERRIDING SYSTEM VALUE VALUES (1, 'Мария'), (2, 'Анна');
        INSERT INTO memberships (id, organisation_id, participant_id) OVERRIDING SYSTEM VALUE
        VALUES (11, '00000000-0000-0000-0000-000000000057', 1), (12, '00000000-0000-0000-0000-000000000057', 2);
        """;

    private const string Ledger = """
        INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at) VALUES
            ('00000000-0000-0000-0000-000000000057', 1, 'personal_data', 'given', 'pd-1', 'telegram', '2026-09-01T06:00:00Z'),
            ('00000000-0000-0000-0000-000000000057', 1, 'personal_data', 'withdrawn', 'pd-1', 'telegram', '2026-09-20T06:00:00Z'),
            -- recorded later, but it happened earlier: the withdrawal stays in force
            ('00000000-0000-0000-0000-000000000057', 1, 'personal_data', 'given', 'pd-2', 'max', '2026-09-10T06:00:00Z'),
            ('00000000-0000-0000-0000-000000000057', 1, 'mentoring_duties', 'given', 'md-1', 'telegram', '2026-09-01T06:00:00Z'),
            -- the same moment twice: the later record wins
            ('00000000-0000-0000-0000-000000000057', 2, 'personal_data', 'declined', 'pd-1', 'telegram', '2026-09-02T06:00:00Z'),
            ('00000000-0000-0000-0000-000000000057', 2, 'personal_data', 'given', 'pd-2', 'telegram', '2026-09-02T06:00:00Z'),
            -- another organisation's consent is not this one's
            ('00000000-0000-0000-0000-000000000058', 2, 'publication', 'given', 'pub-1', 'telegram', '2026-09-03T06:00:00Z');
        """;

    private static readonly string[] InForce =
    [
        "057:1:mentoring_duties:given:md-1",
        "057:1:personal_data:withdrawn:pd-1",
        "057:2:personal_data:given:pd-2",
        "058:2:publication:given:pub-1",
    ];

    private const string Current = """
        SELECT right(organisation_id::text, 3) || ':' || participant_id || ':' || kind || ':' || event || ':' || text_version
          FROM current_consents ORDER BY 1
        """;

    [Fact]
    public async Task Migration_0057_keeps_the_latest_event_of_a_ledger_written_before_it()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(57);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(Seed + Ledger);

        await database.ApplyAllAsync();

        (await connection.QueryAsync<string>(Current)).Should().Equal(InForce);
    }

    [Fact]
    public async Task Events_recorded_after_it_keep_the_same_consent_in_force_and_the_membership_read_follows_it()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(57);
        await database.ApplyAllAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(Seed + Ledger);

        (await connection.QueryAsync<string>(Current)).Should().Equal(InForce);
        (await MembershipStore.GetAsync(connection, null, 11, default))!.PersonalDataConsentGiven.Should().BeFalse("she withdrew it");
        (await MembershipStore.GetAsync(connection, null, 12, default))!.PersonalDataConsentGiven.Should().BeTrue();

        await connection.ExecuteAsync("""
            INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at)
            VALUES ('00000000-0000-0000-0000-000000000057', 1, 'personal_data', 'given', 'pd-3', 'telegram', '2026-10-01T06:00:00Z')
            """);

        (await MembershipStore.GetAsync(connection, null, 11, default))!.PersonalDataConsentGiven.Should().BeTrue("she gave it again");
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM current_consents")).Should().Be(4);
    }
}
