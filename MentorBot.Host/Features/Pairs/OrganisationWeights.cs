using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using MentorBot.Domain.Matching;
using Npgsql;

namespace MentorBot.Host.Features.Pairs;

/// <summary>
/// An organisation's own <see cref="MatchingWeights"/> (issue 5: adjustable per organisation), stored as
/// camelCase JSON in <c>organisations.matching_weights</c>; omitted properties keep their defaults.
/// </summary>
public static class OrganisationWeights
{
    /// <summary>How the weights are written and read: camelCase, unknown properties refused, comments allowed.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Parses <paramref name="json"/> into weights; null when it is not a weights object, or the reason
    /// (<see cref="MatchingWeights.FindProblem"/>, or the JSON error) in <paramref name="problem"/>.
    /// </summary>
    public static MatchingWeights? TryParse(string json, out string? problem)
    {
        try
        {
            var weights = JsonSerializer.Deserialize<MatchingWeights>(json, Json);
            problem = weights is null ? "the file holds JSON null, not a weights object" : weights.FindProblem();
            return problem is null ? weights : null;
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>The stored weights, or the defaults when none (or, defensively, unreadable ones) are stored.</summary>
    public static MatchingWeights Read(string? storedJson) =>
        storedJson is null ? MatchingWeights.Default : TryParse(storedJson, out _) ?? MatchingWeights.Default;

    /// <summary>Stores <paramref name="weights"/> (null = back to the defaults) for the organisation; false when it does not exist.</summary>
    public static async Task<bool> SaveAsync(NpgsqlDataSource dataSource, Guid organisationId, MatchingWeights? weights, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE organisations SET matching_weights = @json::jsonb WHERE id = @organisationId";
        var json = weights is null ? null : JsonSerializer.Serialize(weights, Json);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { json, organisationId }, cancellationToken: cancellationToken)) == 1;
    }
}
