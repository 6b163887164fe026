using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Host.Telegram;

/// <summary>
/// The JSON settings of the Bot API: snake_case names, nulls omitted when writing (an absent optional
/// field and a null one mean the same to Telegram, and absent keeps requests small). Reuse it to read
/// webhook bodies into <see cref="Update"/>.
/// </summary>
public static class TelegramJson
{
    /// <summary>Read-only options: snake_case_lower names, nulls omitted when writing, unknown fields ignored.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Cyrillic as raw UTF-8 rather than \uXXXX: a third of the bytes, and readable in a capture.
            // The bodies go to an API, never into HTML, so the relaxed encoder is safe here.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>
/// Reads a unix timestamp into a UTC <see cref="DateTime"/> and writes it back in seconds. The Bot API
/// sends seconds; the telegram-test-api emulator sends milliseconds for bot messages, so a value above
/// 10^11 (year 5138 in seconds, 1973 in milliseconds) is taken as milliseconds.
/// </summary>
public sealed class UnixDateTimeConverter : JsonConverter<DateTime>
{
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), out var parsed)
            ? parsed
            : reader.GetInt64();
        var instant = value > MillisecondsThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : DateTimeOffset.FromUnixTimeSeconds(value);
        return instant.UtcDateTime;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(new DateTimeOffset(DateTime.SpecifyKind(value, value.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : value.Kind)).ToUnixTimeSeconds());
}

/// <summary>Writes <see cref="ParseMode"/> as the Bot API's strings ("HTML", "Markdown", "MarkdownV2") and reads them back.</summary>
public sealed class ParseModeConverter : JsonConverter<ParseMode>
{
    /// <inheritdoc />
    public override ParseMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() switch
        {
            "HTML" or "html" or "Html" => ParseMode.Html,
            "Markdown" or "markdown" => ParseMode.Markdown,
            "MarkdownV2" or "markdownv2" => ParseMode.MarkdownV2,
            _ => ParseMode.None,
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ParseMode value, JsonSerializerOptions options)
    {
        // None has no wire value; request models carry parse_mode as a nullable string so it is omitted.
        var text = value.ToApiValue();
        if (text is null) writer.WriteNullValue();
        else writer.WriteStringValue(text);
    }
}
