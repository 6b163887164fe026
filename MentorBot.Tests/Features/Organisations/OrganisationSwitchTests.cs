using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Start;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Organisations;

/// <summary>/org (picking the current organisation) and /help by role, through the pipeline.</summary>
public sealed class OrganisationSwitchTests : IAsyncLifetime
{
    private const long Person = 400;
    private const long Stranger = 500;
    private readonly PipelineHarness harness = Onboarding.NewHarness();
    private Organisation school = null!;
    private Organisation kindergarten = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("Школа № 1");
        kindergarten = await harness.CreateOrganisationAsync("Детский сад № 7", "Europe/Volgograd");
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_person_in_two_organisations_picks_the_current_one_and_invites_go_there()
    {
        await harness.AddMemberAsync(school, Person, "Петрова Анна", [Role.Curator]);
        await harness.AddMemberAsync(kindergarten, Person, "Петрова Анна", [Role.Mentor]);

        await harness.SendAsync(Person, "/org");
        (await harness.LastTextAsync(Person)).Should().Be(OrganisationTexts.Pick("Детский сад № 7"));
        (await harness.LastButtonsAsync(Person)).Should().Equal(
            ("✓ Детский сад № 7", $"org:use:{kindergarten.Id}"), ("Школа № 1", $"org:use:{school.Id}"));

        await harness.SendAsync(Person, "/invite");
        (await harness.LastTextAsync(Person)).Should().Be(AccessTexts.NotAllowed, "she is a mentor, not a curator, in the kindergarten");

        await harness.PressAsync(Person, $"org:use:{school.Id}");
        (await harness.LastTextAsync(Person)).Should().Be(OrganisationTexts.Switched("Школа № 1", "куратор"));
        await harness.SendAsync(Person, "/invite");
        (await harness.LastTextAsync(Person)).Should().Be(InviteTexts.WhomToInvite("Школа № 1"));
    }

    [Fact]
    public async Task Org_never_shows_an_organisation_the_person_is_not_in()
    {
        await harness.AddMemberAsync(school, Person, "Петрова Анна", [Role.Curator]);
        await harness.AddMemberAsync(kindergarten, Stranger, "Сидорова Вера", [Role.Curator]);

        await harness.SendAsync(Person, "/org");
        await harness.PressAsync(Person, $"org:use:{kindergarten.Id}");

        (await harness.QueuedTextsAsync(Person)).Should().Equal(OrganisationTexts.OnlyOne("Школа № 1", "куратор"));
        (await harness.ToastsAsync(Person)).Should().Equal(PipelineTexts.ButtonExpired);
        (await harness.ScalarAsync<Guid>("SELECT current_organisation_id FROM participants WHERE id = @participant", new { participant = await harness.ParticipantAsync(Person) })).Should().Be(school.Id);
    }

    [Fact]
    public async Task Help_lists_only_the_commands_the_persons_roles_allow()
    {
        await harness.AddMemberAsync(school, Person, "Петрова Анна", [Role.Curator]);
        await harness.AddMemberAsync(school, Stranger, "Сидорова Вера", [Role.Mentee]);

        await harness.SendAsync(Person, "/help");
        await harness.SendAsync(Stranger, "/help");

        var curatorHelp = await harness.LastTextAsync(Person);
        var menteeHelp = await harness.LastTextAsync(Stranger);
        curatorHelp.Should().StartWith(StartTexts.HelpHeading).And.Contain("/invite — ").And.Contain("/consents — ").And.Contain("/help — ");
        menteeHelp.Should().StartWith(StartTexts.HelpHeading).And.NotContain("/invite").And.Contain("/consents — ");
        var routes = harness.Services.GetRequiredService<ChatRoutes>();
        menteeHelp.Should().Be(StartTexts.Help(StartFeature.MenuFor(routes.Menu, new HashSet<Role> { Role.Mentee })));
    }
}
