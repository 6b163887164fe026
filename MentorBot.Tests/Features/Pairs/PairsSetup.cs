using Dapper;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>Banks for pair tests: members with completed intake questionnaires in the answers contract's shape.</summary>
public static class PairsSetup
{
    /// <summary>Stores a completed questionnaire response (context key '').</summary>
    public static Task CompleteAsync(this PipelineHarness harness, long membershipId, string questionnaire, string answersJson) =>
        harness.ExecuteAsync("""
            INSERT INTO questionnaire_responses (membership_id, questionnaire, version, status, answers, started_at, updated_at, completed_at)
            VALUES (@membershipId, @questionnaire, 1, 'completed', @answersJson::jsonb, @now, @now, @now)
            """, new { now = harness.Clock.GetUtcNow(), membershipId, questionnaire, answersJson });

    /// <summary>A mentor with a completed mentor questionnaire.</summary>
    public static async Task<long> MentorAsync(this PipelineHarness harness, Organisation org, long userId, string name, string subject, string[] competencies,
        int capacity = 1, int experience = 15, bool consented = true)
    {
        var id = await harness.AddMemberAsync(org, userId, name, [Role.Mentor], "учитель", subject, consented);
        await harness.CompleteAsync(id, "mentor_intake", System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["full_name"] = name, ["subject"] = subject, ["experience_years"] = experience, ["competencies"] = competencies,
            ["capacity"] = capacity, ["form_mode"] = "любой", ["form_size"] = "любая",
        }));
        return id;
    }

    /// <summary>A mentee with a completed intake questionnaire.</summary>
    public static async Task<long> MenteeAsync(this PipelineHarness harness, Organisation org, long userId, string name, string subject, string[] difficulties)
    {
        var id = await harness.AddMemberAsync(org, userId, name, [Role.Mentee], "учитель", subject);
        await harness.CompleteAsync(id, "mentee_intake", System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["full_name"] = name, ["subject"] = subject, ["experience_years"] = 1, ["difficulties"] = difficulties,
            ["form_mode"] = "очно", ["form_size"] = "индивидуальная",
        }));
        return id;
    }

    /// <summary>
    /// A curator, a mentor and a mentee (one subject and difficulty, so the matcher pairs them) whom the curator
    /// matches and approves with «Утвердить все»; returns the mentor's and the mentee's membership ids.
    /// </summary>
    public static async Task<(long Mentor, long Mentee)> ApprovedPairAsync(this PipelineHarness harness, Organisation org,
        (long User, string Name) curator, (long User, string Name) mentor, (long User, string Name) mentee)
    {
        await harness.AddMemberAsync(org, curator.User, curator.Name, [Role.Curator]);
        var mentorId = await harness.MentorAsync(org, mentor.User, mentor.Name, "математика", ["работа с родителями"]);
        var menteeId = await harness.MenteeAsync(org, mentee.User, mentee.Name, "математика", ["работа с родителями"]);
        await harness.SendAsync(curator.User, harness.Text(curator.User, "/match"));
        await harness.SendAsync(curator.User, harness.Press(curator.User, "match:all"));
        return (mentorId, menteeId);
    }

    /// <summary>Records and handles updates, then returns the texts queued for <paramref name="userId"/> that were not there before.</summary>
    public static async Task<IReadOnlyList<string>> SendAsync(this PipelineHarness harness, long userId, params PersonUpdate[] updates)
    {
        var before = (await harness.QueuedTextsAsync(userId)).Count;
        await harness.RecordAsync(updates);
        await harness.ProcessAllAsync();
        return [.. (await harness.QueuedTextsAsync(userId)).Skip(before)];
    }

    /// <summary>The callback data of the buttons queued for <paramref name="userId"/>, newest message last.</summary>
    public static async Task<IReadOnlyList<string>> ButtonsAsync(this PipelineHarness harness, long userId) =>
        [.. (await harness.QueuedMessagesAsync(userId)).SelectMany(m => m.Buttons).Select(b => b.Data)];
}
