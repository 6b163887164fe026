using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Exports;

/// <summary>An export in each messenger (issue 16): the curator picks what and the format with buttons and receives the file.</summary>
public sealed class ExportsInEachMessengerTests
{
    [Theory]
    [MemberData(nameof(MessengerDriver.Both), MemberType = typeof(MessengerDriver))]
    public async Task The_curator_picks_the_export_with_buttons_and_receives_the_document(string messenger)
    {
        await using var harness = await PipelineHarness.StartAsync(messenger, Onboarding.BotUsername, "school_mentor_bot");
        await ExportProgramme.SeedAsync(harness);
        const long curator = ExportProgramme.Curator;

        await harness.SendAsync(curator, "/export");
        (await harness.LastButtonsAsync(curator)).Should().Contain(("Наставляемые", "exports:what:mentees"));
        await harness.PressAsync(curator, "exports:what:mentees");
        (await harness.LastButtonsAsync(curator)).Should().Contain(("Excel (XLSX)", "exports:get:mentees:xlsx"));
        await harness.PressAsync(curator, "exports:get:mentees:xlsx");

        var document = (await harness.QueuedDocumentsAsync(curator)).Should().ContainSingle().Subject;
        (document.FileName, document.Caption).Should().Be(("Наставляемые 2026-09-01.xlsx", "Наставляемые: 5 строк на 01.09.2026"));
        ExportReadBack.Xlsx(document.Content).Rows[1][0].Text.Should().Be("Андреева Анна");
        (await harness.RowsForOtherMessengersAsync()).Should().Be(0);
    }
}
