using MentorBot.Host;
using MentorBot.Host.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace MentorBot.Tests.Integration;

/// <summary>The bot's core services on a TestServer over a test database, with the endpoints a test maps (a webhook).</summary>
public sealed class WebhookHost : IAsyncLifetime
{
    private readonly Action<WebApplication> map;

    /// <summary>A host that maps its endpoints with <paramref name="map"/> once built.</summary>
    public WebhookHost(Action<WebApplication> map) => this.map = map;

    /// <summary>The database the host records into.</summary>
    public TestDatabase Database { get; } = new();

    /// <summary>The running host.</summary>
    public WebApplication App { get; private set; } = null!;

    /// <summary>A client of the TestServer.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddMentorBotCore(new MentorBotOptions { ConnectionString = Database.ConnectionString });
        App = builder.Build();
        map(App);
        await App.StartAsync();
        Client = App.GetTestClient();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
