using MentorBot.Domain.Organisations;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Roadmaps;

/// <summary>The road map uploaded as a document in each messenger (issue 16): summarised, then imported on confirmation.</summary>
public sealed class RoadmapUploadInEachMessengerTests
{
    private const long Curator = 760_001;

    [Theory]
    [MemberData(nameof(MessengerDriver.Both), MemberType = typeof(MessengerDriver))]
    public async Task The_curator_uploads_the_road_map_as_a_document_and_confirms_the_import(string messenger)
    {
        var downloads = new FakeDownloads();
        await using var harness = await PipelineHarness.StartAsync(messenger, Onboarding.BotUsername, "school_mentor_bot",
            services => services.AddSingleton<IDocumentDownloads>(downloads));
        // 15 October 2024, 12:00 in Omsk: the kineshma plan's first academic year.
        harness.Clock.Set(new DateTimeOffset(2024, 10, 15, 6, 0, 0, TimeSpan.Zero));
        var college = await harness.CreateOrganisationAsync("ОБГ ПОУ «Кинешемский политехнический колледж»", "Asia/Omsk");
        await harness.AddMemberAsync(college, Curator, "Смирнова Ольга Петровна", [Role.Curator]);
        var received = harness.Messenger.ReceivedFileId("plan");
        downloads.Add(received, await File.ReadAllBytesAsync(RepositoryPaths.SharedRoadmap("kineshma-polytechnic-college")));

        await harness.RecordAsync(harness.Document(Curator, "plan", "карта.txt", downloads.SizeOf(received)));
        await harness.ProcessAllAsync();

        downloads.Requested.Should().Equal(received);
        (await harness.LastTextAsync(Curator)).Should().StartWith("<b>Дорожная карта из файла карта.txt</b>")
            .And.Contain("Год: 2024. Этапов: 7, мероприятий: 17. Без сроков в документе: 7");
        (await harness.LastButtonsAsync(Curator)).Select(b => b.Data).Should().Contain("rm:imp:yes");
        var before = (await harness.QueuedTextsAsync(Curator)).Count;
        await harness.PressAsync(Curator, "rm:imp:yes");

        var replies = (await harness.QueuedTextsAsync(Curator)).Skip(before).ToList();
        replies[0].Should().Be("Дорожная карта загружена: этапов — 7, мероприятий — 17.");
        replies[1].Should().StartWith("<b>Дорожная карта</b>");
        (await harness.ScalarAsync<string>("SELECT source_name FROM road_maps WHERE organisation_id = @Id", new { college.Id })).Should().Be("карта.txt");
        (await harness.RowsForOtherMessengersAsync()).Should().Be(0);
    }
}
