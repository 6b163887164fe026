using MentorBot.Domain.Conversations;

namespace MentorBot.Host.Pipeline;

/// <summary>
/// Fetches the bytes of a document a person sent (<see cref="DocumentInput"/>), messenger-agnostic
/// (DESIGN.md decision 2). Handlers call it inside the update, so they keep the limit small.
/// </summary>
public interface IDocumentDownloads
{
    /// <summary>
    /// The file's bytes, or null when it is larger than <paramref name="maxBytes"/> (checked against the
    /// reported size first, and again while reading). Network and API failures throw as the messenger client does.
    /// </summary>
    Task<byte[]?> DownloadAsync(DocumentInput document, long maxBytes, CancellationToken cancellationToken);
}
