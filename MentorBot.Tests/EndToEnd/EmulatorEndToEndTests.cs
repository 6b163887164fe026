using Dapper;
using MentorBot.Domain.Consents;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Invites;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Start;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Features.Questionnaires;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// The whole bot, in process, against the telegram-test-api emulator over real HTTP: polling, inbox,
/// features, outbox and sender. A person's messages and presses go in through the emulator's client
/// endpoints; the bot's replies are read back from it.
/// </summary>
public sealed class EmulatorEndToEndTests : EmulatorTestBase
{
    private const long UserId = 424242;

    protected override void Configure(IServiceCollection services) => services.AddSingleton<IChatFeature, PickFeature>();

    [Fact]
    public async Task Start_and_help_are_answered()
    {
        await Emulator.SendTextAsync(Token, UserId, "/start");
        await Emulator.SendTextAsync(Token, UserId, "/help");

        var replies = await Emulator.WaitForBotMessagesAsync(Token, UserId, 2, Deadline);

        var help = StartTexts.Help(StartFeature.MenuFor(Bot.Services.GetRequiredService<ChatRoutes>().Menu, new HashSet<MentorBot.Domain.Organisations.Role>()));
        replies.Select(r => r.Text).Should().Equal(StartTexts.Welcome, help);
    }

    [Fact]
    public async Task A_button_press_reaches_the_bot_and_is_answered()
    {
        await Emulator.SendTextAsync(Token, UserId, "/pick");
        var question = (await Emulator.WaitForBotMessagesAsync(Token, UserId, 1, Deadline)).Should().ContainSingle().Subject;
        question.Text.Should().Be(PickFeature.Question);
        question.CallbackData.Should().Equal("e2epick:yes");

        await Emulator.PressAsync(Token, UserId, question.MessageId, "e2epick:yes");

        var reply = await Emulator.WaitForBotMessagesAsync(Token, UserId, 1, Deadline);
        reply.Select(r => r.Text).Should().Equal(PickFeature.Picked);
        // The emulator keeps no record of answerCallbackQuery (it answers ok, result null), so the proof
        // that the press was answered over HTTP is the outbox row the sender marked sent after that call.
        (await AnswerStatusAsync()).Should().Be("sent");
        var history = await Emulator.HistoryAsync(Token);
        history.Should().Contain(h => h!["callbackQuery"] != null, "the press is in the emulator's history");
    }

    private const long OnboardingUserId = 434343;

    /// <summary>
    /// Joining: a teacher opens a mentor invite, agrees to the personal-data consent, sees the
    /// mentoring-duties consent, declines it, and finds the personal-data consent in /consents.
    /// </summary>
    [Fact]
    public async Task A_mentor_opens_an_invite_and_answers_both_consent_screens()
    {
        var school = await OrganisationStore.CreateAsync(Database.DataSource, "МБОУ СОШ № 42", "Asia/Omsk", Bot.Clock.GetUtcNow(), default);
        await JoinAndConsentAsync(school, OnboardingUserId, Role.Mentor);
        var duties = (await Emulator.WaitForBotMessagesAsync(Token, OnboardingUserId, 1, Deadline)).Should().ContainSingle().Subject;
        duties.Text.Should().Be(ConsentDocuments.MentoringDuties("МБОУ СОШ № 42").Summary);
        duties.CallbackData.Should().Equal("consent:yes:mentoring_duties", "consent:no:mentoring_duties", "consent:text:mentoring_duties");

        await Emulator.PressAsync(Token, OnboardingUserId, duties.MessageId, "consent:no:mentoring_duties");
        (await Emulator.WaitForBotMessagesAsync(Token, OnboardingUserId, 1, Deadline)).Select(m => m.Text).Should().Equal(ConsentTexts.DeclinedMentoringDuties);

        await Emulator.SendTextAsync(Token, OnboardingUserId, "/consents");
        var consents = (await Emulator.WaitForBotMessagesAsync(Token, OnboardingUserId, 1, Deadline)).Should().ContainSingle().Subject;
        consents.Text.Should().Contain(ConsentDocuments.TitleOf(ConsentKind.PersonalData) + " — дано")
            .And.Contain(ConsentDocuments.TitleOf(ConsentKind.MentoringDuties) + " — отказ");
        consents.CallbackData.Should().ContainSingle().Which.Should().StartWith("consents:withdraw:personal_data:");
    }

    private const long MenteeUserId = 454545, CuratorUserId = 464646;

    /// <summary>
    /// Issue 4's end-to-end test: a teacher opens a mentee invite link, consents, fills the whole intake
    /// questionnaire by typing and pressing buttons, and the curator finds them in <c>/mentees</c>.
    /// </summary>
    [Fact]
    public async Task A_mentee_joins_by_invite_fills_the_intake_and_the_curator_sees_them_in_the_mentee_bank()
    {
        var school = await OrganisationStore.CreateAsync(Database.DataSource, "Гимназия № 3", "Asia/Omsk", Bot.Clock.GetUtcNow(), default);
        await JoinAndConsentAsync(school, CuratorUserId, Role.Curator);
        await JoinAndConsentAsync(school, MenteeUserId, Role.Mentee);

        var opened = await Emulator.WaitForBotMessagesAsync(Token, MenteeUserId, 3, Deadline);
        opened.Select(m => m.Text).Should().HaveCount(3).And.StartWith(ConsentTexts.AllGiven);
        opened[1].Text.Should().StartWith("Анкета наставляемого поможет куратору подобрать вам наставника");
        var question = opened[2];
        question.Text.Should().StartWith(MenteeIntakeScript.FirstQuestion);

        // Each answer is followed by exactly one message: the next question (or the same one, re-drawn with a tick).
        foreach (var step in MenteeIntakeScript.Steps)
        {
            if (step.IsPress) await Emulator.PressAsync(Token, MenteeUserId, question.MessageId, question.DataOf(step.Answer));
            else await Emulator.SendTextAsync(Token, MenteeUserId, step.Answer);
            question = (await Emulator.WaitForBotMessagesAsync(Token, MenteeUserId, 1, Deadline)).Should().ContainSingle().Subject;
            question.Text.Should().StartWith(step.Next);
            if (step.Ticked is { } ticked) question.Labels.Should().Contain(ticked);
        }

        await Emulator.WaitForBotMessagesAsync(Token, CuratorUserId, 3, Deadline); // consent given, the profile questionnaire opened
        await Emulator.SendTextAsync(Token, CuratorUserId, "/mentees");
        var bank = (await Emulator.WaitForBotMessagesAsync(Token, CuratorUserId, 1, Deadline)).Should().ContainSingle().Subject;
        bank.Text.Should().Contain("Присоединились: 1 · дали согласия: 1 · заполнили анкету: 1")
            .And.Contain("<b>1. Сидорова Мария Ивановна</b> — учитель русского языка, русский язык и литература\n"
                + "Согласие на обработку ПДн: дано; анкета: заполнена\nТрудности: работа с родителями");
        bank.Labels.Should().Equal("1. Сидорова Мария Ивановна");
    }

    /// <summary>
    /// A teacher opens a new <paramref name="role"/> invite of <paramref name="school"/>, is told they joined,
    /// is shown the personal-data consent and agrees to it.
    /// </summary>
    private async Task JoinAndConsentAsync(Organisation school, long userId, Role role)
    {
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        {
            var invite = await InviteStore.CreateAsync(connection, null, school.Id, role, InviteRules.DefaultLimits(role), null, Bot.Clock.GetUtcNow(), default);
            await Emulator.SendTextAsync(Token, userId, $"/start {invite.Token}");
        }

        var joined = await Emulator.WaitForBotMessagesAsync(Token, userId, 2, Deadline);
        joined.Select(m => m.Text).Should().Equal(InviteTexts.Joined(school.Name, role), ConsentDocuments.PersonalData(school.Name).Summary);
        joined[1].CallbackData.Should().Equal("consent:yes:personal_data", "consent:no:personal_data", "consent:text:personal_data");
        await Emulator.PressAsync(Token, userId, joined[1].MessageId, "consent:yes:personal_data");
    }

    private async Task<string?> AnswerStatusAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string? status;
        do
        {
            status = await connection.QuerySingleOrDefaultAsync<string>(
                "SELECT status FROM outbox WHERE kind = 'answer_choice' AND chat_id = @UserId", new { UserId });
            if (status == "sent") break;
            await Task.Delay(100);
        }
        while (watch.Elapsed < Deadline);
        return status;
    }

    /// <summary>A test-only feature: <c>/pick</c> asks with one button, pressing it answers with text.</summary>
    private sealed class PickFeature : IChatFeature
    {
        public const string Question = "Выберите вариант";
        public const string Picked = "Вы выбрали: да";

        public void Map(ChatRoutes routes) => routes
            .Command("pick", (context, _) =>
            {
                context.Reply(Reply.WithChoices(Question, new Choice("Да", "e2epick:yes")));
                return Task.CompletedTask;
            })
            .Choice("e2epick", (context, _) =>
            {
                context.Reply(Reply.Plain(Picked));
                return Task.CompletedTask;
            });
    }
}
