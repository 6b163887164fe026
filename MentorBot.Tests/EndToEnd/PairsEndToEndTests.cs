using MentorBot.Domain.Organisations;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// Issue 5 end to end through the telegram-test-api emulator: the curator runs /match and approves, both people
/// receive their messages, /plan shows the plan, /order produces a document listing the pair.
/// </summary>
public sealed class PairsEndToEndTests : EmulatorTestBase
{
    private const long Curator = 515001, Mentor = 515002, Mentee = 515003;

    // 12:00 in Moscow on the day the harness's data was set up.
    private static readonly DateTimeOffset Noon = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    // Approval notices go out in the 09:00–20:00 window of the organisation's zone: the bot's clock says 12:00 in Moscow.
    protected override DateTimeOffset? Start => Noon;

    [Fact]
    public async Task The_curator_approves_a_proposal_both_are_told_the_plan_and_the_order_follow()
    {
        var school = await Setup.CreateOrganisationAsync("Лицей № 1", "Europe/Moscow");
        await Setup.AddMemberAsync(school, Curator, "Орлова Ольга", [Role.Curator]);
        await Setup.MentorAsync(school, Mentor, "Петрова Анна", "математика", ["работа с родителями"]);
        await Setup.MenteeAsync(school, Mentee, "Иванов Игорь", "математика", ["работа с родителями"]);

        await Emulator.SendTextAsync(Token, Curator, "/match");
        var screen = await Emulator.WaitForBotMessagesAsync(Token, Curator, 3, Deadline);
        var card = screen.Should().ContainSingle(m => m.Text.Contains("Предложение №")).Subject;
        card.Text.Should().Contain("Наставляемый: Иванов Игорь").And.Contain("Наставник: Петрова Анна");
        var approve = card.CallbackData.Should().ContainSingle(d => d.StartsWith("match:ok:")).Subject;

        await Emulator.PressAsync(Token, Curator, card.MessageId, approve);

        (await Emulator.WaitForBotMessagesAsync(Token, Curator, 1, Deadline)).Single().Text.Should().Contain("Утверждена пара");
        (await Emulator.WaitForBotMessagesAsync(Token, Mentor, 1, Deadline)).Single().Text.Should().Contain("Ваш наставляемый: Иванов Игорь");
        var toMentee = (await Emulator.WaitForBotMessagesAsync(Token, Mentee, 1, Deadline)).Single();
        toMentee.Text.Should().Contain("Ваш наставник: Петрова Анна");
        toMentee.CallbackData.Should().Equal("plan:show");

        await Emulator.SendTextAsync(Token, Mentee, "/plan");
        (await Emulator.WaitForBotMessagesAsync(Token, Mentee, 1, Deadline)).Single().Text
            .Should().Contain("Персональный план наставничества").And.Contain("Организационная встреча (знакомство)");

        await Emulator.SendTextAsync(Token, Curator, "/order");
        // telegram-test-api implements no sendDocument (it answers 500, so the sender keeps retrying): the document
        // is read from its outbox row, which the update's handling produced.
        var bytes = await WaitForDocumentAsync();
        var (text, rows) = Docx.Read(bytes);
        text.Should().Contain("Лицей № 1").And.Contain("О закреплении наставнических пар (групп)");
        rows.Should().Contain(r => r.Count > 2 && r[1].StartsWith("Петрова Анна") && r[2].StartsWith("Иванов Игорь"));
    }

    private async Task<byte[]> WaitForDocumentAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if ((await Setup.QueuedDocumentsAsync(Curator)).Count > 0)
                return await Docx.SentDocumentAsync(Setup, Curator);
            if (watch.Elapsed > Deadline) throw new TimeoutException("/order produced no document");
            await Task.Delay(100);
        }
    }
}
