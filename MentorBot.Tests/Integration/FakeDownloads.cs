using MentorBot.Domain.Conversations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Tests.Integration;

/// <summary>
/// Files by id, as the messenger would serve them; honours the size limit like the real downloads. A file is found by
/// the id a test gave it whichever messenger carried it (MAX's received ids carry <see cref="Messengers.MaxFileIdPrefix"/>).
/// </summary>
public sealed class FakeDownloads : IDocumentDownloads
{
    private readonly Dictionary<string, byte[]> files = [];

    /// <summary>The received file ids asked for, in order.</summary>
    public List<string> Requested { get; } = [];

    public void Add(string fileId, byte[] content) => files[Sent(fileId)] = content;

    public long? SizeOf(string fileId) => files.TryGetValue(Sent(fileId), out var content) ? content.Length : null;

    public Task<byte[]?> DownloadAsync(DocumentInput document, long maxBytes, CancellationToken cancellationToken)
    {
        Requested.Add(document.FileId);
        var content = files[Sent(document.FileId)];
        return Task.FromResult(content.Length > maxBytes ? null : content);
    }

    /// <summary>The id the test sent the file under.</summary>
    private static string Sent(string fileId) => fileId.StartsWith(Messengers.MaxFileIdPrefix, StringComparison.Ordinal) ? fileId[Messengers.MaxFileIdPrefix.Length..] : fileId;
}
