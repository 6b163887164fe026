using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Cli;

/// <summary>
/// The start-up every stand-in for a messenger's Bot API shares — <see cref="LocalBotApi"/> for the benches and the fault
/// suite, the tests' fake Telegram and MAX APIs: a slim ASP.NET Core app without logging providers (a stand-in's request
/// lines would drown what the bench or the test prints), on the server the caller chooses (Kestrel on a port, or ASP.NET
/// Core's TestServer), its routes mapped, started. Never for production.
/// </summary>
public static class StandInApi
{
    /// <summary>Builds, maps and starts a stand-in.</summary>
    /// <param name="server">Chooses the server (e.g. <c>web.UseUrls("http://127.0.0.1:0")</c> or <c>web.UseTestServer()</c>).</param>
    /// <param name="map">Maps the stand-in's routes.</param>
    /// <exception cref="IOException">Kestrel could not bind the address (a port in use).</exception>
    public static WebApplication Start(Action<IWebHostBuilder> server, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        server(builder.WebHost);
        var app = builder.Build();
        map(app);
        app.Start();
        return app;
    }
}
