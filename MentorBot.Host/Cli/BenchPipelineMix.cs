using System.Globalization;
using System.Text.Json;
using Dapper;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>
/// The realistic update mix of <c>bench pipeline</c>: members of four organisations (four time zones), each of one
/// kind, each sending their own pair of updates in turn:
/// <list type="bullet">
/// <item>a mentee in the open intake questionnaire types their full name (an answer that moves to the next question),
/// then <c>/back</c> (a command that returns to it);</item>
/// <item>a mentor with a live pair writes a meeting message («Встретились сегодня, 45 минут, …», which opens the
/// check-in card), then presses «Сохранить» (<c>meet:save</c>: the meeting is logged, the plan ticked, a poll scheduled);</item>
/// <item>a curator sends <c>/help</c> (the commands of their roles).</item>
/// </list>
/// Payloads are Bot API JSON as Telegram sends them. <see cref="SetUpAsync"/> puts the people into the database
/// directly (memberships, consents, pairs) and opens the questionnaires through the pipeline itself.
/// </summary>
internal sealed class BenchPipelineMix
{
    /// <summary>Telegram user ids (= private chat ids) of the mix start here.</summary>
    public const long FirstUserId = 5_000_000;

    private const int Organisations = 4;
    private static readonly string[] TimeZones = ["Asia/Omsk", "Europe/Volgograd", "Europe/Moscow", "Asia/Yekaterinburg"];

    private readonly int[] _sent;

    private BenchPipelineMix(int users)
    {
        Users = users;
        _sent = new int[users];
    }

    /// <summary>How many people send updates.</summary>
    public int Users { get; }

    /// <summary>The kind of person <paramref name="user"/> is (by position: the kinds alternate within each organisation).</summary>
    public static Kind KindOf(int user) => (Kind)(user / Organisations % 3);

    /// <summary>Meeting saves sent so far: each should log a meeting.</summary>
    public int MeetingSaves { get; private set; }

    /// <summary>The kinds of person in the mix.</summary>
    public enum Kind
    {
        /// <summary>A mentee answering the intake questionnaire.</summary>
        Mentee,

        /// <summary>A mentor logging meetings.</summary>
        Mentor,

        /// <summary>A curator asking for /help.</summary>
        Curator,
    }

    /// <summary>
    /// Creates the organisations and people for <paramref name="users"/> senders in the scratch database, then opens
    /// each mentee's intake questionnaire by a button press handled by <paramref name="processor"/>.
    /// </summary>
    public static async Task<BenchPipelineMix> SetUpAsync(NpgsqlDataSource dataSource, UpdateInbox inbox, UpdateProcessor processor, int users, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var organisations = new Guid[Organisations];
            for (var o = 0; o < Organisations; o++)
            {
                organisations[o] = Guid.NewGuid();
                await connection.ExecuteAsync(new CommandDefinition("INSERT INTO organisations (id, name, time_zone) VALUES (@id, @name, @zone)",
                    new { id = organisations[o], name = $"МБОУ СОШ № {o + 1}", zone = TimeZones[o] }, transaction, cancellationToken: cancellationToken));
            }

            for (var u = 0; u < users; u++)
            {
                var organisation = organisations[u % Organisations];
                var kind = KindOf(u);
                var role = kind switch { Kind.Mentee => Role.Mentee, Kind.Mentor => Role.Mentor, _ => Role.Curator };
                var member = await AddMemberAsync(connection, transaction, organisation, FirstUserId + u, role, now, cancellationToken);
                if (kind != Kind.Mentor) continue;

                // The mentor's mentee never writes in the mix; the pair lets the mentor log meetings.
                var mentee = await AddMemberAsync(connection, transaction, organisation, FirstUserId + users + u, Role.Mentee, now, cancellationToken);
                const string pair = """
                    INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, starts_on, ends_on, created_at, approved_at)
                    VALUES (@organisation, @member, @mentee, 'active', @startsOn, @endsOn, @now, @now)
                    """;
                var today = DateOnly.FromDateTime(now.UtcDateTime);
                await connection.ExecuteAsync(new CommandDefinition(pair,
                    new { organisation, member, mentee, startsOn = today.AddDays(-30), endsOn = today.AddDays(240), now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var mix = new BenchPipelineMix(users);
        var opening = Enumerable.Range(0, users).Where(u => KindOf(u) == Kind.Mentee)
            .Select((u, k) => Press(900_000_000 + k, FirstUserId + u, QuestionnaireButtons.Start(BuiltInQuestionnaires.MenteeIntake)))
            .ToList();
        for (var start = 0; start < opening.Count; start += UpdateProcessor.BatchSize)
            await inbox.RecordAsync(TelegramSource, opening.Skip(start).Take(UpdateProcessor.BatchSize).ToList(), cancellationToken);
        while (await processor.ProcessPendingAsync(UpdateProcessor.BatchSize, cancellationToken) > 0)
        {
        }

        return mix;
    }

    /// <summary>The next update of person <paramref name="user"/> (0 ≤ user &lt; <see cref="Users"/>), with id <paramref name="updateId"/>.</summary>
    public InboundUpdate Next(long updateId, int user)
    {
        var turn = _sent[user]++;
        var userId = FirstUserId + user;
        switch (KindOf(user))
        {
            case Kind.Mentee:
                return Text(updateId, userId, turn % 2 == 0 ? "Петрова Анна Сергеевна" : "/back");
            case Kind.Mentor when turn % 2 == 0:
                return Text(updateId, userId, "Встретились сегодня, 45 минут, обсудили план урока");
            case Kind.Mentor:
                MeetingSaves++;
                return Press(updateId, userId, "meet:save");
            default:
                return Text(updateId, userId, "/help");
        }
    }

    /// <summary>The inbox source of the mix's updates (as polling records them).</summary>
    public const string TelegramSource = "telegram";

    private static async Task<long> AddMemberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organisation, long userId, Role role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string participant = """
            WITH person AS (INSERT INTO participants (first_name, created_at, updated_at) VALUES ('Анна', @now, @now) RETURNING id)
            INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name, created_at, last_used_at)
            SELECT id, 'telegram', @userId, @userId, 'Анна', @now, @now FROM person RETURNING participant_id
            """;
        var participantId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(participant, new { userId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        var membership = await MembershipStore.GrantAsync(connection, transaction, organisation, participantId, role, now, cancellationToken);
        const string named = "UPDATE memberships SET full_name = @name WHERE id = @membership";
        await connection.ExecuteAsync(new CommandDefinition(named, new { name = $"Бенчева Анна {userId}", membership }, transaction, cancellationToken: cancellationToken));
        string[] kinds = role == Role.Mentor ? ["personal_data", "mentoring_duties"] : ["personal_data"];
        const string consent = """
            INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at)
            SELECT @organisation, @participantId, k, 'given', 'bench', 'telegram', @now FROM unnest(@kinds) AS k
            """;
        await connection.ExecuteAsync(new CommandDefinition(consent, new { organisation, participantId, kinds, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        return membership;
    }

    private static InboundUpdate Text(long updateId, long userId, string text) => new(updateId, userId, Json(updateId, new Dictionary<string, object>
    {
        ["message"] = new Dictionary<string, object>
        {
            ["message_id"] = updateId % int.MaxValue,
            ["from"] = Person(userId),
            ["chat"] = new Dictionary<string, object> { ["id"] = userId, ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        },
    }));

    private static InboundUpdate Press(long updateId, long userId, string data) => new(updateId, userId, Json(updateId, new Dictionary<string, object>
    {
        ["callback_query"] = new Dictionary<string, object>
        {
            ["id"] = "cb" + updateId.ToString(CultureInfo.InvariantCulture),
            ["from"] = Person(userId),
            ["chat_instance"] = "bench",
            ["data"] = data,
            ["message"] = new Dictionary<string, object>
            {
                ["message_id"] = 1,
                ["chat"] = new Dictionary<string, object> { ["id"] = userId, ["type"] = "private" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            },
        },
    }));

    private static Dictionary<string, object> Person(long userId) => new()
    {
        ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Анна", ["last_name"] = "Бенчева", ["username"] = $"bench{userId}",
    };

    private static string Json(long updateId, Dictionary<string, object> body)
    {
        body["update_id"] = updateId;
        return JsonSerializer.Serialize(body);
    }
}
