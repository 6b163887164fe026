using MentorBot.Domain.Conversations;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace MentorBot.Host.Telegram;

/// <summary>
/// <see cref="IDocumentDownloads"/> over the Bot API: getFile, then the file URL (bots may download up to
/// 20 MB). The client is resolved at the first download, so hosts without one (tests of the pipeline
/// alone) can still build the features.
/// </summary>
/// <param name="services">Where the <see cref="ITelegramBotClient"/> comes from.</param>
public sealed class TelegramDocumentDownloads(IServiceProvider services) : IDocumentDownloads
{
    /// <summary>Bot API: getFile serves files of up to 20 MB.</summary>
    public const long BotApiDownloadLimit = 20L * 1024 * 1024;

    /// <inheritdoc />
    public async Task<byte[]?> DownloadAsync(DocumentInput document, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, BotApiDownloadLimit);
        if (document.FileSize > limit) return null;
        var client = services.GetRequiredService<ITelegramBotClient>();
        using var buffer = new BoundedMemoryStream(limit);
        try
        {
            var file = await client.GetFile(document.FileId, cancellationToken);
            if (file.FileSize > limit || file.FilePath is null) return null;
            await client.DownloadFile(file.FilePath, buffer, cancellationToken);
        }
        catch (DocumentTooLargeException)
        {
            return null;
        }
        catch (RequestException e) when (e.InnerException is DocumentTooLargeException)
        {
            return null;
        }
        catch (RequestException e)
        {
            throw new DocumentDownloadException(TelegramSecrets.Scrub(e.Message));
        }

        return buffer.ToArray();
    }
}
