using MentorBot.Domain.Conversations;
using MentorBot.Host.Max;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Max;

/// <summary>A document sent in MAX (a road map, a case's file) is downloaded by its URL within the caller's size limit (issue 16).</summary>
public sealed class MaxDocumentDownloadsTests : IAsyncLifetime
{
    private readonly FakeMaxApi api = new();
    private ServiceProvider services = null!;

    public Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddSingleton(api.CreateClient())
            .AddKeyedSingleton<IDocumentDownloads, MaxDocumentDownloads>(Messengers.Max)
            .AddSingleton<IDocumentDownloads, MessengerDocumentDownloads>()
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task A_max_file_is_fetched_by_its_url_and_one_over_the_limit_is_refused_before_or_while_reading()
    {
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        var url = api.AddFile("roadmap.docx", bytes);
        var downloads = services.GetRequiredService<IDocumentDownloads>();

        (await downloads.DownloadAsync(new DocumentInput("max:" + url, "roadmap.docx", 3000), 10_000, default)).Should().Equal(bytes);
        (await downloads.DownloadAsync(new DocumentInput("max:" + url, "roadmap.docx", 3000), 2000, default)).Should().BeNull("the reported size is over the limit");
        (await downloads.DownloadAsync(new DocumentInput("max:" + url, "roadmap.docx", null), 2000, default)).Should().BeNull("the bytes are over the limit");
        api.RequestsTo("GET /files/roadmap.docx").Should().HaveCount(2, "a reported size over the limit is refused without a download");
        api.RequestsTo("GET /files/roadmap.docx").Should().OnlyContain(r => r.Authorization == null, "the token goes only to the API host");
    }
}
