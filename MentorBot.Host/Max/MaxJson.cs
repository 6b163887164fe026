using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Host.Max;

/// <summary>The JSON settings of the MAX Bot API, and the one way to read an update (polling and webhook alike).</summary>
public static class MaxJson
{
    /// <summary>snake_case names, nulls omitted when writing (absent and null mean the same to MAX, except where a type says otherwise), unknown fields ignored.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>Reads one update (a webhook body, or an inbox row) and keeps its text in <see cref="Update.Json"/>.</summary>
    /// <exception cref="JsonException">The text is not a JSON object with an <c>update_type</c>.</exception>
    public static Update ReadUpdate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadUpdate(document.RootElement);
    }

    /// <summary>Reads one update from an element of <c>updates</c> and keeps its raw text.</summary>
    /// <exception cref="JsonException">The element is not an object with an <c>update_type</c>.</exception>
    internal static Update ReadUpdate(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("update_type", out var type) || type.ValueKind != JsonValueKind.String)
            throw new JsonException("A MAX update must be a JSON object with a string update_type.");
        var update = element.Deserialize<Update>(Options) ?? throw new JsonException("A MAX update must not be null.");
        update.Json = element.GetRawText();
        return update;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Cyrillic as raw UTF-8 rather than \uXXXX; the bodies go to an API, never into HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
