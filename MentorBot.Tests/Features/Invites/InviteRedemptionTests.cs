using Dapper;
using MentorBot.Domain.Consents;
using MentorBot.Domain.Invites;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Invites;

/// <summary>Invite links end to end through the pipeline: a curator's /invite, then /start TOKEN.</summary>
public sealed class InviteRedemptionTests : IAsyncLifetime
{
    private const long Curator = 100;
    private const long Teacher = 200;
    private const long Other = 300;
    private readonly PipelineHarness harness = Onboarding.NewHarness();
    private Organisation school = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ СОШ № 1");
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<string> CuratorInvitesAsync(Role role)
    {
        await harness.SendAsync(Curator, "/invite");
        (await harness.LastButtonsAsync(Curator)).Select(b => b.Data).Should().Equal("invite:new:mentee", "invite:new:mentor", "invite:new:curator", "invite:new:head", "invite:new:psychologist");
        await harness.PressAsync(Curator, $"invite:new:{role.Code()}");
        var text = await harness.LastTextAsync(Curator);
        text.Should().Contain($"https://t.me/{Onboarding.BotUsername}?start=").And.Contain("МБОУ СОШ № 1").And.Contain(role.RussianName());
        return Onboarding.TokenIn(text);
    }

    private Task<string> CreateInviteAsync(Role role, InviteLimits limits) =>
        WithConnectionAsync(async c => (await InviteStore.CreateAsync(c, null, school.Id, role, limits, null, harness.Clock.GetUtcNow(), default)).Token);

    private async Task<T> WithConnectionAsync<T>(Func<Npgsql.NpgsqlConnection, Task<T>> action)
    {
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        return await action(connection);
    }

    [Fact]
    public async Task A_valid_invite_joins_the_organisation_in_its_role_and_shows_the_personal_data_consent()
    {
        var token = await CuratorInvitesAsync(Role.Mentee);

        await harness.SendAsync(Teacher, $"/start {token}");

        var texts = await harness.QueuedTextsAsync(Teacher);
        texts[0].Should().Be(InviteTexts.Joined("МБОУ СОШ № 1", Role.Mentee));
        texts[1].Should().Be(ConsentDocuments.PersonalData("МБОУ СОШ № 1").Summary);
        (await harness.LastButtonsAsync(Teacher)).Should().Equal(("Согласен", "consent:yes:personal_data"), ("Не согласен", "consent:no:personal_data"), ("Полный текст", "consent:text:personal_data"));
        (await harness.ScalarAsync<string>("SELECT string_agg(r.role, ',') FROM membership_roles r JOIN memberships m ON m.id = r.membership_id JOIN participants p ON p.id = m.participant_id WHERE p.id = @participant", new { participant = await harness.ParticipantAsync(Teacher) }))
            .Should().Be("mentee");
        (await harness.ScalarAsync<int>("SELECT uses FROM invites WHERE token = @token", new { token })).Should().Be(1);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM consent_events")).Should().Be(1, "only the curator's set-up consent: nothing is recorded before the answer");
    }

    [Theory]
    [InlineData("abcDEF123")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("'; DROP TABLE invites; --")]
    public async Task An_unknown_token_gets_a_clear_message_and_creates_nothing(string token)
    {
        await harness.SendAsync(Teacher, $"/start {token}");

        (await harness.QueuedTextsAsync(Teacher)).Should().Equal(InviteTexts.Unknown);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM memberships m JOIN participants p ON p.id = m.participant_id WHERE p.id = @participant", new { participant = await harness.ParticipantAsync(Teacher) })).Should().Be(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);
    }

    [Fact]
    public async Task An_expired_invite_gets_a_clear_message_and_creates_nothing()
    {
        var token = await CreateInviteAsync(Role.Mentee, new InviteLimits(null, TimeSpan.FromDays(3)));
        harness.Clock.Advance(TimeSpan.FromDays(3));

        await harness.SendAsync(Teacher, $"/start {token}");

        (await harness.QueuedTextsAsync(Teacher)).Should().Equal(InviteTexts.Expired);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM memberships")).Should().Be(1, "only the curator's");
        (await harness.ScalarAsync<int>("SELECT uses FROM invites WHERE token = @token", new { token })).Should().Be(0);
    }

    [Fact]
    public async Task A_used_up_invite_gets_a_clear_message_and_creates_nothing()
    {
        var token = await CreateInviteAsync(Role.Mentor, new InviteLimits(1, null));
        await harness.SendAsync(Teacher, $"/start {token}");

        await harness.SendAsync(Other, $"/start {token}");

        (await harness.QueuedTextsAsync(Other)).Should().Equal(InviteTexts.UsedUp);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM memberships m JOIN participants p ON p.id = m.participant_id WHERE p.id = @participant", new { participant = await harness.ParticipantAsync(Other) })).Should().Be(0);
        (await harness.ScalarAsync<int>("SELECT uses FROM invites WHERE token = @token", new { token })).Should().Be(1);
    }

    [Fact]
    public async Task Two_people_redeeming_the_last_use_at_once_get_one_membership_between_them()
    {
        var token = await CreateInviteAsync(Role.Mentee, new InviteLimits(1, null));
        await harness.RecordAsync(harness.Text(Teacher, $"/start {token}"), harness.Text(Other, $"/start {token}"));
        var processor = harness.Services.GetRequiredService<UpdateProcessor>();

        // Two workers, one update each, in parallel: the invite's row lock serialises them.
        await Task.WhenAll(processor.ProcessPendingAsync(1), processor.ProcessPendingAsync(1));
        await harness.ProcessAllAsync();

        (await harness.ScalarAsync<int>("SELECT uses FROM invites WHERE token = @token", new { token })).Should().Be(1);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM memberships")).Should().Be(2, "the curator and exactly one of the two");
        var first = await harness.QueuedTextsAsync(Teacher);
        var second = await harness.QueuedTextsAsync(Other);
        new[] { first[0], second[0] }.Should().BeEquivalentTo([InviteTexts.Joined("МБОУ СОШ № 1", Role.Mentee), InviteTexts.UsedUp]);
    }

    [Fact]
    public async Task A_second_invite_adds_a_role_to_the_same_membership()
    {
        var mentee = await CreateInviteAsync(Role.Mentee, InviteRules.DefaultLimits(Role.Mentee));
        var mentor = await CreateInviteAsync(Role.Mentor, InviteRules.DefaultLimits(Role.Mentor));

        await harness.SendAsync(Teacher, $"/start {mentee}");
        await harness.SendAsync(Teacher, $"/start {mentor}");

        (await harness.ScalarAsync<long>("SELECT count(*) FROM memberships m JOIN participants p ON p.id = m.participant_id WHERE p.id = @participant", new { participant = await harness.ParticipantAsync(Teacher) })).Should().Be(1);
        (await harness.ScalarAsync<string>("SELECT string_agg(r.role, ',' ORDER BY r.role) FROM membership_roles r JOIN memberships m ON m.id = r.membership_id JOIN participants p ON p.id = m.participant_id WHERE p.id = @participant", new { participant = await harness.ParticipantAsync(Teacher) }))
            .Should().Be("mentee,mentor");
        (await harness.QueuedTextsAsync(Teacher)).Should().Contain(InviteTexts.Joined("МБОУ СОШ № 1", Role.Mentor));
    }

    [Fact]
    public async Task Opening_the_same_invite_again_counts_no_use_and_shows_the_open_consent_again()
    {
        var token = await CreateInviteAsync(Role.Mentor, new InviteLimits(2, null));

        await harness.SendAsync(Teacher, $"/start {token}");
        await harness.SendAsync(Teacher, $"/start {token}");

        (await harness.ScalarAsync<int>("SELECT uses FROM invites WHERE token = @token", new { token })).Should().Be(1);
        var texts = await harness.QueuedTextsAsync(Teacher);
        texts[2].Should().Be(InviteTexts.AlreadyJoined("МБОУ СОШ № 1", Role.Mentor));
        texts[3].Should().Be(ConsentDocuments.PersonalData("МБОУ СОШ № 1").Summary);
    }

    [Fact]
    public async Task A_mentee_cannot_invite_by_command_or_by_a_forged_button()
    {
        await harness.AddMemberAsync(school, Teacher, "Учителева Анна", [Role.Mentee]);

        await harness.SendAsync(Teacher, "/invite");
        await harness.PressAsync(Teacher, "invite:new:curator");

        (await harness.QueuedTextsAsync(Teacher)).Should().Equal(AccessTexts.NotAllowed, AccessTexts.NotAllowed);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM invites")).Should().Be(0);
    }

    [Fact]
    public async Task A_curators_invite_is_for_their_current_organisation_only()
    {
        var other = await harness.CreateOrganisationAsync("Детский сад № 7", "Europe/Volgograd");
        await harness.AddMemberAsync(other, Other, "Чужая Куратор", [Role.Curator]);

        var token = await CuratorInvitesAsync(Role.Mentor);

        (await harness.ScalarAsync<Guid>("SELECT organisation_id FROM invites WHERE token = @token", new { token })).Should().Be(school.Id);
        (await harness.QueuedTextsAsync(Curator)).Should().NotContain(t => t.Contains("Детский сад"));
    }

    [Fact]
    public async Task A_curator_or_head_link_works_once_for_a_week_by_default()
    {
        await CuratorInvitesAsync(Role.Head);

        (await harness.ScalarAsync<int>("SELECT max_uses FROM invites")).Should().Be(1);
        (await harness.ScalarAsync<DateTime>("SELECT expires_at FROM invites")).Should().Be(harness.Clock.GetUtcNow().UtcDateTime.AddDays(7));
        (await harness.LastTextAsync(Curator)).Should().Contain("число использований: 1").And.Contain("Действует до 08.09.2026 12:00");
    }
}
