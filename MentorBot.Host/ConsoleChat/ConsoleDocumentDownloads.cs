using MentorBot.Domain.Conversations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// <see cref="IDocumentDownloads"/> of the console chat: a document sent with <c>/file PATH</c> is the local file its id
/// names (<see cref="Messengers.ConsoleFileIdPrefix"/> and the full path), read again when a feature asks for it.
/// </summary>
public sealed class ConsoleDocumentDownloads : IDocumentDownloads
{
    /// <inheritdoc />
    public async Task<byte[]?> DownloadAsync(DocumentInput document, long maxBytes, CancellationToken cancellationToken)
    {
        if (!document.FileId.StartsWith(Messengers.ConsoleFileIdPrefix, StringComparison.Ordinal))
            throw new DocumentDownloadException("Not a file of the console chat.");
        var path = document.FileId[Messengers.ConsoleFileIdPrefix.Length..];
        try
        {
            await using var file = File.OpenRead(path);
            if (file.Length > maxBytes) return null;
            using var buffer = new BoundedMemoryStream(maxBytes);
            await file.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (DocumentTooLargeException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentDownloadException($"The file {path} cannot be read: {e.Message}");
        }
    }
}
