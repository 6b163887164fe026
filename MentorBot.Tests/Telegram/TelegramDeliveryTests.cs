using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;

namespace MentorBot.Tests.Telegram;

/// <summary>
/// The sender's Telegram half through Telegram.Bot's client, configured as in production, over HTTP to the fake
/// Bot API's real response shapes: each Bot API failure is classified the way the sender must react to it.
/// </summary>
public sealed class TelegramDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Due = new(2026, 9, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeBotApi api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await api.DisposeAsync();

    private TelegramDelivery Delivery(TimeSpan? timeout = null) => new(api.CreateClient(timeout: timeout));

    /// <summary>A sendMessage row as the adapter renders it, claimed for its first attempt.</summary>
    private static ClaimedOutboxRow MessageRow(Reply reply, long chatId = 111)
    {
        var message = new TelegramAdapter().Render(reply, chatId, false, "k", Due).Single();
        return new ClaimedOutboxRow(1, chatId, message.Kind, message.PayloadJson, 1);
    }

    private async Task<DeliveryException> FailureOf(FakeResponse response, TimeSpan? timeout = null)
    {
        api.Enqueue("sendMessage", response);
        var act = () => Delivery(timeout).DeliverAsync(MessageRow(Reply.Plain("Привет")), CancellationToken.None);
        return (await act.Should().ThrowAsync<DeliveryException>()).Which;
    }

    [Fact]
    public async Task SendMessage_goes_out_with_html_parse_mode_and_the_inline_keyboard_and_returns_the_message_id()
    {
        var row = MessageRow(new Reply("Согласны <да/нет>?", [[new Choice("Да", "consent:yes"), new Choice("Нет", "consent:no")]]), chatId: 4242);

        var messageId = await Delivery().DeliverAsync(row, CancellationToken.None);

        var request = api.RequestsTo("sendMessage").Should().ContainSingle().Subject;
        request["chat_id"].GetInt64().Should().Be(4242);
        request["text"].GetString().Should().Be("Согласны &lt;да/нет&gt;?");
        request["parse_mode"].GetString().Should().BeEquivalentTo("HTML", "Telegram reads parse_mode case-insensitively; Telegram.Bot writes Html");
        var buttons = request["reply_markup"].GetProperty("inline_keyboard")[0];
        buttons.GetArrayLength().Should().Be(2);
        buttons[0].GetProperty("text").GetString().Should().Be("Да");
        buttons[0].GetProperty("callback_data").GetString().Should().Be("consent:yes");
        buttons[1].GetProperty("callback_data").GetString().Should().Be("consent:no");
        messageId.Should().Be("101", "the Bot API's message id, kept as its decimal text");
    }

    [Fact]
    public async Task A_callback_answer_is_sent_with_its_query_id_and_text()
    {
        var answer = new TelegramAdapter().AnswerChoice("cbq-9", 111, "Сохранено", "k", Due);

        var messageId = await Delivery().DeliverAsync(new ClaimedOutboxRow(2, 111, answer.Kind, answer.PayloadJson, 1), CancellationToken.None);

        messageId.Should().BeNull();
        var request = api.RequestsTo("answerCallbackQuery").Should().ContainSingle().Subject;
        request["callback_query_id"].GetString().Should().Be("cbq-9");
        request["text"].GetString().Should().Be("Сохранено");
    }

    [Fact]
    public async Task A_429_is_rate_limited_with_the_servers_retry_after_after_one_request()
    {
        // Telegram.Bot retries a 429 inside the call by default; ours is configured not to (RetryCount 1).
        api.Enqueue("sendMessage", FakeBotApi.Responses.TooManyRequests(3));
        var failure = await FailureOf(FakeBotApi.Responses.TooManyRequests(3));

        failure.Failure.Should().Be(DeliveryFailure.RateLimited);
        failure.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
        api.RequestsTo("sendMessage").Should().ContainSingle();
    }

    [Fact]
    public async Task A_200_with_ok_false_is_transient()
    {
        var failure = await FailureOf(FakeBotApi.Responses.OkFalseOn200());

        failure.Failure.Should().Be(DeliveryFailure.Transient);
    }

    [Fact]
    public async Task A_send_that_outlasts_the_http_timeout_is_transient()
    {
        var failure = await FailureOf(new FakeResponse(200, "", Hang: true), timeout: TimeSpan.FromMilliseconds(300));

        failure.Failure.Should().Be(DeliveryFailure.Transient);
        failure.Message.Should().Contain("timed out");
    }

    [Fact]
    public async Task A_refused_connection_is_transient_and_names_no_token()
    {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var client = new global::Telegram.Bot.TelegramBotClient(TelegramServiceCollectionExtensions.ClientOptions(FakeBotApi.DefaultToken, "http://127.0.0.1:9"), http);

        var act = () => new TelegramDelivery(client).DeliverAsync(MessageRow(Reply.Plain("Привет")), CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<DeliveryException>()).Which;
        failure.Failure.Should().Be(DeliveryFailure.Transient);
        failure.ToString().Should().NotContain(FakeBotApi.DefaultToken.Split(':')[1]);
    }

    [Fact]
    public async Task A_document_goes_out_as_multipart_with_its_cyrillic_name_and_html_caption()
    {
        var row = new TelegramAdapter().RenderDocument("Приказ.docx", [1, 2, 3], "<b>Приказ</b>", 555, false, "d", Due);

        var messageId = await Delivery().DeliverAsync(new ClaimedOutboxRow(4, 555, row.Kind, row.PayloadJson, 1), CancellationToken.None);

        messageId.Should().Be("101", "the Bot API's message id, kept as its decimal text");
        var request = api.RequestsTo("sendDocument").Should().ContainSingle().Subject;
        request.Form["chat_id"].Should().Be("555");
        request.Form["caption"].Should().Be("<b>Приказ</b>");
        request.Form["parse_mode"].Should().BeEquivalentTo("HTML");
        request.Files.Should().ContainSingle().Which.Should().Match<RecordedFile>(f => f.FileName == "Приказ.docx" && f.Content.SequenceEqual(new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public async Task A_photo_goes_out_as_multipart_sendPhoto_with_its_bytes_and_html_caption()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7];
        var row = new TelegramAdapter().RenderPhoto(png, "Встречи за <b>ноябрь</b>", 556, false, "p", Due);

        var messageId = await Delivery().DeliverAsync(new ClaimedOutboxRow(6, 556, row.Kind, row.PayloadJson, 1), CancellationToken.None);

        messageId.Should().Be("101", "the Bot API's message id, kept as its decimal text");
        api.RequestsTo("sendDocument").Should().BeEmpty("a chart is shown as a picture, not attached as a file");
        var request = api.RequestsTo("sendPhoto").Should().ContainSingle().Subject;
        request.Form["chat_id"].Should().Be("556");
        request.Form["caption"].Should().Be("Встречи за <b>ноябрь</b>");
        request.Form["parse_mode"].Should().BeEquivalentTo("HTML");
        var file = request.Files.Should().ContainSingle().Subject;
        file.Content.Should().Equal(png);
        request.Form["photo"].Should().Be("attach://" + file.Name, "the picture is uploaded as a file part, not sent as a file_id or URL");
    }

    [Fact]
    public async Task A_photo_refused_by_the_Bot_API_fails_permanently_and_a_502_is_retried()
    {
        var row = new TelegramAdapter().RenderPhoto([1, 2, 3], null, 557, false, "p", Due);
        var claimed = new ClaimedOutboxRow(7, 557, row.Kind, row.PayloadJson, 1);
        api.Enqueue("sendPhoto", 400, """{"ok":false,"error_code":400,"description":"Bad Request: IMAGE_PROCESS_FAILED"}""");
        api.Enqueue("sendPhoto", 502, """{"ok":false,"error_code":502,"description":"Bad Gateway"}""");

        var refused = (await FluentActions.Awaiting(() => Delivery().DeliverAsync(claimed, CancellationToken.None)).Should().ThrowAsync<DeliveryException>()).Which;
        var gateway = (await FluentActions.Awaiting(() => Delivery().DeliverAsync(claimed, CancellationToken.None)).Should().ThrowAsync<DeliveryException>()).Which;

        refused.Failure.Should().Be(DeliveryFailure.Permanent);
        refused.Message.Should().Contain("IMAGE_PROCESS_FAILED");
        gateway.Failure.Should().Be(DeliveryFailure.Transient);
    }

    [Fact]
    public async Task An_edit_of_a_message_sends_its_id_text_and_keyboard()
    {
        const string payload = """{"message_id":77,"text":"Готово","reply_markup":{"inline_keyboard":[[{"text":"Ок","callback_data":"ok"}]]}}""";
        api.Enqueue("editMessageText", FakeBotApi.Responses.Ok("""{"message_id":77,"chat":{"id":111,"type":"private"},"date":1788242400,"text":"Готово"}"""));

        await Delivery().DeliverAsync(new ClaimedOutboxRow(5, 111, OutboxKind.EditText, payload, 1), CancellationToken.None);

        var request = api.RequestsTo("editMessageText").Should().ContainSingle().Subject;
        request["message_id"].GetInt32().Should().Be(77);
        request["text"].GetString().Should().Be("Готово");
        request["reply_markup"].GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString().Should().Be("ok");
    }

    [Fact]
    public async Task A_403_is_blocked()
    {
        var failure = await FailureOf(FakeBotApi.Responses.BlockedByUser());

        failure.Failure.Should().Be(DeliveryFailure.Blocked);
        failure.Message.Should().Contain("blocked by the user");
    }

    [Fact]
    public async Task A_400_is_permanent_with_the_description()
    {
        var failure = await FailureOf(FakeBotApi.Responses.ChatNotFound());

        failure.Failure.Should().Be(DeliveryFailure.Permanent);
        failure.Message.Should().Contain("400").And.Contain("chat not found");
    }

    [Fact]
    public async Task A_502_html_page_from_a_proxy_is_transient()
    {
        var failure = await FailureOf(FakeBotApi.Responses.BadGatewayHtml());

        failure.Failure.Should().Be(DeliveryFailure.Transient);
    }

    [Fact]
    public async Task A_500_with_the_apis_json_is_transient()
    {
        var failure = await FailureOf(new FakeResponse(500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}"""));

        failure.Failure.Should().Be(DeliveryFailure.Transient);
    }

    [Fact]
    public async Task No_failure_message_contains_the_token()
    {
        var responses = new[]
        {
            FakeBotApi.Responses.TooManyRequests(), FakeBotApi.Responses.BlockedByUser(),
            FakeBotApi.Responses.ChatNotFound(), FakeBotApi.Responses.BadGatewayHtml(), FakeBotApi.Responses.OkFalseOn200(),
        };
        foreach (var response in responses)
        {
            var failure = await FailureOf(response);
            failure.ToString().Should().NotContain(FakeBotApi.DefaultToken);
            failure.ToString().Should().NotContain(FakeBotApi.DefaultToken.Split(':')[1]);
        }
    }

    [Fact]
    public async Task An_unknown_kind_is_permanent()
    {
        var act = () => Delivery().DeliverAsync(new ClaimedOutboxRow(3, 111, "send_pigeon", "{}", 1), CancellationToken.None);

        (await act.Should().ThrowAsync<DeliveryException>()).Which.Failure.Should().Be(DeliveryFailure.Permanent);
        api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_payload_the_adapter_wrote_is_what_reaches_the_api()
    {
        // Round trip of the outbox payload: the stored JSON is read back by the delivery unchanged.
        var row = MessageRow(Reply.Formatted("<b>Итоги</b> & всё"));
        JsonDocument.Parse(row.Payload).RootElement.GetProperty("text").GetString().Should().Be("<b>Итоги</b> & всё");

        await Delivery().DeliverAsync(row, CancellationToken.None);

        api.RequestsTo("sendMessage").Single()["text"].GetString().Should().Be("<b>Итоги</b> & всё");
        api.RequestsTo("sendMessage").Single().Has("reply_markup").Should().BeFalse();
    }
}
