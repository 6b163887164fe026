using System.Text.Json;
using Dapper;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Features.Banks;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Exports;

public sealed class ExportsFeatureTests : IAsyncLifetime
{
    private readonly PipelineHarness harness = new();

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        await ExportProgramme.SeedAsync(harness);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task The_curator_picks_what_and_the_format_and_gets_the_file()
    {
        const long curator = ExportProgramme.Curator;
        var menu = await harness.SendAsync(curator, harness.Text(curator, "/export"));
        menu.Text.Should().Be("Что выгрузить?");
        menu.Buttons.Should().Equal(("Наставники", "exports:what:mentors"), ("Наставляемые", "exports:what:mentees"), ("Пары", "exports:what:pairs"),
            ("Встречи", "exports:what:meetings"), ("Обратная связь", "exports:what:feedback"), ("Удовлетворённость", "exports:what:satisfaction"),
            ("Влияние программы", "exports:what:impact"));

        var formats = await harness.SendAsync(curator, harness.Press(curator, "exports:what:mentees"));
        formats.Text.Should().Be("«Наставляемые»: в каком формате?");
        formats.Buttons.Should().Equal(("CSV", "exports:get:mentees:csv"), ("Excel (XLSX)", "exports:get:mentees:xlsx"));

        await harness.RecordAsync(harness.Press(curator, "exports:get:mentees:xlsx"), harness.Press(curator, "exports:get:pairs:csv"));
        await harness.ProcessAllAsync();

        var documents = await harness.QueuedDocumentsAsync(curator);
        documents.Select(d => (d.FileName, d.Caption)).Should().Equal(
            ("Наставляемые 2026-09-01.xlsx", "Наставляемые: 5 строк на 01.09.2026"),
            ("Пары 2026-09-01.csv", "Пары: 2 строки на 01.09.2026"));
        var sheet = ExportReadBack.Xlsx(documents[0].Content);
        sheet.Rows[1][0].Text.Should().Be("Андреева Анна");
        sheet.Rows[1][3].IsDate.Should().BeTrue();
        ExportReadBack.Csv(documents[1].Content)[1][2].Should().Be("Андреева Анна");
    }

    [Fact]
    public async Task Mentees_and_mentors_get_no_access_and_no_file()
    {
        foreach (var user in new[] { 300L, ExportProgramme.Mentor })
        {
            (await harness.SendAsync(user, harness.Text(user, "/export"))).Text.Should().Be(AccessTexts.NotAllowed);
            (await harness.SendAsync(user, harness.Press(user, "exports:get:satisfaction:csv"))).Text.Should().Be(AccessTexts.NotAllowed);
            (await harness.QueuedDocumentsAsync(user)).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_forged_button_gets_a_hint_not_a_file()
    {
        const long curator = ExportProgramme.Curator;

        var reply = await harness.SendAsync(curator, harness.Press(curator, "exports:get:passwords:csv"));

        reply.Text.Should().Be("Эта кнопка устарела. Начните заново: /export");
        (await harness.QueuedDocumentsAsync(curator)).Should().BeEmpty();
    }
}
