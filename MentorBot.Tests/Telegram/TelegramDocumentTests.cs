using System.Net;
using System.Text;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Telegram;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace MentorBot.Tests.Telegram;

/// <summary>Documents a person sends: read as <see cref="DocumentInput"/>, fetched by getFile and the file URL, with a size limit.</summary>
public sealed class TelegramDocumentTests
{
    private const string Token = "7012345678:AAH-secret_TOKEN-0123456789abcdefXYZ";

    [Fact]
    public void A_document_message_is_read_as_a_document_input()
    {
        const string payload = """
            {"update_id": 5, "message": {"message_id": 9, "date": 1700000000, "from": {"id": 42, "is_bot": false, "first_name": "Ольга"},
             "chat": {"id": 42, "type": "private"},
             "document": {"file_id": "BQACAgIAAx", "file_unique_id": "u1", "file_name": "дорожная карта.txt", "mime_type": "text/plain", "file_size": 6853}}}
            """;

        var update = new TelegramAdapter().Read("telegram", 5, payload);

        update!.Input.Should().Be(new DocumentInput("BQACAgIAAx", "дорожная карта.txt", 6853));
    }

    [Fact]
    public async Task A_document_is_fetched_by_get_file_then_the_file_url()
    {
        var content = Encoding.UTF8.GetBytes("№\tЭтап\n1\tПодготовка");
        var handler = new Handler(content);

        var bytes = await Downloads(handler).DownloadAsync(new DocumentInput("F1", "a.txt", content.Length), 1024, CancellationToken.None);

        bytes.Should().Equal(content);
        handler.Requests.Should().HaveCount(2);
        handler.Requests[0].Should().StartWith($"POST http://api.test/bot{Token}/getFile ").And.Contain("\"file_id\":\"F1\"");
        handler.Requests[1].Should().Be($"GET http://api.test/file/bot{Token}/documents/file_7.txt ");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_by_its_reported_size_without_a_request()
    {
        var handler = new Handler(new byte[10]);

        (await Downloads(handler).DownloadAsync(new DocumentInput("F1", "a.txt", 5000), 1024, CancellationToken.None)).Should().BeNull();

        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_bigger_than_its_reported_size_is_refused_while_reading()
    {
        var handler = new Handler(new byte[5000], reportedSize: 10);

        (await Downloads(handler).DownloadAsync(new DocumentInput("F1", "a.txt", null), 1024, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_failed_download_names_no_token()
    {
        var handler = new Handler([], fileStatus: HttpStatusCode.NotFound);

        var act = () => Downloads(handler).DownloadAsync(new DocumentInput("F1", "a.txt", null), 1024, CancellationToken.None);

        (await act.Should().ThrowAsync<DocumentDownloadException>()).Which.ToString().Should().NotContain(Token);
    }

    private static TelegramDocumentDownloads Downloads(Handler handler)
    {
        var client = new TelegramBotClient(TelegramServiceCollectionExtensions.ClientOptions(Token, "http://api.test"), new HttpClient(handler));
        return new TelegramDocumentDownloads(new ServiceCollection().AddSingleton<ITelegramBotClient>(client).BuildServiceProvider());
    }

    private sealed class Handler(byte[] file, long? reportedSize = null, HttpStatusCode fileStatus = HttpStatusCode.OK) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add($"{request.Method} {request.RequestUri} {body}");
            if (request.RequestUri!.AbsolutePath.EndsWith("/getFile", StringComparison.Ordinal))
            {
                var json = $"{{\"ok\":true,\"result\":{{\"file_id\":\"F1\",\"file_unique_id\":\"U1\",\"file_size\":{reportedSize ?? file.Length},\"file_path\":\"documents/file_7.txt\"}}}}";
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            }

            return new HttpResponseMessage(fileStatus) { Content = new ByteArrayContent(file) };
        }
    }
}
