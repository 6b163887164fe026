using MentorBot.Domain.Conversations;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>A download went past its size limit (<see cref="BoundedMemoryStream"/>): the caller treats the file as too large.</summary>
public sealed class DocumentTooLargeException() : Exception("The file is larger than the limit.");

/// <summary>A memory stream that refuses to grow past a limit (a messenger's reported size may be absent or wrong).</summary>
/// <param name="limit">The most bytes it takes; one more throws <see cref="DocumentTooLargeException"/>.</param>
public sealed class BoundedMemoryStream(long limit) : MemoryStream
{
    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Length + count > limit) throw new DocumentTooLargeException();
        base.Write(buffer, offset, count);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Length + buffer.Length > limit) throw new DocumentTooLargeException();
        base.Write(buffer);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The host's <see cref="IDocumentDownloads"/>: hands a document to the downloads of the messenger it came from
/// (<see cref="Messengers.OfFileId"/>: MAX's and the console's file ids carry a prefix, Telegram's never contain a colon),
/// registered as keyed services by messenger name (<see cref="Messengers"/>).
/// </summary>
/// <param name="services">Where the messengers' downloads come from.</param>
public sealed class MessengerDocumentDownloads(IServiceProvider services) : IDocumentDownloads
{
    /// <inheritdoc />
    public Task<byte[]?> DownloadAsync(DocumentInput document, long maxBytes, CancellationToken cancellationToken)
    {
        var messenger = Messengers.OfFileId(document.FileId);
        var downloads = services.GetKeyedService<IDocumentDownloads>(messenger)
            ?? throw new DocumentDownloadException($"No {messenger} downloads are configured for this file.");
        return downloads.DownloadAsync(document, maxBytes, cancellationToken);
    }
}
