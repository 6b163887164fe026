using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Host.Cli;

/// <summary>JSON settings shared by the verbs that print JSON: camelCase, indented, Cyrillic unescaped.</summary>
public static class CliJson
{
    /// <summary>Options for printing: camelCase names, enums as snake_case strings, readable Cyrillic.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Serialises <paramref name="value"/> with <see cref="Options"/> and writes it with a trailing newline.</summary>
    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}
