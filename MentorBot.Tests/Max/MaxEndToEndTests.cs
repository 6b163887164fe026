using System.Text.Json;
using MentorBot.Domain.Consents;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Configuration;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Max;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Domain.Invites;
using MentorBot.Host.Features.Reminders;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Features.Questionnaires;
using MentorBot.Tests.Features.Reminders;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Max;

/// <summary>
/// One programme, two messengers (issue 16), end to end through the same pipeline: a curator in Telegram invites, a
/// teacher joins from MAX by the MAX link, consents and answers there; the curator sees her; background messages go to
/// the account she used last unless she chose one. MAX's updates come over HTTP by long polling and its replies go back
/// over HTTP (the fake MAX Bot API).
/// </summary>
public sealed class MaxEndToEndTests : IAsyncLifetime
{
    private const long Curator = 710_001;
    private const long Teacher = 810_002;
    private const string MaxBot = "school_mentor_bot";
    private readonly FakeMaxApi api = new();
    private readonly PipelineHarness harness;
    private Organisation school = null!;
    private OutboxSender maxSender = null!;
    private MaxPolling polling = null!;

    public MaxEndToEndTests() => harness = new(services =>
    {
        services.AddSingleton(new MentorBotOptions { BotUsername = Onboarding.BotUsername, Max = new MaxOptions { Token = FakeMaxApi.Token, BotUsername = MaxBot } });
        services.AddSingleton(api.CreateClient());
    });

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("Лицей № 9");
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        var services = harness.Services;
        maxSender = new OutboxSender(services.GetRequiredService<OutboxStore>(), new MaxDelivery(services.GetRequiredService<MaxBotClient>()),
            services.GetRequiredService<OutboxSignal>(), harness.Clock,
            new OutboxSenderOptions { Messenger = Messengers.Max, RateKey = Messengers.Max, ChatInterval = TimeSpan.Zero, GroupInterval = TimeSpan.Zero, QuickRetries = 0 },
            NullLogger<OutboxSender>.Instance);
        polling = new MaxPolling(services.GetRequiredService<MaxBotClient>(), services.GetRequiredService<UpdateInbox>(), services.GetRequiredService<InboxSignal>(),
            harness.Database.DataSource, new MaxHealth(), harness.Clock, NullLogger<MaxPolling>.Instance) { TimeoutSeconds = 0 };
        // The first poll has no marker (MAX would return only the latest update); it stores the one that follows everything.
        await polling.PollOnceAsync(default);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await api.DisposeAsync();
    }

    private static long Dialog => MaxUpdateJson.DialogOf(Teacher);

    /// <summary>MAX has the update; the bot polls it, handles it, and sends what it queued for MAX to the fake MAX API.</summary>
    private async Task FromMaxAsync(string updateJson)
    {
        api.PushUpdate(updateJson);
        (await polling.PollOnceAsync(default)).Should().Be(1);
        await harness.ProcessAllAsync();
        await SendMaxAsync();
    }

    private async Task SendMaxAsync()
    {
        while (await maxSender.SendDueAsync(default) > 0) harness.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    /// <summary>Texts MAX was asked to show in the teacher's dialog, oldest first.</summary>
    private IReadOnlyList<string> MaxTexts(long user = Teacher) =>
        api.RequestsTo("POST /messages").Where(r => r.Query["chat_id"] == MaxUpdateJson.DialogOf(user).ToString()).Select(r => r["text"].GetString()!).ToList();

    /// <summary>The callback payloads of the buttons under the last MAX message in the teacher's dialog.</summary>
    private IReadOnlyList<string> MaxButtons(long user = Teacher) => LastKeyboard(user).Select(b => b.Payload).ToList();

    /// <summary>The buttons (label, callback payload) under the last MAX message in <paramref name="user"/>'s dialog.</summary>
    private IReadOnlyList<(string Label, string Payload)> LastKeyboard(long user) =>
        api.RequestsTo("POST /messages").Last(r => r.Query["chat_id"] == MaxUpdateJson.DialogOf(user).ToString())["attachments"][0]
            .GetProperty("payload").GetProperty("buttons").EnumerateArray().SelectMany(row => row.EnumerateArray())
            .Select(b => (b.GetProperty("text").GetString()!, b.GetProperty("payload").GetString()!)).ToList();

    private long seq;

    /// <summary><paramref name="user"/> writes <paramref name="text"/> in their MAX dialog (a fresh mid each time).</summary>
    private Task SayInMaxAsync(long user, string text) => FromMaxAsync(MaxUpdateJson.Text(user, text, $"mid.say{++seq}", FakeMaxApi.Now + seq * 1000));

    /// <summary><paramref name="user"/> presses the button labelled <paramref name="label"/> under the last message of their MAX dialog.</summary>
    private Task PressInMaxAsync(long user, string label) =>
        FromMaxAsync(MaxUpdateJson.Press(user, LastKeyboard(user).First(b => b.Label == label).Payload, $"cb-press{++seq}", FakeMaxApi.Now + seq * 1000));

    private async Task<long> TeacherMembershipAsync() =>
        await harness.ScalarAsync<long>("SELECT m.id FROM memberships m JOIN messenger_accounts a ON a.participant_id = m.participant_id WHERE a.messenger = 'max' AND a.external_user_id = @Teacher", new { Teacher });

    /// <summary>The same person also has a Telegram account, used before MAX (as if linked with /link).</summary>
    private Task AddOlderTelegramAccountAsync(long membership, long user) => harness.ExecuteAsync("""
        INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name, last_used_at)
        SELECT participant_id, 'telegram', @user, @user, 'Мария', '2026-08-01T00:00:00Z' FROM memberships WHERE id = @membership
        """, new { membership, user });

    private async Task JoinFromMaxAsync()
    {
        await harness.SendAsync(Curator, "/invite");
        await harness.PressAsync(Curator, "invite:new:mentee");
        var invite = await harness.LastTextAsync(Curator);
        invite.Should().Contain($"https://t.me/{Onboarding.BotUsername}?start=").And.Contain($"MAX: https://max.ru/{MaxBot}?start=");
        var token = invite[(invite.IndexOf($"max.ru/{MaxBot}?start=", StringComparison.Ordinal) + $"max.ru/{MaxBot}?start=".Length)..].Split('\n')[0];

        await FromMaxAsync(MaxUpdateJson.Started(Teacher, token, name: "Мария"));
        MaxTexts().Should().Equal(Html.Escape(InviteTexts.Joined("Лицей № 9", Role.Mentee)), Html.Escape(ConsentDocuments.PersonalData("Лицей № 9").Summary));
        MaxButtons().Should().Contain("consent:yes:personal_data");

        await FromMaxAsync(MaxUpdateJson.Press(Teacher, "consent:yes:personal_data", "cb-consent"));
        await FromMaxAsync(MaxUpdateJson.Text(Teacher, "Петрова Мария Ивановна", "mid.name", FakeMaxApi.Now + 60_000));
    }

    [Fact]
    public async Task A_message_and_a_file_sent_to_max_keep_the_message_id_max_gave_them()
    {
        var adapter = new MaxAdapter();
        var due = harness.Clock.GetUtcNow();
        await harness.Services.GetRequiredService<OutboxStore>().EnqueueAsync(
            [adapter.Render(Reply.Plain("Напоминание"), Dialog, false, "bg:reminder", due).Single(), adapter.RenderDocument("Приказ.docx", [1, 2, 3], null, Dialog, false, "bg:order", due)],
            default);
        api.Enqueue("POST /messages", FakeMaxApi.Responses.Sent(Dialog, "mid.0000000001a2b3c4"));
        api.Enqueue("POST /messages", FakeMaxApi.Responses.Sent(Dialog, "mid.0000000001a2b3c5"));

        await SendMaxAsync();

        api.RequestsTo("POST /upload.do").Should().ContainSingle("the order went as a file");
        (await harness.ScalarAsync<string>("SELECT string_agg(idempotency_key || ' ' || status || ' ' || sent_message_id, ', ' ORDER BY id) FROM outbox WHERE messenger = 'max'"))
            .Should().Be("bg:reminder.0 sent mid.0000000001a2b3c4, bg:order sent mid.0000000001a2b3c5");
    }

    [Fact]
    public async Task A_teacher_joins_from_max_by_the_invite_consents_and_answers_there_and_the_curator_in_telegram_sees_her()
    {
        await JoinFromMaxAsync();

        var texts = MaxTexts();
        texts.Should().Contain(Html.Escape(ConsentTexts.AllGiven));
        texts.Last().Should().NotContain("Ваши фамилия, имя и отчество", "the name was taken and the next question asked");
        (await harness.ScalarAsync<string>("SELECT event FROM current_consents WHERE kind = 'personal_data' AND participant_id = (SELECT participant_id FROM messenger_accounts WHERE external_user_id = @Teacher)", new { Teacher }))
            .Should().Be("given");
        api.RequestsTo("POST /answers").Should().BeEmpty("a press without a toast needs no answer call in MAX");

        await harness.SendAsync(Curator, "/mentees");
        (await harness.LastTextAsync(Curator)).Should().Contain("Присоединились: 1 · дали согласия: 1").And.Contain("анкета: заполняется");
        (await harness.ScalarAsync<string>("SELECT answers->>'full_name' FROM questionnaire_responses")).Should().Be("Петрова Мария Ивановна");
        harness.UseMessenger(MessengerDriver.Max, Teacher);
        (await harness.QueuedTextsAsync(Teacher)).Should().NotBeEmpty();
        (await harness.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE messenger = 'telegram' AND chat_id = @Dialog", new { Dialog })).Should().Be(0, "nothing for MAX goes to Telegram");
    }

    [Fact]
    public async Task A_curator_and_a_teacher_both_in_max_the_teacher_joins_consents_fills_the_whole_intake_and_the_curator_sees_her()
    {
        const long curatorMax = 810_100, teacherMax = 810_101;
        var gymnasium = await harness.CreateOrganisationAsync("Гимназия № 3");
        string curatorToken;
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
            curatorToken = (await InviteStore.CreateAsync(connection, null, gymnasium.Id, Role.Curator, InviteRules.DefaultLimits(Role.Curator), null, harness.Clock.GetUtcNow(), default)).Token;
        await FromMaxAsync(MaxUpdateJson.Started(curatorMax, curatorToken, name: "Ольга"));
        await FromMaxAsync(MaxUpdateJson.Press(curatorMax, "consent:yes:personal_data", "cb-curator-consent"));

        await SayInMaxAsync(curatorMax, "/invite");
        await FromMaxAsync(MaxUpdateJson.Press(curatorMax, "invite:new:mentee", "cb-invite"));
        var invite = MaxTexts(curatorMax).Last();
        var token = invite[(invite.IndexOf($"max.ru/{MaxBot}?start=", StringComparison.Ordinal) + $"max.ru/{MaxBot}?start=".Length)..].Split('\n')[0];

        await FromMaxAsync(MaxUpdateJson.Started(teacherMax, token));
        MaxTexts(teacherMax).Should().Equal(Html.Escape(InviteTexts.Joined("Гимназия № 3", Role.Mentee)), Html.Escape(ConsentDocuments.PersonalData("Гимназия № 3").Summary));
        await FromMaxAsync(MaxUpdateJson.Press(teacherMax, "consent:yes:personal_data", "cb-teacher-consent"));
        MaxTexts(teacherMax).Last().Should().StartWith(MenteeIntakeScript.FirstQuestion);

        // Each answer brings exactly one MAX message: the next question (or the same one, drawn again with a tick).
        foreach (var step in MenteeIntakeScript.Steps)
        {
            var before = MaxTexts(teacherMax).Count;
            await (step.IsPress ? PressInMaxAsync(teacherMax, step.Answer) : SayInMaxAsync(teacherMax, step.Answer));
            MaxTexts(teacherMax).Skip(before).Should().ContainSingle().Which.Should().StartWith(step.Next);
            if (step.Ticked is { } ticked) LastKeyboard(teacherMax).Select(b => b.Label).Should().Contain(ticked);
        }

        await SayInMaxAsync(curatorMax, "/mentees");
        MaxTexts(curatorMax).Last().Should().Contain("Присоединились: 1 · дали согласия: 1 · заполнили анкету: 1")
            .And.Contain("<b>1. Сидорова Мария Ивановна</b> — учитель русского языка, русский язык и литература");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE messenger = 'telegram'")).Should().Be(0, "everything happened in MAX");
    }

    [Fact]
    public async Task The_nudge_job_reaches_a_teacher_in_max_with_the_button_to_go_on_with_her_questionnaire()
    {
        await JoinFromMaxAsync();  // consented on 1 September, the intake begun
        var before = MaxTexts().Count;
        var thursday = new DateTimeOffset(2026, 9, 4, 13, 0, 0, TimeSpan.FromHours(6));

        await harness.RunJobAsync(NudgeJob.Name, thursday);
        harness.Clock.Set(thursday);
        await SendMaxAsync();

        MaxTexts().Skip(before).Should().ContainSingle().Which.Should().Contain("не заполнили анкету");
        MaxButtons().Should().Contain(b => b.StartsWith("q:", StringComparison.Ordinal));
        (await harness.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'bg:%' AND messenger = 'telegram'")).Should().Be(0);
    }

    [Fact]
    public async Task A_pair_of_a_mentor_in_telegram_and_a_mentee_in_max_each_gets_the_notice_and_the_poll_in_their_messenger()
    {
        const long mentorTelegram = 720_020, menteeUntilMoved = 720_021;
        await harness.MentorAsync(school, mentorTelegram, "Петрова Анна Сергеевна", "математика", ["работа с родителями"]);
        await harness.MenteeAsync(school, menteeUntilMoved, "Сидорова Мария Ивановна", "математика", ["работа с родителями"]);
        // She uses MAX only: her one account is a MAX account (as if she had joined there).
        await harness.ExecuteAsync("UPDATE messenger_accounts SET messenger = 'max', external_user_id = @Teacher, private_chat_id = @Dialog WHERE external_user_id = @menteeUntilMoved",
            new { Teacher, Dialog, menteeUntilMoved });

        await harness.SendAsync(Curator, "/match");
        await harness.PressAsync(Curator, "match:all");
        await SendMaxAsync();

        (await harness.QueuedTextsAsync(mentorTelegram)).Should().Contain(t => t.Contains("Ваш наставляемый: Сидорова Мария Ивановна"));
        MaxTexts().Should().ContainSingle().Which.Should().Contain("Ваш наставник: Петрова Анна Сергеевна");
        MaxButtons().Should().Equal("plan:show");

        // The mentor logs a meeting in Telegram; the mentee's poll reaches her in MAX the next morning and she answers there.
        await harness.SendAsync(mentorTelegram, "Встретились сегодня, 45 минут, тема: работа с родителями");
        await harness.PressAsync(mentorTelegram, "meet:save");
        harness.Clock.Set(new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.FromHours(6)));
        await SendMaxAsync();

        MaxTexts().Last().Should().StartWith("Как прошла встреча с наставником (Петрова Анна Сергеевна) 01.09.2026");
        await FromMaxAsync(MaxUpdateJson.Press(Teacher, MaxButtons()[4], "cb-poll"));
        (await harness.ScalarAsync<long>("SELECT count(*) FROM feedback_polls WHERE answered_at IS NOT NULL")).Should().Be(1);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE messenger = 'telegram' AND chat_id IN (@Teacher, @Dialog)", new { Teacher, Dialog })).Should().Be(0);
    }

    [Fact]
    public async Task A_reminder_goes_to_the_account_used_last_unless_the_person_chose_one()
    {
        await JoinFromMaxAsync();
        var membership = await TeacherMembershipAsync();
        await AddOlderTelegramAccountAsync(membership, 920003);
        var notifier = harness.Services.GetRequiredService<Notifier>();
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
            (await notifier.EnqueueAsync(connection, null, membership, Reply.Plain("Напоминание: встреча с наставником завтра"), "test:remind:1", harness.Clock.GetUtcNow(), default)).Should().BeTrue();
        await SendMaxAsync();

        MaxTexts().Last().Should().Be("Напоминание: встреча с наставником завтра");
        (await harness.QueuedTextsAsync(920_003)).Should().BeEmpty();

        await harness.ExecuteAsync("UPDATE participants SET notify_account_id = (SELECT id FROM messenger_accounts WHERE external_user_id = 920003) WHERE id = (SELECT participant_id FROM memberships WHERE id = @membership)", new { membership });
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
            await notifier.EnqueueAsync(connection, null, membership, Reply.Plain("Напоминание: анкета ждёт"), "test:remind:2", harness.Clock.GetUtcNow(), default);

        (await harness.QueuedTextsAsync(920_003)).Should().Equal("Напоминание: анкета ждёт");
    }

    [Fact]
    public async Task A_teacher_who_stopped_the_bot_in_max_is_unreachable_there_but_still_reached_in_telegram()
    {
        await JoinFromMaxAsync();
        var membership = await TeacherMembershipAsync();
        await AddOlderTelegramAccountAsync(membership, 920004);
        api.Enqueue("POST /messages", FakeMaxApi.Responses.Forbidden());
        var notifier = harness.Services.GetRequiredService<Notifier>();
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
            await notifier.EnqueueAsync(connection, null, membership, Reply.Plain("Первое"), "test:remind:3", harness.Clock.GetUtcNow(), default);
        await SendMaxAsync();

        (await harness.ScalarAsync<string>("SELECT status FROM messenger_accounts WHERE messenger = 'max' AND external_user_id = @Teacher", new { Teacher })).Should().Be("unreachable");
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
            (await notifier.EnqueueAsync(connection, null, membership, Reply.Plain("Второе"), "test:remind:4", harness.Clock.GetUtcNow(), default)).Should().BeTrue();
        (await harness.QueuedTextsAsync(920_004)).Should().Equal("Второе");
    }

    private const long MentorMax = 810_010, MenteeTelegram = 720_011;

    /// <summary>A mentor with a MAX account (and her Telegram one) in an active pair with a mentee in Telegram; returns the mentor's membership.</summary>
    private async Task<long> MentorInMaxWithPairAsync()
    {
        var mentor = await harness.AddMemberAsync(school, 720_010, "Иванова Мария Петровна", [Role.Mentor]);
        var mentee = await harness.AddMemberAsync(school, MenteeTelegram, "Петрова Анна Сергеевна", [Role.Mentee]);
        await harness.ExecuteAsync("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, starts_on, ends_on, created_at)
            VALUES (@org, @mentor, @mentee, 'active', '2026-09-01', '2027-05-31', @now);
            INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name)
            SELECT participant_id, 'max', @MentorMax, @dialog, 'Мария' FROM memberships WHERE id = @mentor;
            """, new { org = school.Id, mentor, mentee, MentorMax, dialog = MaxUpdateJson.DialogOf(MentorMax), now = harness.Clock.GetUtcNow() });
        return mentor;
    }

    /// <summary>The mentor in MAX logs a meeting with message <paramref name="mid"/> and saves the card.</summary>
    private async Task LogFromMaxAsync(string text, string mid)
    {
        await FromMaxAsync(MaxUpdateJson.Text(MentorMax, text, mid));
        await FromMaxAsync(MaxUpdateJson.Press(MentorMax, "meet:save", $"cb-save-{mid}"));
    }

    [Fact]
    public async Task A_mentor_in_max_logs_a_meeting_by_message_and_the_mentees_poll_reaches_her_in_telegram()
    {
        var mentor = await MentorInMaxWithPairAsync();

        await FromMaxAsync(MaxUpdateJson.Text(MentorMax, "Встретились сегодня, 45 минут, тема: самоанализ урока", "mid.meeting"));
        MaxTexts(MentorMax).Last().Should().Contain("Длительность: 45 мин").And.Contain("Наставляемый: Петрова Анна Сергеевна");
        await FromMaxAsync(MaxUpdateJson.Press(MentorMax, "meet:save", "cb-save"));

        MaxTexts(MentorMax).Last().Should().Be(Html.Escape(MeetingsTexts.Saved));
        (await harness.ScalarAsync<long>("SELECT count(*) FROM meetings m JOIN pairs p ON p.id = m.pair_id WHERE p.mentor_membership_id = @mentor AND m.duration_minutes = 45", new { mentor }))
            .Should().Be(1);
        (await harness.QueuedTextsAsync(MenteeTelegram)).Should().ContainSingle().Which.Should().StartWith("Как прошла встреча с наставником");
        (await harness.ScalarAsync<string>("SELECT messenger FROM outbox WHERE chat_id = @MenteeTelegram", new { MenteeTelegram })).Should().Be("telegram");
    }

    [Fact]
    public async Task An_edit_in_max_of_the_message_that_logged_a_meeting_shows_its_card_and_corrects_that_meeting_without_a_second_poll()
    {
        await MentorInMaxWithPairAsync();
        await LogFromMaxAsync("Встретились сегодня, 45 минут, тема: самоанализ урока", "mid.meeting");
        harness.Clock.Advance(TimeSpan.FromDays(2));
        var sent = MaxTexts(MentorMax).Count;

        await FromMaxAsync(MaxUpdateJson.Edited(MentorMax, "Встретились сегодня, 50 минут, тема: самоанализ урока", "mid.meeting", FakeMaxApi.Now, FakeMaxApi.Now + 172_800_000));

        var card = MaxTexts(MentorMax).Skip(sent).Should().ContainSingle().Subject;
        card.Should().Contain("Дата: 01.09.2026", "«сегодня» is the day the message was written").And.Contain("Длительность: 50 мин")
            .And.Contain("Наставляемый: Петрова Анна Сергеевна");
        await FromMaxAsync(MaxUpdateJson.Press(MentorMax, "meet:save", "cb-save-edit"));

        MaxTexts(MentorMax).Last().Should().Be(Html.Escape(MeetingsTexts.Updated));
        (await harness.ScalarAsync<long>("SELECT count(*) FROM meetings")).Should().Be(1);
        (await harness.ScalarAsync<int>("SELECT duration_minutes FROM meetings")).Should().Be(50);
        (await harness.ScalarAsync<string>("SELECT source_message_id FROM meetings")).Should().Be("mid.meeting");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM feedback_polls")).Should().Be(1);
        (await harness.QueuedTextsAsync(MenteeTelegram)).Should().ContainSingle("the mentee is asked about the meeting once");
    }

    [Fact]
    public async Task Any_other_edit_in_max_is_ignored_it_answers_no_open_question_and_logs_nothing()
    {
        await MentorInMaxWithPairAsync();
        await FromMaxAsync(MaxUpdateJson.Text(MentorMax, "Добрый день!", "mid.hello"));
        await FromMaxAsync(MaxUpdateJson.Text(MentorMax, "Встретились сегодня", "mid.meeting", FakeMaxApi.Now + 60_000));  // the card asks for the duration
        var dialog = MaxUpdateJson.DialogOf(MentorMax);
        var asked = await harness.ScalarAsync<string>("SELECT state FROM conversation_states WHERE messenger = 'max' AND chat_id = @dialog", new { dialog });
        var sent = api.RequestsTo("POST /messages").Count;

        await FromMaxAsync(MaxUpdateJson.Edited(MentorMax, "45 минут", "mid.hello", FakeMaxApi.Now, FakeMaxApi.Now + 120_000));

        api.RequestsTo("POST /messages").Should().HaveCount(sent, "an edit of an ordinary message answers nothing");
        (await harness.ScalarAsync<string>("SELECT state FROM conversation_states WHERE messenger = 'max' AND chat_id = @dialog", new { dialog })).Should().Be(asked);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM meetings")).Should().Be(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM inbound_updates WHERE source = 'max' AND (handled_at IS NULL OR error IS NOT NULL)")).Should().Be(0);
    }

    [Fact]
    public async Task Stopping_the_bot_in_max_makes_that_account_unreachable_until_she_writes_again()
    {
        await JoinFromMaxAsync();
        var membership = await TeacherMembershipAsync();
        var notifier = harness.Services.GetRequiredService<Notifier>();

        await FromMaxAsync(MaxUpdateJson.Stopped(Teacher, FakeMaxApi.Now + 120_000));

        (await harness.ScalarAsync<string>("SELECT status FROM messenger_accounts WHERE messenger = 'max' AND external_user_id = @Teacher", new { Teacher })).Should().Be("unreachable");
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
            (await notifier.EnqueueAsync(connection, null, membership, Reply.Plain("Напоминание"), "test:remind:5", harness.Clock.GetUtcNow(), default)).Should().BeFalse();

        await FromMaxAsync(MaxUpdateJson.Started(Teacher, null));
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
            (await notifier.EnqueueAsync(connection, null, membership, Reply.Plain("Напоминание"), "test:remind:6", harness.Clock.GetUtcNow(), default)).Should().BeTrue();
    }
}
