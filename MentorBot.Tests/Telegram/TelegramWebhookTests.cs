using System.Net;
using System.Text;
using Dapper;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace MentorBot.Tests.Telegram;

/// <summary>
/// The webhook endpoint on a TestServer over a real database (DESIGN.md decision 4): only Telegram's
/// secret is let in, the update is recorded before the 200, a repeated delivery is recorded once, unreadable bodies
/// get 400 and bodies over 1 MB 413 (issue 12 items 7 and 9).
/// </summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret";
    private readonly WebhookHost host = new(app => app.MapTelegramWebhook(Secret));

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    private static string UpdateJson(long updateId, string text = "Привет") => $$$"""
        {"update_id":{{{updateId}}},"message":{"message_id":5,"from":{"id":111,"is_bot":false,"first_name":"Анна"},
         "chat":{"id":111,"type":"private"},"date":1788242400,"text":"{{{text}}}"}}
        """;

    private Task<HttpResponseMessage> PostAsync(string body, string? secret) =>
        SendAsync(new StringContent(body, Encoding.UTF8, "application/json"), secret);

    private async Task<HttpResponseMessage> SendAsync(HttpContent content, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhook.Path) { Content = content };
        if (secret is not null) request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        return await host.Client.SendAsync(request);
    }

    private async Task<long> RecordedAsync()
    {
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inbound_updates");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData("s3cret ")]
    [InlineData("S3CRET")]
    [InlineData("s3cre")]
    public async Task A_wrong_or_missing_secret_gets_401_and_nothing_is_recorded(string? secret)
    {
        var response = await PostAsync(UpdateJson(9001), secret);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await RecordedAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_right_secret_gets_200_after_the_update_is_recorded()
    {
        var response = await PostAsync(UpdateJson(9002, "Здравствуйте"), Secret);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Source, long UpdateId, long ChatId, string Text)>(
            "SELECT source, update_id, chat_id, payload->'message'->>'text' FROM inbound_updates");
        row.Should().Be(("telegram", 9002L, 111L, "Здравствуйте"));
    }

    [Fact]
    public async Task The_same_update_posted_twice_is_recorded_once()
    {
        (await PostAsync(UpdateJson(9003), Secret)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostAsync(UpdateJson(9003), Secret)).StatusCode.Should().Be(HttpStatusCode.OK, "Telegram must not retry a duplicate forever");

        (await RecordedAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Invalid_json_gets_400_and_nothing_is_recorded(string body)
    {
        var response = await PostAsync(body, Secret);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RecordedAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Unreadable_bodies_get_400_bodies_over_1_MB_get_413_and_a_NUL_in_a_text_is_stored_without_it()
    {
        var padded = UpdateJson(23, new string('а', 600_000));
        // Without Content-Length (chunked) the limit must hold while reading.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(padded)));
        chunked.Headers.ContentLength = null;

        (await PostAsync(UpdateJson(20, "Привет\\u0000"), Secret)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostAsync(UpdateJson(21, "Привет").Replace("1788242400", "253402300800"), Secret)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a date out of range");
        (await PostAsync(padded, Secret)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await SendAsync(chunked, Secret)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await PostAsync(UpdateJson(24, new string('а', 4096)), Secret)).StatusCode.Should().Be(HttpStatusCode.OK, "a long message is far below the limit");

        (await RecordedAsync()).Should().Be(2);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        (await connection.ExecuteScalarAsync<string>("SELECT payload->'message'->>'text' FROM inbound_updates WHERE update_id = 20")).Should().Be("Привет");
    }

    [Fact]
    public async Task Invalid_json_without_the_secret_gets_401()
    {
        var response = await PostAsync("{not json", "wrong");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
