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
    /// reported size first, and again while reading).
    /// </summary>
    /// <exception cref="DocumentDownloadException">The messenger refused or could not be reached.</exception>
    Task<byte[]?> DownloadAsync(DocumentInput document, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>A document could not be fetched from the messenger (refused, gone, or the network failed); the message never contains a token.</summary>
/// <param name="message">Short reason.</param>
public sealed class DocumentDownloadException(string message) : Exception(message);
