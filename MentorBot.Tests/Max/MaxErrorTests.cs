using MentorBot.Host.Max;

namespace MentorBot.Tests.Max;

/// <summary>How the client reports MAX's errors: the kinds a sender treats differently are told apart by type.</summary>
public sealed class MaxErrorTests : IAsyncLifetime
{
    private readonly FakeMaxApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<Message> Send(MaxBotClient? client = null) =>
        (client ?? _api.CreateClient()).SendMessageToUser(4242, new NewMessageBody { Text = "Напоминание" });

    [Fact]
    public async Task A_429_is_a_transient_too_many_requests_with_the_servers_wait_when_given()
    {
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.TooManyRequests(retryAfter: "3"));
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.TooManyRequests());

        var first = (await FluentActions.Awaiting(() => Send()).Should().ThrowAsync<MaxTooManyRequestsException>()).Which;
        var second = (await FluentActions.Awaiting(() => Send()).Should().ThrowAsync<MaxTooManyRequestsException>()).Which;

        (first.StatusCode, first.Code, first.Description, first.IsTransient, first.RetryAfter)
            .Should().Be((429, "too.many.requests", "Too many requests", true, TimeSpan.FromSeconds(3)));
        second.RetryAfter.Should().BeNull("MAX documents no wait; the sender's own back-off applies");
        _api.RequestsTo("POST /messages").Should().HaveCount(2, "the client never retries on its own");
    }

    [Fact]
    public async Task A_401_says_the_token_was_rejected_and_is_not_transient()
    {
        var client = _api.CreateClient(token: "revoked-token-0000000000000000");

        var ex = (await FluentActions.Awaiting(() => client.GetMyInfo()).Should().ThrowAsync<MaxUnauthorizedException>()).Which;

        (ex.StatusCode, ex.Code, ex.Description, ex.IsTransient).Should().Be((401, "verify.token", "Invalid access_token", false));
    }

    [Fact]
    public async Task A_503_a_proxys_HTML_502_and_a_timeout_are_transient_a_400_and_a_403_are_not()
    {
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.ServiceUnavailable());
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.BadGatewayHtml());
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.BadRequest());
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.Forbidden());
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.AttachmentNotReady());
        _api.Enqueue("POST /messages", new MaxFakeResponse(200, "", Hang: true));
        var client = _api.CreateClient();

        var unavailable = (await FluentActions.Awaiting(() => Send(client)).Should().ThrowAsync<MaxServerErrorException>()).Which;
        var html = (await FluentActions.Awaiting(() => Send(client)).Should().ThrowAsync<MaxServerErrorException>()).Which;
        var bad = (await FluentActions.Awaiting(() => Send(client)).Should().ThrowAsync<MaxApiException>()).Which;
        var forbidden = (await FluentActions.Awaiting(() => Send(client)).Should().ThrowAsync<MaxApiException>()).Which;
        var notReady = (await FluentActions.Awaiting(() => Send(client)).Should().ThrowAsync<MaxApiException>()).Which;
        // A short limit only for the call that hangs: a loaded machine may take longer than that for the others.
        var timeout = (await FluentActions.Awaiting(() => Send(_api.CreateClient(requestTimeout: TimeSpan.FromMilliseconds(300)))).Should().ThrowAsync<MaxRequestException>()).Which;

        (unavailable.StatusCode, unavailable.Code, unavailable.IsTransient).Should().Be((503, "service.unavailable", true));
        (html.StatusCode, html.Code, html.IsTransient).Should().Be((502, null, true));
        html.Description.Should().Contain("text/html");
        (bad.GetType(), bad.StatusCode, bad.Code, bad.IsTransient).Should().Be((typeof(MaxApiException), 400, "proto.payload", false));
        (forbidden.StatusCode, forbidden.Code, forbidden.IsTransient).Should().Be((403, "chat.denied", false));
        (notReady.Code, notReady.IsTransient).Should().Be((MaxApiException.AttachmentNotReady, true));
        timeout.IsTimeout.Should().BeTrue();
        timeout.Message.Should().Be("MAX Bot API request POST /messages timed out after 0.3 s.");
    }

    [Fact]
    public async Task A_long_poll_may_last_its_timeout_plus_the_grace_and_the_callers_cancellation_stays_a_cancellation()
    {
        _api.Enqueue("GET /updates", new MaxFakeResponse(200, "", Hang: true));
        var client = _api.CreateClient(requestTimeout: TimeSpan.FromMilliseconds(50));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // The 50 ms request limit does not apply to a 1 s long poll: only the caller's cancellation ends it.
        var act = () => client.GetUpdates(timeout: 1, cancellationToken: cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_request_failure()
    {
        var client = new MaxBotClient(FakeMaxApi.Options(), new HttpClient(new RefusingHandler()));

        var ex = (await FluentActions.Awaiting(() => Send(client)).Should().ThrowAsync<MaxRequestException>()).Which;

        ex.IsTimeout.Should().BeFalse();
        ex.Message.Should().Be("MAX Bot API request POST /messages failed: ConnectionError.");
        ex.InnerException.Should().BeNull();
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused ({request.RequestUri})"));
    }
}
