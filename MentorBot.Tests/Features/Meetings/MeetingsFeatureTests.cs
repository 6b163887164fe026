using MentorBot.Domain.Meetings;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Host.Features.Meetings;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Start;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Features.Questionnaires;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Meetings;

/// <summary>Meetings through the real pipeline over PostgreSQL: logging, polls, flags, correction rules, term end.</summary>
public sealed class MeetingsFeatureTests : IAsyncLifetime
{
    private const long Curator = 100, Mentor = 200, Mentee = 300, OtherMentor = 400, OtherMentee = 500;
    private readonly PipelineHarness harness = new();
    private Organisation org = null!;
    private long mentorId, menteeId, pairId;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        // 2026-09-01 06:00Z is 12:00 in Omsk (UTC+6).
        org = await harness.CreateOrganisationAsync("Лицей № 64", "Asia/Omsk");
        await harness.AddMemberAsync(org, Curator, "Кузнецова Ольга Ивановна", [Role.Curator]);
        mentorId = await harness.AddMemberAsync(org, Mentor, "Иванова Мария Петровна", [Role.Mentor]);
        menteeId = await harness.AddMemberAsync(org, Mentee, "Петрова Анна Сергеевна", [Role.Mentee]);
        pairId = await AddPairAsync(org, mentorId, menteeId);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private Task<long> AddPairAsync(Organisation organisation, long mentor, long mentee, string endsOn = "2027-05-31") =>
        harness.ScalarAsync<long>("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, starts_on, ends_on, created_at)
            VALUES (@org, @mentor, @mentee, 'active', '2026-09-01', @endsOn::date, @now) RETURNING id
            """, new { now = harness.Clock.GetUtcNow(), org = organisation.Id, mentor, mentee, endsOn });

    private Task AddPlanItemAsync(long pair, int position, string kind, string dueOn) =>
        harness.ExecuteAsync("INSERT INTO plan_items (pair_id, position, kind, title, due_on) VALUES (@pair, @position, @kind, @kind, @dueOn::date)",
            new { pair, position, kind, dueOn });

    private async Task<IReadOnlyList<string>> SendAsync(long user, params PersonUpdate[] updates)
    {
        var before = (await harness.QueuedTextsAsync(user)).Count;
        await harness.RecordAsync(updates);
        await harness.ProcessAllAsync();
        return (await harness.QueuedTextsAsync(user)).Skip(before).ToList();
    }

    private Task<IReadOnlyList<string>> SayAsync(long user, string text) => SendAsync(user, harness.Text(user, text));

    private Task<IReadOnlyList<string>> PressAsync(long user, string data) => SendAsync(user, harness.Press(user, data));

    /// <summary>The mentor logs a meeting with one message and saves the card; returns the last reply.</summary>
    private async Task<string> LogAsync(string text, long mentor = Mentor)
    {
        await SayAsync(mentor, text);
        return (await PressAsync(mentor, "meet:save")).Last();
    }

    private async Task<string> CorrectDateAsync(long meetingId, string date)
    {
        await PressAsync(Mentor, $"meet:fix:{meetingId}");
        await PressAsync(Mentor, "meet:edit");
        await PressAsync(Mentor, "meet:field:date");
        await SayAsync(Mentor, date);
        return (await PressAsync(Mentor, "meet:save")).Last();
    }

    private Task<long> PollIdAsync() => harness.ScalarAsync<long>("SELECT id FROM feedback_polls ORDER BY id DESC LIMIT 1");

    private Task<DateTime> PollOutboxDueAsync(long pollId) =>
        harness.ScalarAsync<DateTime>("SELECT due_at FROM outbox WHERE idempotency_key = @key", new { key = $"bg:poll:{pollId}.0" });

    [Fact]
    public async Task One_message_becomes_a_card_and_saving_it_logs_the_meeting_ticks_the_plan_and_schedules_the_poll()
    {
        await AddPlanItemAsync(pairId, 1, "organizational", "2026-09-05");
        await AddPlanItemAsync(pairId, 2, "regular", "2026-09-20");
        await AddPlanItemAsync(pairId, 3, "regular", "2026-10-20");

        var card = (await SayAsync(Mentor, "Встретились сегодня, 45 минут, тема: самоанализ урока")).Should().ContainSingle().Subject;
        card.Should().Contain("Дата: 01.09.2026").And.Contain("Длительность: 45 мин").And.Contain("Тема: самоанализ урока")
            .And.Contain("Наставляемый: Петрова Анна Сергеевна");

        (await PressAsync(Mentor, "meet:save")).Should().Equal(MeetingsTexts.Saved);

        var meetingId = await harness.ScalarAsync<long>("SELECT id FROM meetings WHERE pair_id = @pairId AND held_on = '2026-09-01' AND duration_minutes = 45 AND kind = 'regular'", new { pairId });
        (await harness.ScalarAsync<int>("SELECT position FROM plan_items WHERE meeting_id = @meetingId AND done_at IS NOT NULL", new { meetingId }))
            .Should().Be(2, "a regular meeting ticks the earliest regular item");
        var pollId = await PollIdAsync();
        // Logged at 12:00 on the meeting day: 18:00 + 2 h is the window's end, so 09:00 next morning in Omsk.
        var due = new DateTime(2026, 9, 2, 3, 0, 0, DateTimeKind.Utc);
        (await harness.ScalarAsync<DateTime>("SELECT due_at FROM feedback_polls WHERE id = @pollId", new { pollId })).Should().Be(due);
        (await harness.ScalarAsync<DateTime>("SELECT expires_at FROM feedback_polls WHERE id = @pollId", new { pollId })).Should().Be(due.AddDays(7));
        (await PollOutboxDueAsync(pollId)).Should().Be(due);
        (await harness.QueuedTextsAsync(Mentee)).Should().ContainSingle().Which.Should().StartWith("Как прошла встреча с наставником (Иванова Мария Петровна) 01.09.2026");
        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM conversation_states WHERE chat_id = @Mentor", new { Mentor })).Should().Be(0);
    }

    private Task<long> CountAsync(string table) => harness.ScalarAsync<long>($"SELECT count(*) FROM {table}");

    /// <summary>The mentor logs a meeting with <paramref name="text"/>, saves the card, and <paramref name="later"/> passes; returns the message.</summary>
    private async Task<PersonUpdate> LoggedAsync(string text, TimeSpan later)
    {
        var message = harness.Text(Mentor, text);
        await SendAsync(Mentor, message);
        await PressAsync(Mentor, "meet:save");
        harness.Clock.Advance(later);
        return message;
    }

    [Fact]
    public async Task An_edit_of_the_message_that_logged_a_meeting_shows_its_card_and_corrects_that_meeting_without_a_second_poll()
    {
        var message = await LoggedAsync("Встретились сегодня, 45 минут, тема: самоанализ урока", TimeSpan.FromDays(2));

        var card = (await SendAsync(Mentor, harness.Edit(message, "Встретились сегодня, 50 минут, тема: самоанализ урока"))).Should().ContainSingle().Subject;
        card.Should().Contain("Дата: 01.09.2026", "«сегодня» is the day the message was written").And.Contain("Длительность: 50 мин")
            .And.Contain("Наставляемый: Петрова Анна Сергеевна");
        (await PressAsync(Mentor, "meet:save")).Should().Equal(MeetingsTexts.Updated);

        (await CountAsync("meetings")).Should().Be(1);
        (await harness.ScalarAsync<int>("SELECT duration_minutes FROM meetings")).Should().Be(50);
        (await harness.ScalarAsync<string>("SELECT source_text FROM meetings")).Should().Contain("50 минут");
        (await CountAsync("feedback_polls")).Should().Be(1);
        (await harness.QueuedTextsAsync(Mentee)).Should().ContainSingle("the mentee is asked about the meeting once");
    }

    [Fact]
    public async Task An_edit_while_the_card_is_open_shows_the_card_again_and_one_meeting_is_logged()
    {
        var message = harness.Text(Mentor, "Встретились сегодня, 45 минут");
        await SendAsync(Mentor, message);

        (await SendAsync(Mentor, harness.Edit(message, "Встретились сегодня, 30 минут, тема: портфолио"))).Should().ContainSingle()
            .Which.Should().Contain("Длительность: 30 мин").And.Contain("Тема: портфолио");
        (await PressAsync(Mentor, "meet:save")).Should().Equal(MeetingsTexts.Saved);

        (await CountAsync("meetings")).Should().Be(1);
        (await harness.ScalarAsync<int>("SELECT duration_minutes FROM meetings")).Should().Be(30);
    }

    [Fact]
    public async Task An_edit_after_the_7_days_is_refused_and_changes_nothing()
    {
        var message = await LoggedAsync("Встретились сегодня, 45 минут", TimeSpan.FromDays(8));

        (await SendAsync(Mentor, harness.Edit(message, "Встретились сегодня, 90 минут"))).Should().Equal(MeetingsTexts.ChangeRefused(MeetingChangeVerdict.WindowClosed));

        (await harness.ScalarAsync<int>("SELECT duration_minutes FROM meetings")).Should().Be(45);
        (await CountAsync("conversation_states")).Should().Be(0);
    }

    [Fact]
    public async Task Any_other_edit_is_ignored_it_answers_no_open_question_and_logs_nothing()
    {
        var other = harness.Text(Mentor, "Добрый день!");
        await SendAsync(Mentor, other);
        await SayAsync(Mentor, "Встретились сегодня");  // the card asks for the duration
        var asked = await harness.ScalarAsync<string>("SELECT state FROM conversation_states WHERE chat_id = @Mentor", new { Mentor });

        (await SendAsync(Mentor, harness.Edit(other, "45 минут"))).Should().BeEmpty();
        (await SendAsync(Curator, harness.Edit(harness.Text(Curator, "/help"), "Встретились сегодня, 45 минут"))).Should().BeEmpty();

        (await harness.ScalarAsync<string>("SELECT state FROM conversation_states WHERE chat_id = @Mentor", new { Mentor })).Should().Be(asked);
        (await CountAsync("meetings")).Should().Be(0);
        (await CountAsync("inbound_updates WHERE handled_at IS NOT NULL AND error IS NULL")).Should().Be(await CountAsync("inbound_updates"));
    }

    [Fact]
    public async Task A_mentor_without_the_personal_data_consent_is_asked_for_it_and_nothing_is_logged()
    {
        const long unconsented = 9001;
        var mentor = await harness.AddMemberAsync(org, unconsented, "Сидоров Павел", [Role.Mentor], consented: false);
        var mentee = await harness.AddMemberAsync(org, 9002, "Орлова Дарья", [Role.Mentee]);
        await AddPairAsync(org, mentor, mentee);

        (await SayAsync(unconsented, "Встретились сегодня, 45 минут, тема: самоанализ урока")).Should().Equal(AccessTexts.ConsentFirst);

        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states WHERE chat_id = @unconsented", new { unconsented })).Should().Be(0);
    }

    [Fact]
    public async Task The_first_logged_meeting_makes_an_approved_pair_active()
    {
        await harness.ExecuteAsync("UPDATE pairs SET status = 'approved' WHERE id = @pairId", new { pairId });

        await LogAsync("Встретились сегодня, 45 минут, знакомство");

        (await harness.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @pairId", new { pairId })).Should().Be("active");
    }

    [Fact]
    public async Task A_meeting_of_another_kind_ticks_its_own_kind_else_the_earliest_regular_item()
    {
        await AddPlanItemAsync(pairId, 1, "regular", "2026-09-20");
        await AddPlanItemAsync(pairId, 2, "trial", "2026-10-01");
        await LogAsync("вчера пробная встреча 40 минут");
        (await harness.ScalarAsync<string>("SELECT kind FROM plan_items WHERE meeting_id IS NOT NULL")).Should().Be("trial");

        await LogAsync("сегодня итоговая встреча час");
        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM plan_items WHERE done_at IS NOT NULL")).Should().Be(2, "no final item: the earliest regular one");
    }

    [Theory]
    [InlineData("Asia/Omsk", "2026-09-02T03:00:00Z")]        // saved 21:00 local: +2 h is night → 09:00 (UTC+6)
    [InlineData("Europe/Volgograd", "2026-09-02T06:00:00Z")] // saved 18:00 local: +2 h is 20:00, the window's end → 09:00 (UTC+3)
    public async Task Poll_timing_follows_the_organisation_time_zone(string timeZone, string expectedDue)
    {
        harness.Clock.Set(new DateTimeOffset(2026, 9, 1, 15, 0, 0, TimeSpan.Zero));
        var other = await harness.CreateOrganisationAsync("Школа", timeZone);
        var mentor = await harness.AddMemberAsync(other, 600, "Орлова Нина Петровна", [Role.Mentor]);
        var mentee = await harness.AddMemberAsync(other, 700, "Белов Олег Ильич", [Role.Mentee]);
        await AddPairAsync(other, mentor, mentee);

        await LogAsync("вчера час очно", 600);

        (await PollOutboxDueAsync(await PollIdAsync())).Should().Be(DateTimeOffset.Parse(expectedDue, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
    }

    [Fact]
    public async Task A_poll_is_never_due_at_night()
    {
        harness.Clock.Set(new DateTimeOffset(2026, 9, 1, 20, 30, 0, TimeSpan.Zero)); // 02:30 on 2 September in Omsk
        await LogAsync("позавчера час");

        (await PollOutboxDueAsync(await PollIdAsync())).Should().Be(new DateTime(2026, 9, 2, 3, 0, 0, DateTimeKind.Utc), "09:00 local, not 04:30");
    }

    [Fact]
    public async Task Saving_twice_sends_one_poll_and_correcting_the_date_reschedules_the_unsent_one()
    {
        await SayAsync(Mentor, "сегодня час");
        var save = harness.Press(Mentor, "meet:save");
        await SendAsync(Mentor, save, harness.Press(Mentor, "meet:save"));
        await harness.RecordAsync(save); // a re-delivered update
        await harness.ProcessAllAsync();
        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM meetings")).Should().Be(1);
        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM outbox WHERE idempotency_key LIKE 'bg:poll:%'")).Should().Be(1);

        var meetingId = await harness.ScalarAsync<long>("SELECT id FROM meetings");
        var pollId = await PollIdAsync();
        (await harness.ScalarAsync<bool>("SELECT o.expires_at = f.expires_at FROM outbox o, feedback_polls f WHERE o.idempotency_key LIKE 'bg:poll:%' AND f.id = @pollId", new { pollId }))
            .Should().BeTrue("the poll's message is dropped rather than sent after the poll expires");
        harness.Clock.Advance(TimeSpan.FromHours(1)); // 13:00 Omsk
        (await CorrectDateAsync(meetingId, "28.08")).Should().Be(MeetingsTexts.Updated);

        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM outbox WHERE idempotency_key LIKE 'bg:poll:%'")).Should().Be(1, "rescheduled, not sent twice");
        // Logged at 12:00 on 1 September for 28 August: two hours after the first save, 14:00 Omsk.
        (await PollOutboxDueAsync(pollId)).Should().Be(new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc));
        (await harness.QueuedTextsAsync(Mentee)).Should().ContainSingle().Which.Should().Contain("28.08.2026");

        // Once sent, a correction leaves the poll alone.
        await harness.ExecuteAsync("UPDATE outbox SET status = 'sent' WHERE idempotency_key LIKE 'bg:poll:%'");
        await CorrectDateAsync(meetingId, "27.08");
        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM outbox WHERE idempotency_key LIKE 'bg:poll:%'")).Should().Be(1);
    }

    [Fact]
    public async Task A_mentee_answers_once_with_an_optional_comment_and_not_after_expiry()
    {
        await LogAsync("вчера час");
        var pollId = await PollIdAsync();

        (await PressAsync(OtherMentee, $"poll:score:{pollId}:1")).Should().Equal(AccessTexts.NotAMember);
        (await PressAsync(Mentor, $"poll:score:{pollId}:1")).Should().Equal([MeetingsTexts.PollClosed], "not the mentor's poll");

        (await PressAsync(Mentee, $"poll:score:{pollId}:4")).Should().Equal(MeetingsTexts.PollAskComment);
        (await SayAsync(Mentee, "Очень полезно, спасибо")).Should().Equal(MeetingsTexts.PollCommentThanks);
        (await PressAsync(Mentee, $"poll:score:{pollId}:5")).Should().Equal(MeetingsTexts.PollAlreadyAnswered);
        (await harness.ScalarAsync<string>("SELECT score || ' ' || comment FROM feedback_polls WHERE id = @pollId", new { pollId })).Should().Be("4 Очень полезно, спасибо");

        await LogAsync("сегодня час");
        var second = await PollIdAsync();
        harness.Clock.Advance(TimeSpan.FromDays(9));
        (await PressAsync(Mentee, $"poll:score:{second}:5")).Should().Equal(MeetingsTexts.PollClosed);
        (await harness.ScalarAsync<bool>("SELECT answered_at IS NULL FROM feedback_polls WHERE id = @second", new { second })).Should().BeTrue();
    }

    [Fact]
    public async Task No_poll_message_reaches_a_mentee_who_withdrew_consent()
    {
        await harness.ExecuteAsync("UPDATE memberships SET status = 'erased' WHERE id = @menteeId", new { menteeId });
        await LogAsync("вчера час");

        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM outbox WHERE idempotency_key LIKE 'bg:poll:%'")).Should().Be(0);
    }

    [Fact]
    public async Task A_flag_reaches_the_curator_at_once_and_the_curator_resolves_it()
    {
        await SayAsync(Mentor, "вчера час");
        (await PressAsync(Mentor, "meet:flag")).Should().Equal(MeetingsTexts.AskFlag);
        var after = await SayAsync(Mentor, "Наставляемая пропускает встречи");
        after[0].Should().Be(MeetingsTexts.FlagSent);
        after[1].Should().StartWith("Проверьте запись о встрече");

        var flagId = await harness.ScalarAsync<long>("SELECT id FROM flags WHERE pair_id = @pairId AND text = 'Наставляемая пропускает встречи'", new { pairId });
        (await harness.QueuedTextsAsync(Curator)).Should().ContainSingle().Which.Should()
            .Contain("Наставник: Иванова Мария Петровна").And.Contain("Наставляемый: Петрова Анна Сергеевна");
        (await harness.ScalarAsync<bool>("SELECT due_at <= @now FROM outbox WHERE chat_id = @Curator", new { now = harness.Clock.GetUtcNow().UtcDateTime, Curator })).Should().BeTrue();

        (await PressAsync(Mentor, $"flag:resolve:{flagId}")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Curator, $"flag:resolve:{flagId}")).Should().Equal(MeetingsTexts.FlagResolved);
        (await PressAsync(Curator, $"flag:resolve:{flagId}")).Should().Equal(MeetingsTexts.FlagAlreadyResolved);
        (await harness.QueuedTextsAsync(Mentor)).Last().Should().Be(MeetingsTexts.FlagResolvedForMentor("Наставляемая пропускает встречи"));
    }

    [Fact]
    public async Task Only_the_author_corrects_or_deletes_and_only_for_seven_days()
    {
        var otherMentor = await harness.AddMemberAsync(org, OtherMentor, "Смирнов Пётр Ильич", [Role.Mentor]);
        var otherMentee = await harness.AddMemberAsync(org, OtherMentee, "Лебедева Ирина Олеговна", [Role.Mentee]);
        await AddPairAsync(org, otherMentor, otherMentee);
        await AddPlanItemAsync(pairId, 1, "regular", "2026-09-20");
        await LogAsync("вчера час, тема: ФГОС");
        var meetingId = await harness.ScalarAsync<long>("SELECT id FROM meetings");

        var list = (await SayAsync(Mentor, "/meetings")).Should().ContainSingle().Subject;
        list.Should().Contain("1. 31.08.2026 (пн), 1 ч, регулярная, Петрова Анна Сергеевна — ФГОС");
        (await harness.ScalarAsync<string>("SELECT payload::text FROM outbox WHERE chat_id = @Mentor ORDER BY id DESC LIMIT 1", new { Mentor }))
            .Should().Contain($"meet:fix:{meetingId}").And.Contain($"meet:del:{meetingId}");

        (await PressAsync(OtherMentor, $"meet:del:{meetingId}")).Should().Equal(MeetingsTexts.ChangeRefused(MeetingChangeVerdict.NotAuthor));
        (await PressAsync(OtherMentor, $"meet:fix:{meetingId}")).Should().Equal(MeetingsTexts.ChangeRefused(MeetingChangeVerdict.NotAuthor));
        (await PressAsync(Curator, $"meet:delok:{meetingId}")).Should().Equal(AccessTexts.NotAllowed);

        (await PressAsync(Mentor, $"meet:del:{meetingId}")).Should().Equal(MeetingsTexts.ConfirmDelete(new DateOnly(2026, 8, 31)));
        (await PressAsync(Mentor, $"meet:delok:{meetingId}")).Should().Equal(MeetingsTexts.Deleted);
        (await harness.ScalarAsync<bool>("SELECT deleted_at IS NOT NULL FROM meetings")).Should().BeTrue();
        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM plan_items WHERE done_at IS NOT NULL")).Should().Be(0, "the tick is taken back");
        (await harness.ScalarAsync<string>("SELECT status FROM outbox WHERE idempotency_key LIKE 'bg:poll:%'")).Should().Be("cancelled");
        (await PressAsync(Mentee, $"poll:score:{await PollIdAsync()}:5")).Should().Equal(MeetingsTexts.PollClosed);

        await LogAsync("сегодня час");
        var later = await harness.ScalarAsync<long>("SELECT id FROM meetings WHERE deleted_at IS NULL");
        harness.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        (await PressAsync(Mentor, $"meet:fix:{later}")).Should().Equal(MeetingsTexts.ChangeRefused(MeetingChangeVerdict.WindowClosed));
        (await PressAsync(Mentor, $"meet:delok:{later}")).Should().Equal(MeetingsTexts.ChangeRefused(MeetingChangeVerdict.WindowClosed));
    }

    [Fact]
    public async Task Implausible_values_are_questioned_and_non_logs_get_a_short_help()
    {
        (await SayAsync(Mentor, "завтра час очно")).Single().Should().Contain("ещё не наступила");
        await SayAsync(Mentor, "/cancel");
        (await SayAsync(Mentor, "вчера 10 часов")).Single().Should().Contain("слишком долго");
        await PressAsync(Mentor, "meet:cancel");
        (await harness.ScalarAsync<int>("SELECT count(*)::int FROM meetings")).Should().Be(0);

        (await SayAsync(Mentor, "Привет!")).Should().Equal(MeetingsTexts.NotAMeetingHelp);
        (await SayAsync(Mentee, "вчера час очно")).Should().Equal([StartTexts.NotUnderstoodOfferCurator], "a mentee's text is not a meeting log; the curator is offered");
        (await PressAsync(Mentor, "meet:save")).Should().Equal(MeetingsTexts.Stale);
    }

    [Fact]
    public async Task With_several_mentees_the_pair_is_asked_or_taken_from_a_name()
    {
        var second = await harness.AddMemberAsync(org, OtherMentee, "Лебедева Ирина Олеговна", [Role.Mentee]);
        var secondPair = await AddPairAsync(org, mentorId, second);

        (await SayAsync(Mentor, "вчера час очно")).Single().Should().StartWith(MeetingsTexts.AskPair);
        (await PressAsync(Mentor, $"meet:pair:{secondPair}")).Single().Should().Contain("Наставляемый: Лебедева Ирина Олеговна");
        await PressAsync(Mentor, "meet:cancel");

        (await SayAsync(Mentor, "вчера час с Анной")).Single().Should().Contain("Наставляемый: Петрова Анна Сергеевна");
    }

    private Task<string> OpenFlowAsync() => harness.ScalarAsync<string>("SELECT flow FROM conversation_states WHERE chat_id = @Mentor", new { Mentor });

    [Fact]
    public async Task The_guided_check_in_asks_before_abandoning_an_open_questionnaire_and_either_choice_works()
    {
        var chat = new QuestionnaireChat(harness, Mentor);
        await chat.PressDataAsync("q:start:mentor_intake");
        (await chat.LastTextAsync()).Should().StartWith("1 из ");

        await chat.TypeAsync("/meeting");
        (await chat.LastTextAsync()).Should().Be(ConversationSwitchTexts.Question);
        (await chat.ButtonsAsync()).Select(b => b.Label).Should().Equal(ConversationSwitchTexts.Continue, ConversationSwitchTexts.Restart);
        await chat.PressAsync(ConversationSwitchTexts.Continue);
        (await chat.LastTextAsync()).Should().StartWith(QuestionnaireTexts.Continuing("Анкета наставника") + "\n\n1 из ");
        (await OpenFlowAsync()).Should().Be("questionnaire");

        await chat.TypeAsync("/meeting");
        await chat.PressAsync(ConversationSwitchTexts.Restart);
        (await chat.LastTextAsync()).Should().Be(MeetingsTexts.AskDate);
        (await OpenFlowAsync()).Should().Be("meeting");
    }

    [Fact]
    public async Task An_open_check_in_is_asked_again_on_coming_back_and_back_steps_out_of_a_change()
    {
        var chat = new QuestionnaireChat(harness, Mentor);
        await chat.TypeAsync("Встретились сегодня, 45 минут, тема: самоанализ урока");
        var card = await chat.LastTextAsync();
        card.Should().Contain("Длительность: 45 мин");

        await chat.TypeAsync("/back");
        (await chat.LastTextAsync()).Should().Be(MeetingsTexts.NoStepBack + "\n\n" + card);

        await chat.PressAsync(MeetingsTexts.EditLabel);
        await chat.PressAsync(MeetingsTexts.TopicField);
        (await chat.LastTextAsync()).Should().Be(MeetingsTexts.AskTopic);
        await chat.TypeAsync("/back");
        (await chat.LastTextAsync()).Should().Be(MeetingsTexts.AskField);
        await chat.TypeAsync("/back");
        (await chat.LastTextAsync()).Should().Be(card);

        // A questionnaire's button from a background message while the check-in is open: keep the check-in.
        await chat.PressDataAsync("q:start:mentor_intake");
        (await chat.LastTextAsync()).Should().Be(ConversationSwitchTexts.Question);
        await chat.PressAsync(ConversationSwitchTexts.Continue);
        (await chat.LastTextAsync()).Should().Be(card);
        await chat.PressAsync(MeetingsTexts.SaveLabel);
        (await chat.LastTextAsync()).Should().Be(MeetingsTexts.Saved);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM meetings")).Should().Be(1);
    }

    [Fact]
    public async Task Two_concurrent_term_end_runs_complete_a_pair_once_and_send_the_surveys_in_working_hours()
    {
        await harness.ExecuteAsync("UPDATE pairs SET ends_on = '2026-08-31' WHERE id = @pairId", new { pairId });
        var job = harness.Services.GetRequiredService<PairTermJob>();
        var now = new DateTimeOffset(2026, 9, 5, 18, 0, 0, TimeSpan.Zero); // Sunday 00:00 in Omsk

        await Task.WhenAll(job.RunAsync(now, CancellationToken.None), job.RunAsync(now, CancellationToken.None));
        await job.RunAsync(now.AddHours(1), CancellationToken.None);

        (await harness.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @pairId", new { pairId })).Should().Be("completed");
        (await harness.QueuedTextsAsync(Mentor)).Should().ContainSingle().Which.Should().Contain("анкету удовлетворённости");
        (await harness.QueuedTextsAsync(Mentee)).Should().ContainSingle();
        var menteePayload = await harness.ScalarAsync<string>("SELECT payload::text FROM outbox WHERE chat_id = @Mentee", new { Mentee });
        menteePayload.Should().Contain($"q:start:satisfaction_mentee:pair:{pairId}").And.Contain($"q:start:final_self_assessment:pair:{pairId}");
        (await harness.ScalarAsync<string>("SELECT payload::text FROM outbox WHERE chat_id = @Mentor", new { Mentor })).Should().Contain($"q:start:satisfaction_mentor:pair:{pairId}");
        // Sunday and Monday 7 September 09:00 Omsk: the first working-hours moment.
        (await harness.ScalarAsync<DateTime>("SELECT due_at FROM outbox WHERE chat_id = @Mentee", new { Mentee })).Should().Be(new DateTime(2026, 9, 7, 3, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_pair_whose_term_has_not_ended_in_local_time_stays()
    {
        await harness.ExecuteAsync("UPDATE pairs SET ends_on = '2026-09-05' WHERE id = @pairId", new { pairId });
        // 17:59Z on 5 September is 23:59 in Omsk: still the last day.
        await harness.Services.GetRequiredService<PairTermJob>().RunAsync(new DateTimeOffset(2026, 9, 5, 17, 59, 0, TimeSpan.Zero), CancellationToken.None);

        (await harness.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @pairId", new { pairId })).Should().Be("active");
    }

    [Fact]
    public async Task The_curator_closes_the_programme_for_every_live_pair_after_confirming()
    {
        (await SayAsync(Mentor, "/close_programme")).Should().Equal(AccessTexts.NotAllowed);
        (await SayAsync(Curator, "/close_programme")).Should().Equal(MeetingsTexts.ConfirmClose(1));
        (await PressAsync(Curator, "meet:closeno")).Should().Equal(MeetingsTexts.CloseCancelled);
        (await harness.ScalarAsync<string>("SELECT status FROM pairs")).Should().Be("active");

        (await PressAsync(Curator, "meet:closeok")).Should().Equal(MeetingsTexts.Closed(1));
        (await harness.ScalarAsync<string>("SELECT status || ' ' || ends_on::text FROM pairs")).Should().Be("completed 2026-09-01");
        (await harness.QueuedTextsAsync(Mentee)).Should().ContainSingle();
        (await PressAsync(Curator, "meet:closeok")).Should().Equal(MeetingsTexts.NothingToClose);
    }
}
