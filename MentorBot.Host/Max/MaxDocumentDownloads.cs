using MentorBot.Domain.Conversations;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Max;

/// <summary>
/// <see cref="IDocumentDownloads"/> for files received in MAX (the road-map upload, a case's materials): refuses by the
/// reported size before downloading, then reads the file's URL (<see cref="MaxBotClient.DownloadFile"/>) into a
/// bounded buffer. The client is resolved at the first download.
/// </summary>
/// <param name="services">Where the <see cref="MaxBotClient"/> comes from.</param>
public sealed class MaxDocumentDownloads(IServiceProvider services) : IDocumentDownloads
{
    /// <inheritdoc />
    public async Task<byte[]?> DownloadAsync(DocumentInput document, long maxBytes, CancellationToken cancellationToken)
    {
        if (document.FileSize > maxBytes) return null;
        if (!document.FileId.StartsWith(Messengers.MaxFileIdPrefix, StringComparison.Ordinal))
            throw new DocumentDownloadException("Not a MAX file.");
        var client = services.GetRequiredService<MaxBotClient>();
        using var buffer = new BoundedMemoryStream(maxBytes);
        try
        {
            await client.DownloadFile(document.FileId[Messengers.MaxFileIdPrefix.Length..], buffer, cancellationToken);
        }
        catch (DocumentTooLargeException)
        {
            return null;
        }
        catch (Exception e) when (e is MaxApiException or MaxRequestException)
        {
            throw new DocumentDownloadException("MAX refused or could not be reached: " + e.Message);
        }

        return buffer.ToArray();
    }
}
