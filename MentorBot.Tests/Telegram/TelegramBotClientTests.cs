using System.Text;
using System.Text.Json;
using MentorBot.Host.Telegram;

namespace MentorBot.Tests.Telegram;

/// <summary>The Bot API client against the in-process fake: request shapes, results and every failure kind.</summary>
public sealed class TelegramBotClientTests : IAsyncLifetime
{
    private readonly FakeBotApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Posts_to_bot_token_method_and_reads_the_result()
    {
        var me = await _api.CreateClient().GetMe();

        me.Id.Should().Be(7012345678);
        me.IsBot.Should().BeTrue();
        me.Username.Should().Be("mentor_test_bot");
        var request = _api.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("getMe");
        request.Token.Should().Be(FakeBotApi.DefaultToken);
    }

    [Fact]
    public async Task SendMessage_sends_snake_case_fields_html_parse_mode_and_the_inline_keyboard()
    {
        var keyboard = new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Да", "consent:yes"), InlineKeyboardButton.WithCallbackData("Нет", "consent:no")],
            [InlineKeyboardButton.WithUrl("Положение", "https://example.org/p.pdf")],
        ]);

        var sent = await _api.CreateClient().SendMessage(-1001234567890, "<b>Согласие</b>", ParseMode.Html, keyboard);

        var request = _api.RequestsTo("sendMessage").Should().ContainSingle().Subject;
        request.ContentType.Should().StartWith("application/json");
        request["chat_id"].GetInt64().Should().Be(-1001234567890);
        request["text"].GetString().Should().Be("<b>Согласие</b>");
        request["parse_mode"].GetString().Should().Be("HTML");
        var rows = request["reply_markup"].GetProperty("inline_keyboard");
        rows.GetArrayLength().Should().Be(2);
        rows[0][1].GetProperty("callback_data").GetString().Should().Be("consent:no");
        rows[0][0].TryGetProperty("url", out _).Should().BeFalse("null fields are omitted");
        rows[1][0].GetProperty("url").GetString().Should().Be("https://example.org/p.pdf");
        sent.MessageId.Should().BePositive();
        sent.Chat.Id.Should().Be(-1001234567890);
        sent.Date.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        sent.Date.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public async Task Plain_text_omits_parse_mode_and_reply_markup()
    {
        await _api.CreateClient().SendMessage(42, "hello");

        var request = _api.RequestsTo("sendMessage").Single();
        request.Has("parse_mode").Should().BeFalse();
        request.Has("reply_markup").Should().BeFalse();
        request.Json!.Value.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("chat_id", "text");
    }

    [Fact]
    public async Task Every_other_method_sends_the_documented_fields()
    {
        var client = _api.CreateClient();
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("OK", "ok")]]);

        await client.GetUpdates(offset: 501, limit: 100, timeout: 0);
        await client.SetWebhook("https://bot.example.org/telegram", "s3cret_-X", dropPendingUpdates: true);
        await client.DeleteWebhook(dropPendingUpdates: false);
        await client.EditMessageText(42, 7, "new *text*", ParseMode.MarkdownV2, keyboard);
        await client.EditMessageReplyMarkup(42, 7);
        await client.AnswerCallbackQuery("4382bfdwdsb323b2d9", "Сохранено", showAlert: true);
        await client.DeleteMessage(42, 7);
        await client.SetMyCommands([new BotCommand { Command = "start", Description = "Начать" }, new BotCommand { Command = "help", Description = "Помощь" }]);

        Json("getUpdates").Should().Be("""{"offset":501,"limit":100,"timeout":0}""");
        Json("setWebhook").Should().Be("""{"url":"https://bot.example.org/telegram","secret_token":"s3cret_-X","drop_pending_updates":true}""");
        Json("deleteWebhook").Should().Be("""{"drop_pending_updates":false}""");
        Json("editMessageText").Should().Be("""{"chat_id":42,"message_id":7,"text":"new *text*","parse_mode":"MarkdownV2","reply_markup":{"inline_keyboard":[[{"text":"OK","callback_data":"ok"}]]}}""");
        Json("editMessageReplyMarkup").Should().Be("""{"chat_id":42,"message_id":7}""");
        Json("answerCallbackQuery").Should().Be("""{"callback_query_id":"4382bfdwdsb323b2d9","text":"Сохранено","show_alert":true}""");
        Json("deleteMessage").Should().Be("""{"chat_id":42,"message_id":7}""");
        Json("setMyCommands").Should().Be("""{"commands":[{"command":"start","description":"Начать"},{"command":"help","description":"Помощь"}]}""");
    }

    [Fact]
    public async Task GetUpdates_reads_messages_commands_and_callback_queries()
    {
        _api.Enqueue("getUpdates", FakeBotApi.Responses.Ok("""
            [
              {"update_id":501,"message":{"message_id":10,"from":{"id":111,"is_bot":false,"first_name":"Анна","language_code":"ru"},
               "chat":{"id":111,"type":"private","first_name":"Анна"},"date":1735700000,"text":"/start inv_42",
               "entities":[{"offset":0,"length":6,"type":"bot_command"}]}},
              {"update_id":502,"callback_query":{"id":"cb1","from":{"id":111,"is_bot":false,"first_name":"Анна"},
               "message":{"message_id":11,"chat":{"id":111,"type":"private"},"date":1735700001,"text":"?",
                "reply_markup":{"inline_keyboard":[[{"text":"Да","callback_data":"consent:yes"}]]}},"chat_instance":"x","data":"consent:yes"}}
            ]
            """));

        var updates = await _api.CreateClient().GetUpdates(offset: 501);

        updates.Should().HaveCount(2);
        updates[0].UpdateId.Should().Be(501);
        updates[0].Message!.Text.Should().Be("/start inv_42");
        updates[0].Message!.Entities.Should().ContainSingle(e => e.Type == "bot_command" && e.Offset == 0 && e.Length == 6);
        updates[0].Message!.From!.LanguageCode.Should().Be("ru");
        updates[0].Message!.Date.Should().Be(new DateTime(2025, 1, 1, 2, 53, 20, DateTimeKind.Utc));
        updates[1].CallbackQuery!.Data.Should().Be("consent:yes");
        updates[1].CallbackQuery!.Message!.MessageId.Should().Be(11);
        updates[1].CallbackQuery!.Message!.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData.Should().Be("consent:yes");
    }

    [Fact]
    public async Task Bad_request_becomes_ApiRequestException_with_code_and_description()
    {
        _api.Enqueue("sendMessage", FakeBotApi.Responses.ChatNotFound());

        var act = () => _api.CreateClient().SendMessage(404, "x");

        var ex = (await act.Should().ThrowAsync<ApiRequestException>()).Which;
        ex.ErrorCode.Should().Be(400);
        ex.Description.Should().Be("Bad Request: chat not found");
        ex.Parameters.Should().BeNull();
    }

    [Fact]
    public async Task Blocked_by_user_is_403()
    {
        _api.Enqueue("sendMessage", FakeBotApi.Responses.BlockedByUser());

        var act = () => _api.CreateClient().SendMessage(111, "x");

        var ex = (await act.Should().ThrowAsync<ApiRequestException>()).Which;
        ex.ErrorCode.Should().Be(403);
        ex.Message.Should().Be("Forbidden: bot was blocked by the user");
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        _api.Enqueue("sendMessage", FakeBotApi.Responses.TooManyRequests(35));

        var act = () => _api.CreateClient().SendMessage(111, "x");

        var ex = (await act.Should().ThrowAsync<ApiRequestException>()).Which;
        ex.ErrorCode.Should().Be(429);
        ex.Parameters!.RetryAfter.Should().Be(35);
        ex.Description.Should().Be("Too Many Requests: retry after 35");
    }

    [Fact]
    public async Task Ok_false_is_an_error_even_with_http_200()
    {
        _api.Enqueue("getUpdates", 200, """{"ok":false,"error_code":409,"description":"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}""");

        var act = () => _api.CreateClient().GetUpdates();

        (await act.Should().ThrowAsync<ApiRequestException>()).Which.ErrorCode.Should().Be(409);
    }

    [Fact]
    public async Task Html_502_from_a_proxy_becomes_ApiRequestException_with_the_http_status()
    {
        _api.Enqueue("sendMessage", FakeBotApi.Responses.BadGatewayHtml());

        var act = () => _api.CreateClient().SendMessage(111, "x");

        var ex = (await act.Should().ThrowAsync<ApiRequestException>()).Which;
        ex.ErrorCode.Should().Be(502);
        ex.Message.Should().Contain("sendMessage").And.Contain("502").And.NotContain("<html");
    }

    [Theory]
    [InlineData("sendDocument")]
    [InlineData("setMyCommands")]
    public async Task Emulator_500_for_an_unsupported_method_becomes_ApiRequestException(string method)
    {
        _api.Enqueue(method, FakeBotApi.Responses.EmulatorUnsupported(method));
        var client = _api.CreateClient();

        var act = method == "setMyCommands"
            ? () => client.SetMyCommands([new BotCommand { Command = "start", Description = "Начать" }])
            : (Func<Task>)(() => client.SendDocument(1, new InputFileStream(new MemoryStream([1]), "a.txt")));

        (await act.Should().ThrowAsync<ApiRequestException>()).Which.ErrorCode.Should().Be(500);
    }

    [Fact]
    public async Task Emulator_null_results_are_tolerated()
    {
        foreach (var method in new[] { "sendMessage", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "deleteMessage", "getUpdates" })
            _api.Enqueue(method, FakeBotApi.Responses.NullResult());
        var client = _api.CreateClient();

        var sent = await client.SendMessage(111, "hi");
        await client.EditMessageText(111, 5, "edited");
        await client.EditMessageReplyMarkup(111, 5);
        await client.AnswerCallbackQuery("1");
        await client.DeleteMessage(111, 5);
        var updates = await client.GetUpdates();

        sent.MessageId.Should().Be(0, "the emulator does not say which id it gave");
        sent.Chat.Id.Should().Be(111);
        sent.Text.Should().Be("hi");
        updates.Should().BeEmpty();
    }

    [Fact]
    public async Task Emulator_millisecond_dates_are_read_as_milliseconds()
    {
        _api.Enqueue("sendMessage", FakeBotApi.Responses.Ok("""{"message_id":3,"chat":{"id":1,"type":"private"},"date":1735700000123,"text":"hi"}"""));

        var sent = await _api.CreateClient().SendMessage(1, "hi");

        sent.Date.Should().Be(new DateTime(2025, 1, 1, 2, 53, 20, 123, DateTimeKind.Utc));
    }

    [Fact]
    public async Task SendDocument_uploads_multipart_with_a_cyrillic_file_name_and_leaves_the_stream_open()
    {
        var bytes = Encoding.UTF8.GetBytes("PK fake docx");
        using var stream = new MemoryStream(bytes);

        var sent = await _api.CreateClient().SendDocument(111, new InputFileStream(stream, "Приказ №1.docx"), "<i>Проект приказа</i>", ParseMode.Html);

        var request = _api.RequestsTo("sendDocument").Should().ContainSingle().Subject;
        request.ContentType.Should().StartWith("multipart/form-data");
        request.Form.Should().Contain("chat_id", "111").And.Contain("caption", "<i>Проект приказа</i>").And.Contain("parse_mode", "HTML");
        var file = request.Files.Should().ContainSingle().Subject;
        file.Name.Should().Be("document");
        file.FileName.Should().Be("Приказ №1.docx");
        file.Content.Should().Equal(bytes);
        sent.Document!.FileName.Should().Be("Приказ №1.docx");
        sent.Caption.Should().Be("<i>Проект приказа</i>");
        stream.CanRead.Should().BeTrue("the caller owns the stream");
    }

    [Fact]
    public async Task A_hanging_request_times_out_after_the_request_timeout()
    {
        _api.EnqueueHang("sendMessage");
        var client = _api.CreateClient(requestTimeout: TimeSpan.FromMilliseconds(300));

        var act = () => client.SendMessage(111, "x");

        var ex = (await act.Should().ThrowAsync<TimeoutException>()).Which;
        ex.Message.Should().Contain("sendMessage").And.NotContain(FakeBotApi.DefaultToken);
    }

    [Fact]
    public async Task A_long_poll_gets_its_timeout_plus_grace_not_the_request_timeout()
    {
        // Longer than the 300 ms request timeout, shorter than the poll's 1 s + 1 s grace.
        _api.Enqueue("getUpdates", new FakeResponse(200, """{"ok":true,"result":[]}""", Delay: TimeSpan.FromMilliseconds(800)));
        var client = _api.CreateClient(requestTimeout: TimeSpan.FromMilliseconds(300), longPollGrace: TimeSpan.FromSeconds(5));

        var updates = await client.GetUpdates(timeout: 1);

        updates.Should().BeEmpty();
        _api.RequestsTo("getUpdates").Single()["timeout"].GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_timeout()
    {
        _api.EnqueueHang("getUpdates");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => _api.CreateClient().GetUpdates(timeout: 30, cancellationToken: cancel.Token);

        (await act.Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(cancel.Token);
    }

    private string Json(string method) => JsonSerializer.Serialize(_api.RequestsTo(method).Single().Json, TelegramJson.Options);
}
