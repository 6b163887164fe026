using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Scheduling;
using MentorBot.Tests.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Scheduling;

/// <summary>The Dashboard at /jobs: only with the configured secret, and read-only unless configured otherwise.</summary>
public sealed class JobsDashboardTests : IAsyncLifetime
{
    private const string Secret = "s3cret-for-the-operator";
    private readonly TestDatabase database = new();
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var options = new MentorBotOptions { ConnectionString = database.ConnectionString, DashboardSecret = Secret };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddMentorBotCore(options);
        app = builder.Build();
        app.UseJobsDashboard(options);
        await app.StartAsync();
        await app.Services.GetRequiredService<RecurringJobs>().SyncAsync(CancellationToken.None);
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    private static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + password)));

    [Fact]
    public async Task Without_the_secret_the_dashboard_answers_401_and_asks_for_it()
    {
        var anonymous = await client.GetAsync("/jobs/recurring");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/jobs/recurring") { Headers = { Authorization = Basic("guess") } };
        var guessed = await client.SendAsync(wrong);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Basic");
        guessed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task With_the_secret_the_operator_sees_the_recurring_jobs_but_cannot_trigger_one()
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/jobs/recurring") { Headers = { Authorization = Basic(Secret) } };
        var response = await client.SendAsync(page);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("deadline-reminders").And.Contain("MentorBot jobs");

        using var trigger = new HttpRequestMessage(HttpMethod.Post, "/jobs/recurring/trigger")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Secret) },
            Content = new FormUrlEncodedContent([new("jobs[]", "deadline-reminders")]),
        };
        var triggered = await client.SendAsync(trigger);

        triggered.IsSuccessStatusCode.Should().BeFalse();
        (await database.DataSource.CreateCommand("SELECT count(*) FROM hangfire.job").ExecuteScalarAsync()).Should().Be(0L);
    }
}
