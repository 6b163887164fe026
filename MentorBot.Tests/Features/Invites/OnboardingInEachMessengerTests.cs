using MentorBot.Domain.Consents;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Invites;
using MentorBot.Tests.Features.Questionnaires;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Invites;

/// <summary>
/// Onboarding in each messenger (issue 16: every feature works in MAX without knowing it): a curator's invite, the
/// teacher opening the bot by its link, the personal-data consent, the whole mentee intake, and the curator's view.
/// </summary>
public sealed class OnboardingInEachMessengerTests
{
    private const long Curator = 730_001;
    private const long Teacher = 730_002;

    [Theory]
    [MemberData(nameof(MessengerDriver.Both), MemberType = typeof(MessengerDriver))]
    public async Task A_teacher_joins_by_the_invite_consents_fills_the_intake_and_the_curator_sees_her(string messenger)
    {
        await using var harness = await PipelineHarness.StartAsync(messenger, Onboarding.BotUsername, "school_mentor_bot");
        var school = await harness.CreateOrganisationAsync("Гимназия № 3");
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);

        await harness.SendAsync(Curator, "/invite");
        await harness.PressAsync(Curator, "invite:new:mentee");
        var token = Onboarding.TokenIn(await harness.LastTextAsync(Curator));

        await harness.RecordAsync(harness.Start(Teacher, token, "Мария"));
        await harness.ProcessAllAsync();
        (await harness.QueuedTextsAsync(Teacher)).Should().Equal(
            Html.Escape(InviteTexts.Joined("Гимназия № 3", Role.Mentee)), Html.Escape(ConsentDocuments.PersonalData("Гимназия № 3").Summary));
        (await harness.LastButtonsAsync(Teacher)).Select(b => b.Data).Should().Contain("consent:yes:personal_data");

        var chat = new QuestionnaireChat(harness, Teacher);
        await chat.PressDataAsync("consent:yes:personal_data");
        (await chat.LastTextAsync()).Should().StartWith(MenteeIntakeScript.FirstQuestion);
        foreach (var step in MenteeIntakeScript.Steps)
        {
            var before = (await chat.TextsAsync()).Count;
            await (step.IsPress ? chat.PressAsync(step.Answer) : chat.TypeAsync(step.Answer));
            (await chat.TextsAsync()).Skip(before).Should().ContainSingle().Which.Should().StartWith(step.Next);
            if (step.Ticked is { } ticked) (await chat.ButtonsAsync()).Select(b => b.Label).Should().Contain(ticked);
        }

        await harness.SendAsync(Curator, "/mentees");
        (await harness.LastTextAsync(Curator)).Should().Contain("Присоединились: 1 · дали согласия: 1 · заполнили анкету: 1")
            .And.Contain("<b>1. Сидорова Мария Ивановна</b> — учитель русского языка, русский язык и литература");
        (await harness.RowsForOtherMessengersAsync()).Should().Be(0, "everyone here uses one messenger");
    }
}
