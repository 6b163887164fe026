using FluentAssertions;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Organisations;

public sealed class MembershipStoreTests : IAsyncLifetime
{
    private readonly PipelineHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_second_role_extends_the_membership_instead_of_duplicating_it()
    {
        var school = await harness.CreateOrganisationAsync();
        var first = await harness.AddMemberAsync(school, 501, "Иванова Мария", [Role.Mentee]);
        var second = await harness.AddMemberAsync(school, 501, "Иванова Мария", [Role.Mentor]);

        second.Should().Be(first);
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var participantId = await harness.ParticipantAsync(501);
        var member = await MembershipStore.CurrentAsync(connection, null, participantId, default);
        member!.Roles.Should().BeEquivalentTo([Role.Mentee, Role.Mentor]);
        member.FullName.Should().Be("Иванова Мария");
        member.Organisation.TimeZone.Should().Be("Asia/Omsk");
    }

    [Fact]
    public async Task The_current_organisation_is_the_last_one_joined()
    {
        var school = await harness.CreateOrganisationAsync("Школа");
        var kindergarten = await harness.CreateOrganisationAsync("Детский сад", "Europe/Volgograd");
        await harness.AddMemberAsync(school, 502, "Петров Пётр", [Role.Curator]);
        await harness.AddMemberAsync(kindergarten, 502, "Петров Пётр", [Role.Mentor]);

        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var participantId = await harness.ParticipantAsync(502);
        var member = await MembershipStore.CurrentAsync(connection, null, participantId, default);
        member!.Organisation.Name.Should().Be("Детский сад");
        member.Roles.Should().BeEquivalentTo([Role.Mentor]);
        (await MembershipStore.FindAsync(connection, null, school.Id, participantId, default))!.Roles.Should().BeEquivalentTo([Role.Curator]);
    }

    [Fact]
    public async Task Background_messages_skip_erased_and_unreachable_members()
    {
        var school = await harness.CreateOrganisationAsync();
        var active = await harness.AddMemberAsync(school, 601, "Активная Анна", [Role.Mentee]);
        var erased = await harness.AddMemberAsync(school, 602, "Стёртая Вера", [Role.Mentee]);
        var blocked = await harness.AddMemberAsync(school, 603, "Недоступный Иван", [Role.Mentee]);
        await harness.ExecuteAsync("UPDATE memberships SET status = 'erased' WHERE id = @erased", new { erased });
        await harness.ExecuteAsync("UPDATE participants SET status = 'unreachable' WHERE id = @participant", new { participant = await harness.ParticipantAsync(603) });
        var notifier = harness.Services.GetRequiredService<Notifier>();
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var now = harness.Clock.GetUtcNow();

        (await notifier.EnqueueAsync(connection, null, active, Reply.Plain("Напоминание"), "test:1", now, default)).Should().BeTrue();
        (await notifier.EnqueueAsync(connection, null, active, Reply.Plain("Напоминание"), "test:1", now, default)).Should().BeTrue();
        (await notifier.EnqueueAsync(connection, null, erased, Reply.Plain("Напоминание"), "test:2", now, default)).Should().BeFalse();
        (await notifier.EnqueueAsync(connection, null, blocked, Reply.Plain("Напоминание"), "test:3", now, default)).Should().BeFalse();

        (await harness.QueuedTextsAsync(601)).Should().Equal("Напоминание");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM outbox")).Should().Be(1);
    }
}
