using MentorBot.Domain.Meetings;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Meetings;

/// <summary>
/// A meeting logged by one message in each messenger (issue 16): the card, saving it, the mentee's poll the next morning
/// answered with a button; an edit of that message corrects the meeting.
/// </summary>
public sealed class MeetingsInEachMessengerTests
{
    private const long Curator = 750_001, Mentor = 750_002, Mentee = 750_003;

    [Theory]
    [MemberData(nameof(MessengerDriver.Both), MemberType = typeof(MessengerDriver))]
    public async Task A_meeting_logged_by_message_is_saved_its_poll_is_answered_and_an_edit_corrects_it(string messenger)
    {
        await using var harness = await PipelineHarness.StartAsync(messenger, Onboarding.BotUsername, "school_mentor_bot");
        // 2026-09-01 06:00Z is 12:00 in Omsk.
        var school = await harness.CreateOrganisationAsync("Лицей № 64", "Asia/Omsk");
        await harness.ApprovedPairAsync(school, (Curator, "Кузнецова Ольга Ивановна"), (Mentor, "Иванова Мария Петровна"), (Mentee, "Петрова Анна Сергеевна"));
        var noticed = (await harness.QueuedTextsAsync(Mentee)).Count;

        var message = harness.Text(Mentor, "Встретились сегодня, 45 минут, тема: самоанализ урока");
        var card = (await harness.SendAsync(Mentor, message)).Should().ContainSingle().Subject;
        card.Should().Contain("Дата: 01.09.2026").And.Contain("Длительность: 45 мин").And.Contain("Тема: самоанализ урока")
            .And.Contain("Наставляемый: Петрова Анна Сергеевна");
        (await harness.SendAsync(Mentor, harness.Press(Mentor, "meet:save"))).Should().Equal(MeetingsTexts.Saved);

        // The poll is due at 09:00 the next morning in Omsk; the mentee answers it with a button.
        harness.Clock.Set(new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.FromHours(6)));
        var poll = (await harness.QueuedMessagesAsync(Mentee)).Skip(noticed).Should().ContainSingle().Subject;
        poll.Text.Should().StartWith("Как прошла встреча с наставником (Иванова Мария Петровна) 01.09.2026");
        poll.Buttons.Should().HaveCountGreaterThan(4);
        await harness.SendAsync(Mentee, harness.Press(Mentee, poll.Buttons[4].Data));
        (await harness.ScalarAsync<long>("SELECT count(*) FROM feedback_polls WHERE answered_at IS NOT NULL")).Should().Be(1);

        var correction = (await harness.SendAsync(Mentor, harness.Edit(message, "Встретились сегодня, 50 минут, тема: самоанализ урока"))).Should().ContainSingle().Subject;
        correction.Should().Contain("Дата: 01.09.2026", "«сегодня» is the day the message was written").And.Contain("Длительность: 50 мин");
        (await harness.SendAsync(Mentor, harness.Press(Mentor, "meet:save"))).Should().Equal(MeetingsTexts.Updated);
        (await harness.ScalarAsync<string>("SELECT count(*) || ' ' || min(duration_minutes) FROM meetings")).Should().Be("1 50");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM feedback_polls")).Should().Be(1, "a correction asks no second poll");
        (await harness.RowsForOtherMessengersAsync()).Should().Be(0);
    }
}
