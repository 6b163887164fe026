using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// One typed line of the console chat as the inbox records it (source <c>console</c>): who typed it and what — a text,
/// a press of a printed button, or a local file sent as a document. Exactly one of <see cref="Text"/>,
/// <see cref="Press"/>, <see cref="File"/> is set.
/// </summary>
/// <param name="User">The simulated user (1 by default, <c>/as N</c>); also their private chat.</param>
/// <param name="Text">A typed text or command.</param>
/// <param name="Press">A pressed button (<c>!N</c>, <c>!M.N</c>).</param>
/// <param name="File">A file sent with <c>/file PATH</c>.</param>
public sealed record ConsoleUpdate(long User, string? Text = null, ConsolePress? Press = null, ConsoleFile? File = null)
{
    /// <summary>The JSON of the inbox's payloads and the console's outbox payloads (camelCase, nulls left out).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}

/// <summary>A press of a printed button.</summary>
/// <param name="Message">The number of the message the button is under (its number in the transcript).</param>
/// <param name="Data">The button's choice data.</param>
public sealed record ConsolePress(int Message, string Data);

/// <summary>A local file sent as a document.</summary>
/// <param name="Path">Its full path.</param>
/// <param name="Name">Its file name.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record ConsoleFile(string Path, string Name, long Size);
