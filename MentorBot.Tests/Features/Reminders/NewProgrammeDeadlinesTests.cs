using Dapper;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Reminders;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Reminders;

/// <summary>
/// Issue 17 item 1 with a real road map: the school's 2020–2024 plan loaded «на 2026/2027 учебный год» on Monday
/// 30 November 2026. /roadmap, the deadline reminders and the digest tell one truth; nothing before the programme's
/// start is overdue; the first runs of the job do not flood; notice numbers count the notices sent.
/// </summary>
public sealed class NewProgrammeDeadlinesTests : IAsyncLifetime
{
    private const long Curator = 100, Director = 300, Teacher = 400;
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);
    private readonly FakeDownloads downloads = new();
    private readonly PipelineHarness harness;

    public NewProgrammeDeadlinesTests() => harness = new PipelineHarness(services => services.AddSingleton<IDocumentDownloads>(downloads));

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        harness.Clock.Set(new DateTimeOffset(2026, 11, 30, 10, 0, 0, Moscow));
        var school = await harness.CreateOrganisationAsync("МБОУ СОШ №75/42", "Europe/Moscow");
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга Ивановна", [Role.Curator]);
        await harness.AddMemberAsync(school, Director, "Громов Григорий Петрович", [Role.Head], position: "директор");
        var teacher = await harness.AddMemberAsync(school, Teacher, "Петрова Анна Сергеевна", [Role.Mentor], position: "учитель математики");

        downloads.Add("template", await File.ReadAllBytesAsync(RepositoryPaths.SharedRoadmap("school-75-42")));
        await harness.SendAsync(Curator, harness.Document(Curator, "template", "Дорожная карта 2020-2024.txt", downloads.SizeOf("template")));
        await harness.SendAsync(Curator, harness.Press(Curator, "rm:imp:year:2026"));
        // The mentor is linked as «рук. ШМО», the responsible person the issue's first message went to.
        await harness.ExecuteAsync("UPDATE road_map_responsible_persons SET membership_id = @teacher WHERE name = 'рук. ШМО'", new { teacher });
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private Task RunJobAsync(DateTimeOffset now) => harness.RunJobAsync(DeadlineReminderJob.Name, now);

    private async Task<string> AskAsync(long user, string command, DateTimeOffset at)
    {
        harness.Clock.Set(at);
        return string.Join("\n", await harness.SendAsync(user, harness.Text(user, command)));
    }

    [Fact]
    public async Task A_template_loaded_for_this_year_shows_that_year_and_its_first_reminder_runs_send_nothing_overdue()
    {
        var now = new DateTimeOffset(2026, 11, 30, 10, 0, 0, Moscow);

        var roadmap = await AskAsync(Curator, "/roadmap", now);
        roadmap.Should().Contain("на 2026-2030 гг.").And.NotContain("2020").And.NotContain("2024").And.NotContain("просрочено");
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var periods = (await connection.QueryAsync<string>("SELECT p.text FROM road_map_periods p JOIN road_map_stages s ON s.id = p.stage_id ORDER BY s.position, p.position")).ToList();
        periods.Should().Contain("июнь-август, 2026").And.NotContain(p => p.Contains("2020"));

        await RunJobAsync(now);
        await RunJobAsync(now.AddMinutes(40));

        (await harness.BackgroundAsync()).Should().BeEmpty("nothing of the plan has fallen due since the programme started today");
        (await AskAsync(Curator, "/digest", now)).Should().Contain("Просрочено: 0");
    }

    [Fact]
    public async Task After_the_last_year_roadmap_reminders_and_digest_agree_on_what_is_overdue_and_numbers_count_what_was_sent()
    {
        // Monday 2 June 2031: the last «в течение учебного года» (1 September 2030 – 31 May 2031) has just ended.
        var firstNotice = new DateTimeOffset(2031, 6, 2, 10, 0, 0, Moscow);

        await RunJobAsync(firstNotice);
        await RunJobAsync(firstNotice.AddMinutes(40));

        var sent = await harness.BackgroundAsync();
        var overdue = sent.Where(s => s.Text.Contains("Просрочено")).ToList();
        overdue.Should().NotBeEmpty().And.OnlyContain(s => !s.Text.Contains("напоминание №"), "each person's first notice is their first");
        overdue.Should().Contain(s => s.ChatId == Teacher && s.Text.Contains("этап 4") && s.Text.Contains("Срок был до 31.05.2031"));
        sent.Select(s => s.Key).Should().OnlyHaveUniqueItems();

        var roadmap = await AskAsync(Curator, "/roadmap", firstNotice);
        var digest = await AskAsync(Curator, "/digest", firstNotice);
        var overdueOnRoadmap = roadmap.Split("\n\n").Where(block => block.Contains("просрочено")).ToList();
        overdueOnRoadmap.Should().NotBeEmpty();
        digest.Should().Contain($"Просрочено: {overdueOnRoadmap.Count}");
        foreach (var stage in overdue.Select(s => System.Text.RegularExpressions.Regex.Match(s.Text, @"этап (\d)").Groups[1].Value).Distinct())
            overdueOnRoadmap.Should().Contain(block => block.Contains($"<b>{stage}. "), $"stage {stage} was reminded as overdue");

        // A week later the same people hear again, now as their second notice.
        await RunJobAsync(firstNotice.AddDays(7));
        (await harness.BackgroundAsync(Teacher)).Last().Text.Should().Contain("напоминание № 2");
    }
}
