using MentorBot.Domain.Conversations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Tests.Integration;

/// <summary>Files by id, as the messenger would serve them; honours the size limit like the real downloads.</summary>
public sealed class FakeDownloads : IDocumentDownloads
{
    private readonly Dictionary<string, byte[]> files = [];

    public List<string> Requested { get; } = [];

    public void Add(string fileId, byte[] content) => files[fileId] = content;

    public long? SizeOf(string fileId) => files.TryGetValue(fileId, out var content) ? content.Length : null;

    public Task<byte[]?> DownloadAsync(DocumentInput document, long maxBytes, CancellationToken cancellationToken)
    {
        Requested.Add(document.FileId);
        var content = files[document.FileId];
        return Task.FromResult(content.Length > maxBytes ? null : content);
    }
}
