using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Domain.Questionnaires;
using MentorBot.Host.Features.Organisations;
using Npgsql;

namespace MentorBot.Host.Features.Questionnaires;

/// <summary>A <c>questionnaire_responses</c> row (answers in the PREAMBLE contract shape, as JSON text).</summary>
public sealed class QuestionnaireResponse
{
    /// <summary><c>id</c>.</summary>
    public long Id { get; init; }

    /// <summary>Whose response.</summary>
    public long MembershipId { get; init; }

    /// <summary>The questionnaire id (<c>mentee_intake</c>, …).</summary>
    public string Questionnaire { get; init; } = "";

    /// <summary>The definition version it is answered under.</summary>
    public int Version { get; init; }

    /// <summary>'' for intake, <c>pair:17</c> for a pair's survey.</summary>
    public string ContextKey { get; init; } = "";

    /// <summary><c>in_progress</c> or <c>completed</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>The answers object as JSON text.</summary>
    public string Answers { get; init; } = "{}";

    /// <summary>The asked question ids as a JSON array text.</summary>
    public string History { get; init; } = "[]";

    /// <summary>The open question's id, or null when completed.</summary>
    public string? CurrentQuestion { get; init; }

    /// <summary>True when <see cref="Status"/> is completed.</summary>
    public bool IsCompleted => Status == QuestionnaireStore.Completed;
}

/// <summary>SQL of <c>questionnaire_responses</c> and the organisation's competency taxonomy.</summary>
public static class QuestionnaireStore
{
    /// <summary>The status of a finished response.</summary>
    public const string Completed = "completed";

    /// <summary>The status of a response being answered.</summary>
    public const string InProgress = "in_progress";

    private const string SelectResponse = """
        SELECT id, membership_id, questionnaire, version, context_key, status,
               answers::text AS answers, history::text AS history, current_question
          FROM questionnaire_responses
        """;

    /// <summary>
    /// A stored <c>answers</c> column (jsonb as text) as the answers object; null or not an object (no
    /// response, a broken row) is empty.
    /// </summary>
    public static JsonObject ParseAnswers(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonNode.Parse(json) as JsonObject ?? [];

    /// <summary>The organisation's taxonomy (<c>organisations.competencies</c>, else the built-in list).</summary>
    public static async Task<CompetencyTaxonomy> TaxonomyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT competencies FROM organisations WHERE id = @organisationId";
        var labels = await connection.ExecuteScalarAsync<string[]?>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        return CompetencyTaxonomy.For(labels);
    }

    /// <summary>The person's response to <paramref name="questionnaire"/> in <paramref name="contextKey"/>, or null (not started).</summary>
    public static Task<QuestionnaireResponse?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, string questionnaire, string contextKey, CancellationToken cancellationToken)
    {
        const string sql = SelectResponse + " WHERE membership_id = @membershipId AND questionnaire = @questionnaire AND context_key = @contextKey";
        return connection.QuerySingleOrDefaultAsync<QuestionnaireResponse>(new CommandDefinition(sql, new { membershipId, questionnaire, contextKey }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Response <paramref name="id"/>, locked until the transaction ends, with its membership when that is active (either
    /// may be null), in one round trip: every answer in a questionnaire reads both. The caller checks whose it is.
    /// </summary>
    public static async Task<(QuestionnaireResponse? Response, Member? Member)> GetForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellationToken)
    {
        var sql = SelectResponse + " WHERE id = @id FOR UPDATE;\n"
            + MembershipStore.GetSql("(SELECT membership_id FROM questionnaire_responses WHERE id = @id)");
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { id }, transaction, cancellationToken: cancellationToken));
        var response = await results.ReadSingleOrDefaultAsync<QuestionnaireResponse>();
        return (response, await MembershipStore.ReadAsync(results));
    }

    /// <summary>The person's most recently touched unfinished response, or null.</summary>
    public static Task<QuestionnaireResponse?> LatestInProgressAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, CancellationToken cancellationToken)
    {
        const string sql = SelectResponse + " WHERE membership_id = @membershipId AND status = 'in_progress' ORDER BY updated_at DESC, id DESC LIMIT 1";
        return connection.QuerySingleOrDefaultAsync<QuestionnaireResponse>(new CommandDefinition(sql, new { membershipId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Starts a response under <paramref name="definition"/>'s version at its first question; returns it.</summary>
    public static async Task<QuestionnaireResponse> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long membershipId, QuestionnaireDefinition definition, string contextKey, QuestionnaireProgress progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO questionnaire_responses (membership_id, questionnaire, version, context_key, answers, history, current_question, started_at, updated_at)
            VALUES (@membershipId, @questionnaire, @version, @contextKey, @answers::jsonb, @history::jsonb, @current, @now, @now)
            RETURNING id, membership_id, questionnaire, version, context_key, status, answers::text AS answers, history::text AS history, current_question
            """;
        return await connection.QuerySingleAsync<QuestionnaireResponse>(new CommandDefinition(sql, new
        {
            membershipId, questionnaire = definition.Id, version = definition.Version, contextKey,
            answers = progress.AnswersJson(), history = progress.HistoryJson(), current = progress.Current, now = now.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Stores the progress of response <paramref name="id"/> (answers, history, open question, status).</summary>
    public static Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, QuestionnaireProgress progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE questionnaire_responses
               SET answers = @answers::jsonb, history = @history::jsonb, current_question = @current, status = @status,
                   updated_at = @now, completed_at = CASE WHEN @status = 'completed' THEN @now END
             WHERE id = @id
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            id, answers = progress.AnswersJson(), history = progress.HistoryJson(), current = progress.Current,
            status = progress.Completed ? Completed : InProgress, now = now.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Copies <c>full_name</c>, <c>position</c> and <c>subject</c> answered in <paramref name="progress"/> into
    /// <c>memberships</c> (PREAMBLE contract: on completion); fields not asked keep their value.
    /// </summary>
    public static Task CopyProfileAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long membershipId, QuestionnaireProgress progress, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE memberships
               SET full_name = coalesce(@fullName, full_name), position = coalesce(@position, position), subject = coalesce(@subject, subject)
             WHERE id = @membershipId
            """;
        string? Text(string id) => progress.Answers.TryGetPropertyValue(id, out var node) && node is not null ? node.GetValue<string>() : null;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            membershipId, fullName = Text("full_name"), position = Text("position"), subject = Text("subject"),
        }, transaction, cancellationToken: cancellationToken));
    }
}
