using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Consents;

/// <summary>
/// Withdrawing the personal-data consent (152-ФЗ ст. 9 ч. 2, ст. 21 ч. 5): afterwards no row of any
/// table holds the person's name, Telegram id or answers — checked over every column of the schema.
/// </summary>
public sealed class WithdrawalErasureTests : IAsyncLifetime
{
    private const long Mentee = 730_000_111;
    private const long Mentor = 730_000_222;
    private const long Curator = 730_000_333;
    private const long Psychologist = 730_000_444;
    private const string FirstName = "Зинаида";
    private const string FullName = "Уникальнова Зинаида Петровна";
    private const string Answer = "секретный ответ про дисциплину";
    private readonly PipelineHarness harness = Onboarding.NewHarness();
    private Organisation school = null!;
    private long membership;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("Гимназия № 3");
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        var mentor = await harness.AddMemberAsync(school, Mentor, "Наставникова Елена", [Role.Mentor]);
        var psychologist = await harness.AddMemberAsync(school, Psychologist, "Психологова Вера", [Role.Psychologist]);
        membership = await harness.AddMemberAsync(school, Mentee, FullName, [Role.Mentee], "учитель математики", "алгебра");
        var now = harness.Clock.GetUtcNow().UtcDateTime;
        await harness.ExecuteAsync("""
            INSERT INTO questionnaire_responses (membership_id, questionnaire, version, answers, started_at, updated_at, status)
            VALUES (@membership, 'mentee_intake', 1, jsonb_build_object('full_name', @FullName, 'expectations', @Answer), @now, @now, 'completed');
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, reasons, goals, created_at)
            VALUES (@school, @mentor, @membership, 'active', ARRAY['Зинаиде нужна помощь с алгеброй'], ARRAY['уроки Зинаиды'], @now);
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, topic, source_text, created_at, updated_at)
            SELECT id, @mentor, '2026-08-30', 45, 'regular', 'разбор урока Зинаиды', 'встретились с Зинаидой 45 минут', @now, @now FROM pairs;
            INSERT INTO feedback_polls (meeting_id, mentee_membership_id, due_at, expires_at, score, comment)
            SELECT id, @membership, @now, @now, 5, @Answer FROM meetings;
            INSERT INTO flags (organisation_id, pair_id, raised_by, text, raised_at) SELECT @school, id, @membership, @Answer, @now FROM pairs;
            INSERT INTO match_preferences (organisation_id, chooser_membership_id, chosen_membership_id, rank, created_at)
            VALUES (@school, @membership, @mentor, 1, @now);
            WITH c AS (INSERT INTO practice_cases (organisation_id, author_membership_id, pair_id, topic, title, difficulty, actions, result, status, submitted_at)
                       SELECT @school, @mentor, id, 'дисциплина', 'Как Зинаида Петровна справилась', 'Уникальнова боялась шумного класса',
                              'разобрали уроки Зинаиды', 'Зинаида стала увереннее', 'approved', @now FROM pairs RETURNING id)
            INSERT INTO practice_case_materials (case_id, position, file_id, file_name, file_size) SELECT id, 1, 'F1', 'урок Зинаиды.docx', 100 FROM c;
            INSERT INTO mentee_notes (organisation_id, mentee_membership_id, author_membership_id, author_role, topic, text, created_at)
            VALUES (@school, @membership, @psychologist, 'psychologist', 'дисциплина и управление классом', @Answer, @now);
            """, new { membership, mentor, psychologist, school = school.Id, FullName, Answer, now });
        // A reminder already queued for her, and something she sent before.
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        await harness.Services.GetRequiredService<Notifier>().EnqueueAsync(connection, null, membership,
            Reply.Plain($"{FirstName}, напоминаем о встрече"), "test-reminder", harness.Clock.GetUtcNow().AddDays(1), default);
        await harness.SendAsync(Mentee, "/help", FirstName);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<long> WithdrawAsync()
    {
        await harness.SendAsync(Mentee, "/consents", FirstName);
        await harness.PressAsync(Mentee, $"consents:withdraw:personal_data:{membership}", FirstName);
        return await harness.PressAsync(Mentee, $"consents:confirm:personal_data:{membership}", FirstName);
    }

    [Fact]
    public async Task After_withdrawal_no_row_holds_the_persons_name_telegram_id_or_answers()
    {
        var confirm = await WithdrawAsync();

        // Every text-like and bigint column of every table; the one exception is the reply that confirms
        // the withdrawal (and its button acknowledgement), which must reach the chat.
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var columns = (await connection.QueryAsync<(string Table, string Column, string Type)>("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bigint')
            """)).ToList();
        columns.Should().Contain(c => c.Table == "messenger_accounts" && c.Column == "external_user_id");
        var leaks = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var exclude = table == "outbox" ? " AND idempotency_key NOT LIKE @confirmKey" : "";
            var condition = type == "bigint"
                ? $"\"{column}\" = @Mentee"
                : $"(\"{column}\"::text ILIKE '%' || @FirstName || '%' OR \"{column}\"::text ILIKE '%Уникальнова%' OR \"{column}\"::text ILIKE '%' || @Answer || '%' OR \"{column}\"::text LIKE '%' || @Mentee::text || '%' OR \"{column}\"::text ILIKE '%Зинаид%')";
            var count = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM \"{table}\" WHERE {condition}{exclude}",
                new { Mentee, FirstName, Answer, confirmKey = $"upd:telegram:{confirm}:%" });
            if (count > 0) leaks.Add($"{table}.{column}: {count}");
        }

        leaks.Should().BeEmpty();
    }

    [Fact]
    public async Task Withdrawal_is_confirmed_recorded_and_leaves_a_destruction_entry()
    {
        await WithdrawAsync();

        (await harness.LastTextAsync(Mentee)).Should().Be(ConsentTexts.PersonalDataWithdrawn);
        (await harness.QueuedTextsAsync(Mentee)).Should().Equal(ConsentTexts.PersonalDataWithdrawn);
        (await harness.ScalarAsync<string>("SELECT event FROM current_consents WHERE kind = 'personal_data' AND participant_id = (SELECT participant_id FROM memberships WHERE id = @membership)", new { membership }))
            .Should().Be("withdrawn");
        (await harness.ScalarAsync<string>("SELECT status FROM memberships WHERE id = @membership", new { membership })).Should().Be("erased");
        (await harness.ScalarAsync<string>("SELECT p.status FROM participants p JOIN memberships m ON m.participant_id = p.id WHERE m.id = @membership", new { membership })).Should().Be("erased");
        (await harness.ScalarAsync<string>("SELECT status || ':' || dissolved_reason FROM pairs")).Should().Be("dissolved:consent_withdrawn");
        (await harness.ScalarAsync<string>("SELECT array_to_string(destroyed, '; ') || ' | ' || reason || ' | ' || performed_by FROM destruction_records"))
            .Should().Be(string.Join("; ", PersonalDataErasure.MembershipCategories.Concat(PersonalDataErasure.IdentityCategories)) + " | consent_withdrawn | " + ConsentTexts.PerformedByBot);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);

        // The same Telegram user writing again is a stranger: nothing links them to the erased row.
        await harness.SendAsync(Mentee, "/consents", FirstName);
        (await harness.LastTextAsync(Mentee)).Should().Be(AccessTexts.NotAMember);
    }

    [Fact]
    public async Task Withdrawal_erases_every_messenger_account_of_the_person_and_their_other_chat()
    {
        const long maxUser = 930_000_555, maxChat = 930_000_556;
        await harness.ExecuteAsync("""
            INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name)
            SELECT participant_id, 'max', @maxUser, @maxChat, @FirstName FROM memberships WHERE id = @membership;
            INSERT INTO conversation_states (messenger, chat_id, flow, state) VALUES ('max', @maxChat, 'questionnaire', 'asking');
            """, new { maxUser, maxChat, FirstName, membership });

        await WithdrawAsync();

        (await harness.ScalarAsync<long>("SELECT count(*) FROM messenger_accounts WHERE participant_id = (SELECT participant_id FROM memberships WHERE id = @membership)", new { membership }))
            .Should().Be(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM messenger_accounts WHERE external_user_id IN (@Mentee, @maxUser)", new { Mentee, maxUser })).Should().Be(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states WHERE chat_id = @maxChat", new { maxChat })).Should().Be(0);
    }

    [Fact]
    public async Task A_person_still_in_another_organisation_keeps_their_messenger_identity_there()
    {
        var other = await harness.CreateOrganisationAsync("Детский сад № 7");
        var otherMembership = await harness.AddMemberAsync(other, Mentee, "Уникальнова З. П.", [Role.Mentor]);
        await harness.ExecuteAsync("UPDATE participants SET current_organisation_id = @id WHERE id = @participant", new { id = school.Id, participant = await harness.ParticipantAsync(Mentee) });

        await WithdrawAsync();

        (await harness.ScalarAsync<string>("SELECT status FROM memberships WHERE id = @membership", new { membership })).Should().Be("erased");
        (await harness.ScalarAsync<string>("SELECT status || ':' || full_name FROM memberships WHERE id = @otherMembership", new { otherMembership })).Should().Be("active:Уникальнова З. П.");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM participants WHERE id = @participant AND status = 'active'", new { participant = await harness.ParticipantAsync(Mentee) })).Should().Be(1);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM questionnaire_responses")).Should().Be(0);
        (await harness.ScalarAsync<string>("SELECT array_to_string(destroyed, '; ') FROM destruction_records")).Should().Be(string.Join("; ", PersonalDataErasure.MembershipCategories));
    }
}
