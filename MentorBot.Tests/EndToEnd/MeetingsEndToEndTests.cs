using Dapper;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using Npgsql;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// Issue 6 end to end through the telegram-test-api emulator: a mentor logs a meeting with one
/// message and confirms; the mentee receives the feedback poll (its due time brought forward, since
/// the real clock would hold it until the next morning) and answers it.
/// </summary>
public sealed class MeetingsEndToEndTests : EmulatorTestBase
{
    private const long MentorUser = 515151, MenteeUser = 525252;

    /// <summary>An organisation in Omsk with a mentor and a mentee in an active pair, straight into the database.</summary>
    protected override async Task SeedAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        var organisationId = Guid.NewGuid();
        var now = EmulatorBot.DefaultStart; // the bot starts after the seed, its clock from this instant
        await connection.ExecuteAsync("INSERT INTO organisations (id, name, time_zone) VALUES (@organisationId, 'Лицей', 'Asia/Omsk')", new { organisationId });
        async Task<long> MemberAsync(long user, string fullName, Role role)
        {
            var participant = await ProgrammeSetup.TelegramPersonAsync(connection, user);
            var membership = await MembershipStore.GrantAsync(connection, null, organisationId, participant, role, now, CancellationToken.None);
            await connection.ExecuteAsync("UPDATE memberships SET full_name = @fullName WHERE id = @membership", new { fullName, membership });
            // A mentor works only with the written consent to mentoring duties too (ТК РФ ст. 351.8).
            foreach (var kind in role == Role.Mentor ? new[] { "personal_data", "mentoring_duties" } : ["personal_data"])
            {
                await connection.ExecuteAsync("""
                    INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at)
                    VALUES (@organisationId, @participant, @kind, 'given', 'pd-2026.1', 'telegram', @now)
                    """, new { organisationId, participant, kind, now });
            }
            return membership;
        }

        var mentor = await MemberAsync(MentorUser, "Иванова Мария Петровна", Role.Mentor);
        var mentee = await MemberAsync(MenteeUser, "Петрова Анна Сергеевна", Role.Mentee);
        await connection.ExecuteAsync("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, created_at)
            VALUES (@organisationId, @mentor, @mentee, 'active', @now)
            """, new { organisationId, mentor, mentee, now });
    }

    [Fact]
    public async Task A_mentor_logs_a_meeting_with_one_message_and_the_mentee_answers_the_poll()
    {
        await Emulator.SendTextAsync(Token, MentorUser, "Встретились сегодня, 45 минут, тема: самоанализ урока");
        var card = (await Emulator.WaitForBotMessagesAsync(Token, MentorUser, 1, Deadline)).Should().ContainSingle().Subject;
        card.Text.Should().Contain("Длительность: 45 мин").And.Contain("Тема: самоанализ урока");
        card.CallbackData.Should().Contain("meet:save");

        await Emulator.PressAsync(Token, MentorUser, card.MessageId, "meet:save");
        (await Emulator.WaitForBotMessagesAsync(Token, MentorUser, 1, Deadline)).Select(m => m.Text).Should().Equal(MeetingsTexts.Saved);

        // The poll waits in the outbox until the next morning; bring it forward instead of waiting.
        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
            (await connection.ExecuteAsync("UPDATE outbox SET due_at = @now WHERE idempotency_key LIKE 'bg:poll:%' AND status = 'pending'", new { now = Bot.Clock.GetUtcNow() })).Should().Be(1);

        var poll = (await Emulator.WaitForBotMessagesAsync(Token, MenteeUser, 1, Deadline)).Should().ContainSingle().Subject;
        poll.Text.Should().StartWith("Как прошла встреча с наставником (Иванова Мария Петровна)");
        poll.CallbackData.Should().HaveCount(5);
        await Emulator.PressAsync(Token, MenteeUser, poll.MessageId, poll.CallbackData[4]);
        (await Emulator.WaitForBotMessagesAsync(Token, MenteeUser, 1, Deadline)).Select(m => m.Text).Should().Equal(MeetingsTexts.PollAskComment);

        await Emulator.SendTextAsync(Token, MenteeUser, "Разобрали мой урок по шагам");
        (await Emulator.WaitForBotMessagesAsync(Token, MenteeUser, 1, Deadline)).Select(m => m.Text).Should().Equal(MeetingsTexts.PollCommentThanks);

        await using var check = new NpgsqlConnection(Database.ConnectionString);
        (await check.QuerySingleAsync<string>("SELECT score || ' ' || comment FROM feedback_polls")).Should().Be("5 Разобрали мой урок по шагам");
    }
}
