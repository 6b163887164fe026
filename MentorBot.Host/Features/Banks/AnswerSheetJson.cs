using System.Text.Json;
using MentorBot.Domain.Banks;

namespace MentorBot.Host.Features.Banks;

/// <summary>Reads <c>questionnaire_responses.answers</c> (jsonb text) into an <see cref="AnswerSheet"/>.</summary>
public static class AnswerSheetJson
{
    /// <summary>
    /// Parses a JSON object of the answers contract: strings stay strings, integers become <see cref="long"/>,
    /// booleans stay, arrays become lists of their string items. A null, a non-integer number (stored as its
    /// text) or a nested object (skipped) is tolerated so one odd answer never hides the rest. Null or blank
    /// <paramref name="json"/> is <see cref="AnswerSheet.Empty"/>.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON (the column is jsonb, so this is a broken invariant).</exception>
    public static AnswerSheet Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return AnswerSheet.Empty;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return AnswerSheet.Empty;
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            object? value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.TryGetInt64(out var number) ? number : property.Value.GetRawText(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Array => property.Value.EnumerateArray()
                    .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText())
                    .ToList(),
                _ => null,
            };
            if (value is not null) values[property.Name] = value;
        }

        return new AnswerSheet(values);
    }

    /// <summary>A UTC timestamp as Npgsql reads <c>timestamptz</c> → the instant.</summary>
    internal static DateTimeOffset Instant(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
