using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Features.Banks;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Exports;

/// <summary>
/// A small programme in Omsk (UTC+6) with something in every export: a mentor and five mentees with intakes,
/// two pairs, six meetings (one deleted) with five answered polls, six satisfaction surveys (five mentees, one
/// mentor) and five final self-assessments.
/// </summary>
public static class ExportProgramme
{
    public const long Curator = 100, Mentor = 200;
    public static readonly string[] Mentees = ["Андреева Анна", "Борисова Бэлла", "Васильева Вера", "Григорьева Галина", "Дмитриева Дарья"];

    public sealed record Seeded(Organisation Organisation, long MentorMembership, long[] MenteeMemberships, long FirstPair, long SecondPair);

    public static async Task<Seeded> SeedAsync(PipelineHarness harness)
    {
        var school = await harness.CreateOrganisationAsync("МБОУ СОШ № 42", "Asia/Omsk");
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        var mentor = await harness.AddMemberAsync(school, Mentor, "Глебова Галина Сергеевна", [Role.Mentor], "учитель математики", "математика");
        await harness.RespondAsync(mentor, "mentor_intake", new Dictionary<string, object>
        {
            ["full_name"] = "Глебова Галина Сергеевна", ["experience_years"] = 15, ["qualification_category"] = "высшая",
            ["competencies"] = new[] { "планирование уроков", "работа с родителями" }, ["capacity"] = 2,
            ["form_mode"] = "очно", ["form_size"] = "любая", ["free_time"] = "вторник после 14:00",
        });

        var mentees = new long[Mentees.Length];
        for (var i = 0; i < Mentees.Length; i++)
        {
            mentees[i] = await harness.AddMemberAsync(school, 300 + i, Mentees[i], [Role.Mentee], "учитель начальных классов");
            await harness.RespondAsync(mentees[i], "mentee_intake", new Dictionary<string, object>
            {
                ["full_name"] = Mentees[i], ["experience_years"] = 1, ["difficulties"] = new[] { "работа с родителями" },
                ["form_mode"] = "любой", ["form_size"] = "индивидуальная", ["expectations"] = "освоиться в школе",
                ["self:планирование уроков"] = 3 + i, ["self:работа с родителями"] = 2,
            }, at: new DateTimeOffset(2026, 9, 1, 20, 0, 0, TimeSpan.Zero)); // 2 September in Omsk
        }

        var firstPair = await harness.ScalarAsync<long>("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, starts_on, ends_on, goals, created_at, approved_at)
            VALUES (@org, @mentor, @mentee, 'active', '2026-09-07', '2027-05-31', '{"Выстроить работу с родителями","Самоанализ урока"}', @now, '2026-09-04 05:30:00+00')
            RETURNING id
            """, new { now = harness.Clock.GetUtcNow(), org = school.Id, mentor, mentee = mentees[0] });
        var secondPair = await harness.ScalarAsync<long>("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, created_at)
            VALUES (@org, @mentor, @mentee, 'proposed', @now) RETURNING id
            """, new { now = harness.Clock.GetUtcNow(), org = school.Id, mentor, mentee = mentees[1] });

        for (var i = 0; i < 5; i++)
        {
            var meeting = await harness.ScalarAsync<long>("""
                INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, format, topic, created_at, updated_at)
                VALUES (@pair, @mentor, @heldOn, 45, @kind, 'in_person', @topic, @createdAt, @createdAt) RETURNING id
                """, new
            {
                pair = firstPair, mentor, heldOn = new DateTime(2026, 9, 10 + i), kind = i == 0 ? "trial" : "regular",
                topic = i == 0 ? "Самоанализ урока" : $"Встреча {i + 1}", createdAt = new DateTime(2026, 9, 10 + i, 9, 15, 0, DateTimeKind.Utc),
            });
            await harness.ExecuteAsync("""
                INSERT INTO feedback_polls (meeting_id, mentee_membership_id, due_at, expires_at, score, comment, answered_at)
                VALUES (@meeting, @mentee, @at, @at + interval '7 days', @score, @comment, @at)
                """, new { meeting, mentee = mentees[0], at = new DateTime(2026, 9, 11 + i, 4, 0, 0, DateTimeKind.Utc), score = 5 - i % 2, comment = i == 0 ? "Очень полезно" : null });
        }

        await harness.ExecuteAsync("""
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, topic, created_at, updated_at, deleted_at)
            VALUES (@pair, @mentor, '2026-09-20', 30, 'regular', 'Удалённая запись', @now, @now, @now)
            """, new { now = harness.Clock.GetUtcNow(), pair = firstPair, mentor });

        for (var i = 0; i < mentees.Length; i++)
        {
            await harness.RespondAsync(mentees[i], "satisfaction_mentee", new Dictionary<string, object>
            {
                ["effectiveness"] = 6 + i, ["comfort"] = 9, ["usefulness"] = 8, ["support"] = 9, ["plan_clarity"] = 7, ["safety"] = 10,
                ["meeting_frequency"] = "раз в две недели", ["valuable"] = $"ответ {i + 1}", ["would_continue"] = true, ["would_become_mentor"] = i == 4,
            }, contextKey: $"pair:{firstPair}");
            await harness.RespondAsync(mentees[i], "final_self_assessment", new Dictionary<string, object>
            {
                ["self:планирование уроков"] = 6 + i, ["self:работа с родителями"] = 4,
            }, contextKey: $"pair:{firstPair}", at: new DateTimeOffset(2027, 5, 20, 3, 0, 0, TimeSpan.Zero));
        }

        await harness.RespondAsync(mentor, "satisfaction_mentor", new Dictionary<string, object> { ["effectiveness"] = 8, ["valuable"] = "рост наставляемой" },
            contextKey: $"pair:{firstPair}");
        return new Seeded(school, mentor, mentees, firstPair, secondPair);
    }
}
