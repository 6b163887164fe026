using Dapper;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Roadmaps;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// Issue 3 end to end: a road map imported as the CLI does (<see cref="RoadMapImport"/>), then the curator
/// asks <c>/roadmap</c> in Telegram (the emulator) and opens a stage with its button.
/// </summary>
public sealed class RoadmapEndToEndTests : EmulatorTestBase
{
    private const long CuratorUserId = 515151;

    [Fact]
    public async Task An_imported_road_map_is_shown_by_roadmap_and_a_stage_opens_to_its_activities()
    {
        var now = Bot.Clock.GetUtcNow();
        var organisation = await OrganisationStore.CreateAsync(Database.DataSource, "Школа № 75/42", "Asia/Omsk", now, CancellationToken.None);
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        {
            var participantId = await ProgrammeSetup.TelegramPersonAsync(connection, CuratorUserId);
            await MembershipStore.GrantAsync(connection, null, organisation.Id, participantId, Role.Curator, now, CancellationToken.None);
        }

        var path = RepositoryPaths.SharedRoadmap("school-75-42");
        var text = await File.ReadAllTextAsync(path);
        var roadMap = RoadMapParser.Parse(text, new RoadMapParseOptions(DateOnly.FromDateTime(now.UtcDateTime)));
        (await new RoadMapImport(Database.DataSource, Bot.Clock).ImportAsync(organisation.Id, roadMap, new RoadMapSource("school-75-42.txt", text), false, CancellationToken.None))
            .Outcome.Should().Be(RoadMapImportOutcome.Imported);

        await Emulator.SendTextAsync(Token, CuratorUserId, "/roadmap");
        var overview = (await Emulator.WaitForBotMessagesAsync(Token, CuratorUserId, 1, Deadline)).Should().ContainSingle().Subject;

        overview.Text.Should().Contain("<b>1. Подготовка условий для реализации целевой модели наставничества").And.Contain("<b>6. Завершение персонализированных программ");
        overview.Text.Should().Contain("Сроки: июнь-август, 2020; август- сентябрь (ежегодно)");
        var stageButton = overview.CallbackData.First(d => d.StartsWith("rm:s:", StringComparison.Ordinal));

        await Emulator.PressAsync(Token, CuratorUserId, overview.MessageId, stageButton);
        var stage = (await Emulator.WaitForBotMessagesAsync(Token, CuratorUserId, 1, Deadline)).Should().ContainSingle().Subject;

        stage.Text.Should().StartWith("<b>Этап 1. Подготовка условий").And.Contain("Мероприятия:");
        stage.CallbackData.Should().Contain(d => d.StartsWith("rm:done:s:", StringComparison.Ordinal)).And.Contain("rm:open");
    }
}
