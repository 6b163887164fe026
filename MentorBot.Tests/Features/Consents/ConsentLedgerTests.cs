using MentorBot.Domain.Consents;
using MentorBot.Domain.Invites;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;
using Npgsql;

namespace MentorBot.Tests.Features.Consents;

/// <summary>The consent screens after an invite, and the ledger they write, against PostgreSQL.</summary>
public sealed class ConsentLedgerTests : IAsyncLifetime
{
    private const long Teacher = 200;
    private readonly PipelineHarness harness = Onboarding.NewHarness();
    private Organisation school = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("Лицей № 9");
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task JoinAsync(Role role)
    {
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var invite = await InviteStore.CreateAsync(connection, null, school.Id, role, InviteRules.DefaultLimits(role), null, harness.Clock.GetUtcNow(), default);
        await harness.SendAsync(Teacher, $"/start {invite.Token}", "Зинаида");
    }

    private Task<string> LedgerAsync() => harness.ScalarAsync<string>(
        "SELECT coalesce(string_agg(kind || ':' || event || ':' || text_version || ':' || channel, ' ' ORDER BY id), '') FROM consent_events");

    [Fact]
    public async Task A_mentor_agrees_to_personal_data_then_sees_the_mentoring_duties_consent()
    {
        await JoinAsync(Role.Mentor);

        await harness.PressAsync(Teacher, "consent:yes:personal_data", "Зинаида");

        (await LedgerAsync()).Should().Be("personal_data:given:pd-2026.2:telegram");
        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentDocuments.MentoringDuties("Лицей № 9").Summary);
        (await harness.LastButtonsAsync(Teacher)).Should().Equal(("Согласен", "consent:yes:mentoring_duties"), ("Не согласен", "consent:no:mentoring_duties"), ("Полный текст", "consent:text:mentoring_duties"));
        (await harness.ScalarAsync<DateTime>("SELECT occurred_at FROM consent_events")).Should().Be(harness.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task A_phone_screen_gets_a_three_line_summary_with_the_buttons_and_the_full_text_one_tap_away()
    {
        await JoinAsync(Role.Mentee);

        var summary = await harness.LastTextAsync(Teacher);
        summary.Split('\n').Should().HaveCount(3);
        summary.Length.Should().BeLessThan(600, "the whole of it fits a phone screen above the buttons");
        summary.Should().Contain("Лицей № 9").And.Contain("/consents").And.Contain("Полный текст");

        await harness.PressAsync(Teacher, "consent:text:personal_data", "Зинаида");

        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentDocuments.PersonalData("Лицей № 9").Text, "the legal text stays complete");
        (await harness.LastButtonsAsync(Teacher)).Select(b => b.Data).Should().Equal("consent:yes:personal_data", "consent:no:personal_data");
        (await LedgerAsync()).Should().BeEmpty("reading the text decides nothing");

        await harness.PressAsync(Teacher, "consent:yes:personal_data", "Зинаида");
        (await LedgerAsync()).Should().Be("personal_data:given:pd-2026.2:telegram");
    }

    [Fact]
    public async Task Role_work_waits_for_the_personal_data_consent_and_the_button_reopens_it()
    {
        await JoinAsync(Role.Curator);

        await harness.SendAsync(Teacher, "/invite", "Зинаида");

        (await harness.LastTextAsync(Teacher)).Should().Be(AccessTexts.ConsentFirst);
        (await harness.LastButtonsAsync(Teacher)).Should().Equal((AccessTexts.OpenConsent, Access.OpenConsentData));
        (await harness.ScalarAsync<long>("SELECT count(*) FROM invites")).Should().Be(1, "only the invite the curator joined with");

        await harness.PressAsync(Teacher, Access.OpenConsentData, "Зинаида");

        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentDocuments.PersonalData("Лицей № 9").Summary);
    }

    [Fact]
    public async Task Someone_who_left_the_consent_screen_is_led_back_to_it_by_questionnaire()
    {
        await JoinAsync(Role.Mentee);
        await harness.SendAsync(Teacher, "/cancel", "Зинаида");

        await harness.SendAsync(Teacher, "/questionnaire", "Зинаида");

        (await harness.LastTextAsync(Teacher)).Should().Be(AccessTexts.ConsentFirst);
        (await harness.LastButtonsAsync(Teacher)).Should().Equal((AccessTexts.OpenConsent, Access.OpenConsentData));
    }

    [Fact]
    public async Task A_mentor_who_cancels_at_the_duties_consent_is_led_back_to_it_from_commands_consents_and_start()
    {
        await JoinAsync(Role.Mentor);
        await harness.PressAsync(Teacher, "consent:yes:personal_data", "Зинаида");
        await harness.SendAsync(Teacher, "/cancel", "Зинаида");

        // A meeting told in free text is a mentor's work too (Access.AdmitAsync, not only RequireAsync).
        foreach (var command in new[] { "/questionnaire", "/meetings", "/start", "встретились вчера, 40 минут, разбирали урок" })
        {
            await harness.SendAsync(Teacher, command, "Зинаида");
            (await harness.LastTextAsync(Teacher)).Should().Be(AccessTexts.DutiesConsentFirst, command);
            (await harness.LastButtonsAsync(Teacher)).Should().Equal([(AccessTexts.OpenConsent, Access.OpenConsentData)], command);
        }

        await harness.SendAsync(Teacher, "/consents", "Зинаида");
        (await harness.LastTextAsync(Teacher)).Should().Contain("Согласие на выполнение обязанностей наставника — ещё не дано")
            .And.Contain("обработку персональных данных — дано");
        (await harness.LastButtonsAsync(Teacher)).First().Should().Be((AccessTexts.OpenConsent, Access.OpenConsentData));

        await harness.PressAsync(Teacher, Access.OpenConsentData, "Зинаида");
        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentDocuments.MentoringDuties("Лицей № 9").Summary);
        await harness.PressAsync(Teacher, "consent:yes:mentoring_duties", "Зинаида");
        await harness.SendAsync(Teacher, "/start", "Зинаида");
        (await harness.LastTextAsync(Teacher)).Should().Be(Host.Features.Start.StartTexts.WelcomeBack("Лицей № 9"));
    }

    [Fact]
    public async Task A_press_on_a_screen_that_moved_on_changes_nothing()
    {
        await JoinAsync(Role.Mentor);
        await harness.PressAsync(Teacher, "consent:yes:personal_data", "Зинаида");

        await harness.PressAsync(Teacher, "consent:no:personal_data", "Зинаида");

        (await LedgerAsync()).Should().Be("personal_data:given:pd-2026.2:telegram");
        (await harness.ToastsAsync(Teacher)).Last().Should().Be(ConsentTexts.Closed);
    }

    [Fact]
    public async Task Text_instead_of_a_button_asks_for_the_button_again()
    {
        await JoinAsync(Role.Mentee);

        await harness.SendAsync(Teacher, "да", "Зинаида");

        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentTexts.PressAButton);
        (await harness.LastButtonsAsync(Teacher)).Select(b => b.Data).Should().Equal("consent:yes:personal_data", "consent:no:personal_data", "consent:text:personal_data");
        (await LedgerAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Declining_personal_data_ends_politely_and_keeps_nothing_but_the_decline()
    {
        await JoinAsync(Role.Mentee);

        await harness.PressAsync(Teacher, "consent:no:personal_data", "Зинаида");

        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentTexts.DeclinedPersonalData);
        (await LedgerAsync()).Should().Be("personal_data:declined:pd-2026.2:telegram");
        (await harness.ScalarAsync<string>("SELECT status || ':' || coalesce(full_name, '-') FROM memberships")).Should().Be("declined:-");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM membership_roles")).Should().Be(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM questionnaire_responses")).Should().Be(0);
        (await harness.ScalarAsync<string?>("SELECT first_name FROM participants WHERE id = (SELECT participant_id FROM memberships)")).Should().BeNull();
        (await harness.ScalarAsync<Guid?>("SELECT current_organisation_id FROM participants WHERE id = (SELECT participant_id FROM memberships)")).Should().BeNull();

        await harness.SendAsync(Teacher, "/consents", "Зинаида");
        (await harness.LastTextAsync(Teacher)).Should().Be(AccessTexts.NotAMember, "a declined person is in no programme");
    }

    [Fact]
    public async Task After_a_decline_a_new_invite_asks_again_and_the_ledger_keeps_both_events()
    {
        await JoinAsync(Role.Mentor);
        await harness.PressAsync(Teacher, "consent:no:personal_data", "Зинаида");

        await JoinAsync(Role.Mentor);
        await harness.PressAsync(Teacher, "consent:yes:personal_data", "Зинаида");

        (await LedgerAsync()).Should().Be("personal_data:declined:pd-2026.2:telegram personal_data:given:pd-2026.2:telegram");
        (await harness.ScalarAsync<string>("SELECT event FROM current_consents WHERE kind = 'personal_data'")).Should().Be("given");
        (await harness.ScalarAsync<string>("SELECT status FROM memberships")).Should().Be("active");
    }

    [Fact]
    public async Task A_mentor_who_declines_mentoring_duties_loses_the_mentor_role()
    {
        await JoinAsync(Role.Mentor);
        await harness.PressAsync(Teacher, "consent:yes:personal_data", "Зинаида");

        await harness.PressAsync(Teacher, "consent:no:mentoring_duties", "Зинаида");

        (await LedgerAsync()).Should().Be("personal_data:given:pd-2026.2:telegram mentoring_duties:declined:md-2026.1:telegram");
        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentTexts.DeclinedMentoringDuties);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM membership_roles WHERE role = 'mentor'")).Should().Be(0);
    }

    [Fact]
    public async Task The_ledger_refuses_updates_and_deletes()
    {
        await JoinAsync(Role.Mentor);
        await harness.PressAsync(Teacher, "consent:yes:personal_data", "Зинаида");

        var update = () => harness.ExecuteAsync("UPDATE consent_events SET event = 'withdrawn'");
        var delete = () => harness.ExecuteAsync("DELETE FROM consent_events");

        (await update.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await delete.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await LedgerAsync()).Should().Be("personal_data:given:pd-2026.2:telegram");
    }

    [Fact]
    public async Task Consents_lists_the_persons_consents_with_a_withdraw_button_for_those_in_force()
    {
        var membership = await harness.AddMemberAsync(school, Teacher, "Зинаида Уникальнова", [Role.Mentor]);

        await harness.SendAsync(Teacher, "/consents", "Зинаида");

        (await harness.LastTextAsync(Teacher)).Should().Be(string.Join("\n",
            ConsentTexts.Heading("Лицей № 9"),
            ConsentTexts.Line(ConsentKind.PersonalData, ConsentEvent.Given, "01.09.2026", "test"),
            ConsentTexts.Line(ConsentKind.MentoringDuties, ConsentEvent.Given, "01.09.2026", "test"),
            "\n" + ConsentTexts.WithdrawHint));
        (await harness.LastButtonsAsync(Teacher)).Select(b => b.Data).Should().Equal(
            $"consents:withdraw:personal_data:{membership}", $"consents:withdraw:mentoring_duties:{membership}");
    }

    [Fact]
    public async Task Withdrawing_mentoring_duties_asks_for_confirmation_then_removes_the_role()
    {
        var membership = await harness.AddMemberAsync(school, Teacher, "Зинаида Уникальнова", [Role.Mentor, Role.Mentee]);

        await harness.PressAsync(Teacher, $"consents:withdraw:mentoring_duties:{membership}");
        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentTexts.ConfirmWithdrawal(ConsentKind.MentoringDuties, "Лицей № 9"));
        (await harness.LastButtonsAsync(Teacher)).Select(b => b.Data).Should().Equal($"consents:confirm:mentoring_duties:{membership}", "consents:keep");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM consent_events WHERE event = 'withdrawn'")).Should().Be(0, "nothing changes before the confirmation");

        await harness.PressAsync(Teacher, $"consents:confirm:mentoring_duties:{membership}");

        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentTexts.MentoringDutiesWithdrawn(hadPairs: false));
        (await harness.ScalarAsync<string>("SELECT event FROM current_consents WHERE kind = 'mentoring_duties'")).Should().Be("withdrawn");
        (await harness.ScalarAsync<string>("SELECT string_agg(role, ',') FROM membership_roles")).Should().Be("mentee");
        (await harness.ScalarAsync<string>("SELECT status FROM memberships")).Should().Be("active");
    }

    [Fact]
    public async Task Keep_leaves_the_consent_in_force()
    {
        var membership = await harness.AddMemberAsync(school, Teacher, "Зинаида Уникальнова", [Role.Mentee]);
        await harness.PressAsync(Teacher, $"consents:withdraw:personal_data:{membership}");

        await harness.PressAsync(Teacher, "consents:keep");

        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentTexts.Kept);
        (await harness.ScalarAsync<string>("SELECT event FROM current_consents WHERE kind = 'personal_data'")).Should().Be("given");
    }
}
