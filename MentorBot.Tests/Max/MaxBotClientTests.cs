using System.Text;
using MentorBot.Host.Max;

namespace MentorBot.Tests.Max;

/// <summary>The MAX client against the fake MAX Bot API: what goes over the wire and what comes back.</summary>
public sealed class MaxBotClientTests : IAsyncLifetime
{
    private const long Anna = 1001;
    private readonly FakeMaxApi _api = new();
    private MaxBotClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task GetMyInfo_sends_the_token_in_the_Authorization_header_and_never_in_the_URL()
    {
        var me = await _client.GetMyInfo();

        me.UserId.Should().Be(FakeMaxApi.BotUserId);
        me.Username.Should().Be("mentor_test_bot");
        me.IsBot.Should().BeTrue();
        var request = _api.RequestsTo("GET /me").Single();
        request.Authorization.Should().Be(FakeMaxApi.Token);
        request.Url.Should().NotContain(FakeMaxApi.Token).And.NotContain("access_token");
    }

    [Fact]
    public async Task A_message_to_a_user_carries_html_text_a_keyboard_of_callback_buttons_and_notify()
    {
        var sent = await _client.SendMessageToUser(4242, new NewMessageBody
        {
            Text = "<b>Согласие</b> на обработку персональных данных",
            Format = TextFormats.Html,
            Notify = false,
            Attachments =
            [
                AttachmentRequest.InlineKeyboard([
                    [Button.Callback("Согласен", "consent:yes"), Button.Callback("Не согласен", "consent:no")],
                    [Button.Link("Политика", "https://school.example/pd")],
                ]),
            ],
        });

        var request = _api.RequestsTo("POST /messages").Single();
        request.Query.Should().Equal(new Dictionary<string, string> { ["user_id"] = "4242" });
        request["text"].GetString().Should().Be("<b>Согласие</b> на обработку персональных данных");
        request["format"].GetString().Should().Be("html");
        request["notify"].GetBoolean().Should().BeFalse();
        var keyboard = request["attachments"][0];
        keyboard.GetProperty("type").GetString().Should().Be("inline_keyboard");
        var rows = keyboard.GetProperty("payload").GetProperty("buttons");
        rows[0][1].GetProperty("type").GetString().Should().Be("callback");
        rows[0][1].GetProperty("text").GetString().Should().Be("Не согласен");
        rows[0][1].GetProperty("payload").GetString().Should().Be("consent:no");
        rows[1][0].GetProperty("url").GetString().Should().Be("https://school.example/pd");
        rows[1][0].TryGetProperty("payload", out _).Should().BeFalse("a link button has no payload");

        sent.Body!.Mid.Should().StartWith("mid.");
        sent.Recipient.UserId.Should().Be(4242);
        sent.Recipient.ChatType.Should().Be(ChatTypes.Dialog);
        sent.Body.Attachments!.Single().Payload!.Buttons![0][0].Payload.Should().Be("consent:yes");
        sent.Time.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(FakeMaxApi.Now));
    }

    [Fact]
    public async Task A_message_to_a_chat_names_the_chat_and_leaves_notify_to_the_API_default()
    {
        var sent = await _client.SendMessageToChat(-77001, new NewMessageBody { Text = "Встреча в 15:00" }, disableLinkPreview: true);

        var request = _api.RequestsTo("POST /messages").Single();
        request.Query.Should().Equal(new Dictionary<string, string> { ["chat_id"] = "-77001", ["disable_link_preview"] = "true" });
        request.Has("notify").Should().BeFalse();
        request.Has("format").Should().BeFalse();
        request.Has("attachments").Should().BeFalse();
        sent.Recipient.ChatId.Should().Be(-77001);
    }

    [Fact]
    public async Task Texts_and_keyboards_beyond_the_limits_are_refused_before_anything_is_sent()
    {
        var tooLong = () => _client.SendMessageToUser(1, new NewMessageBody { Text = new string('я', MaxLimits.MessageText + 1) });
        var eightInARow = () => _client.SendMessageToUser(1, new NewMessageBody
        {
            Text = "x",
            Attachments = [AttachmentRequest.InlineKeyboard([Enumerable.Range(1, 8).Select(i => Button.Callback($"{i}", $"p{i}")).ToArray()])],
        });
        var longPayload = () => _client.SendMessageToUser(1, new NewMessageBody
        {
            Text = "x",
            Attachments = [AttachmentRequest.InlineKeyboard([[Button.Callback("ok", new string('p', MaxLimits.CallbackPayload + 1))]])],
        });

        await tooLong.Should().ThrowAsync<ArgumentException>().WithMessage("*4000*");
        await eightInARow.Should().ThrowAsync<ArgumentException>();
        await longPayload.Should().ThrowAsync<ArgumentException>().WithMessage("*1024*");
        await _client.SendMessageToUser(1, new NewMessageBody { Text = new string('я', MaxLimits.MessageText) });
        _api.RequestsTo("POST /messages").Should().ContainSingle().Which["text"].GetString().Should().HaveLength(4000);
    }

    [Fact]
    public async Task An_edit_names_the_message_keeps_attachments_when_null_and_removes_them_when_empty()
    {
        await _client.EditMessage("mid.0001", new NewMessageBody { Text = "Ответ записан", Format = TextFormats.Html });
        await _client.EditMessage("mid.0001", new NewMessageBody { Text = "Ответ записан", Attachments = [] });

        var edits = _api.RequestsTo("PUT /messages");
        edits.Should().HaveCount(2).And.OnlyContain(r => r.Query["message_id"] == "mid.0001");
        edits[0].Has("attachments").Should().BeFalse("null leaves the keyboard as it is");
        edits[1]["attachments"].GetArrayLength().Should().Be(0, "an empty list removes the keyboard");
    }

    [Fact]
    public async Task Delete_and_answer_on_callback_name_their_target_and_fail_on_success_false()
    {
        await _client.DeleteMessage("mid.0002");
        await _client.AnswerOnCallback("cb.123", new CallbackAnswer { Notification = "Сохранено" });
        _api.Enqueue("POST /answers", new MaxFakeResponse(200, """{"success":false,"message":"Callback expired"}"""));
        var expired = () => _client.AnswerOnCallback("cb.124", new CallbackAnswer { Message = new NewMessageBody { Text = "Готово", Attachments = [] } });

        _api.RequestsTo("DELETE /messages").Single().Query["message_id"].Should().Be("mid.0002");
        var answer = _api.RequestsTo("POST /answers").Single();
        answer.Query["callback_id"].Should().Be("cb.123");
        answer["notification"].GetString().Should().Be("Сохранено");
        answer.Has("message").Should().BeFalse();
        var ex = (await expired.Should().ThrowAsync<MaxApiException>()).Which;
        ex.Description.Should().Be("Callback expired");
        ex.IsTransient.Should().BeFalse();
        _api.RequestsTo("POST /answers").Last()["message"].GetProperty("text").GetString().Should().Be("Готово");
    }

    [Fact]
    public async Task Updates_come_by_marker_filtered_by_type_and_each_keeps_its_JSON_as_received()
    {
        _api.PushUpdate(MaxUpdateJson.Started(Anna, "inv_Q2xv"));
        var first = await _client.GetUpdates(types: UpdateTypes.Handled, timeout: 0);
        _api.PushUpdate(MaxUpdateJson.Text(Anna, "Провели встречу с Анной", "mid.0000000000000a01", name: "Анна"));
        _api.PushUpdate("""{"update_type":"dialog_muted","timestamp":1796018400000,"chat_id":7001001,"user":{"user_id":1001,"first_name":"Анна","is_bot":false}}""");
        _api.PushUpdate(MaxUpdateJson.Press(Anna, "meet:confirm:17", "cb.f00d"));

        var second = await _client.GetUpdates(first.Marker, limit: 100, timeout: 30, types: UpdateTypes.Handled);
        var third = await _client.GetUpdates(second.Marker, timeout: 0, types: UpdateTypes.Handled);

        first.Updates.Should().ContainSingle().Which.Payload.Should().Be("inv_Q2xv");
        second.Updates.Select(u => u.UpdateType).Should().Equal(UpdateTypes.MessageCreated, UpdateTypes.MessageCallback);
        third.Updates.Should().BeEmpty();
        third.Marker.Should().Be(second.Marker);
        var polls = _api.RequestsTo("GET /updates");
        polls[0].Query.Should().NotContainKey("marker");
        polls[1].Query["marker"].Should().Be(first.Marker!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        polls[1].Query["types"].Should().Be("message_created,message_callback,message_edited,bot_started,bot_stopped,bot_added,bot_removed");
        polls[1].Query["timeout"].Should().Be("30");
        polls[1].Query["limit"].Should().Be("100");
        second.Updates[0].Json.Should().Be(MaxUpdateJson.Text(Anna, "Провели встречу с Анной", "mid.0000000000000a01", name: "Анна"));
    }

    [Fact]
    public async Task Every_update_type_we_handle_reads_into_its_fields()
    {
        Update Read(string json) => MaxJson.ReadUpdate(json);

        var created = Read(MaxUpdateJson.Text(Anna, "Привет", "mid.0000000000000a01", name: "Анна"));
        created.Message!.Sender!.UserId.Should().Be(Anna);
        created.Message.Sender.FirstName.Should().Be("Анна");
        created.Message.Recipient.ChatId.Should().Be(MaxUpdateJson.DialogOf(Anna));
        created.Message.Recipient.ChatType.Should().Be(ChatTypes.Dialog);
        created.Message.Body!.Mid.Should().Be("mid.0000000000000a01");
        created.Message.Body.Text.Should().Be("Привет");
        created.UserLocale.Should().Be("ru");

        var press = Read(MaxUpdateJson.Press(Anna, "rm:open", "cb.f00d"));
        press.Callback!.CallbackId.Should().Be("cb.f00d");
        press.Callback.Payload.Should().Be("rm:open");
        press.Callback.User.UserId.Should().Be(Anna);
        press.Message!.Body!.Mid.Should().Be("mid.bot-cb.f00d");

        var edited = Read(MaxUpdateJson.Edited(Anna, "Встреча 12.11, 40 минут", "mid.0000000000000a01", FakeMaxApi.Now, FakeMaxApi.Now + 60_000));
        (edited.UpdateType, edited.Message!.Body!.Mid, edited.Message.Body.Text).Should().Be((UpdateTypes.MessageEdited, "mid.0000000000000a01", "Встреча 12.11, 40 минут"));

        var started = Read(MaxUpdateJson.Started(Anna, "inv_Q2xv"));
        (started.ChatId, started.User!.UserId, started.Payload).Should().Be((MaxUpdateJson.DialogOf(Anna), Anna, "inv_Q2xv"));
        MaxDeepLinks.StartCommand(started.Payload).Should().Be("/start inv_Q2xv");
        MaxDeepLinks.StartCommand(Read(MaxUpdateJson.Started(Anna, null)).Payload).Should().Be("/start");

        var added = Read("""{"update_type":"bot_added","timestamp":1796018400000,"chat_id":-77001,"user":{"user_id":1002,"first_name":"Ольга","is_bot":false},"is_channel":false}""");
        (added.ChatId, added.User!.UserId, added.IsChannel).Should().Be((-77001L, 1002L, false));
        Read("""{"update_type":"bot_removed","timestamp":1796018400000,"chat_id":-77001,"user":{"user_id":1002,"first_name":"Ольга","is_bot":false},"is_channel":false}""")
            .UpdateType.Should().Be(UpdateTypes.BotRemoved);

        var withFile = Read(MaxUpdateJson.File(Anna, "https://fu.oneme.ru/get?sig=x", "Дорожная карта.txt", 2048, "mid.0000000000000c01"));
        var file = withFile.Message!.Body!.Attachments!.Single();
        (file.Type, file.Filename, file.Size, file.Payload!.Url, file.Payload.Token)
            .Should().Be((AttachmentTypes.File, "Дорожная карта.txt", 2048L, "https://fu.oneme.ru/get?sig=x", "file-token"));

        var notAnUpdate = () => MaxJson.ReadUpdate("""{"timestamp":1}""");
        notAnUpdate.Should().Throw<System.Text.Json.JsonException>();
    }

    [Fact]
    public async Task Subscriptions_are_created_listed_and_removed_with_url_types_and_secret()
    {
        const string hook = "https://bot.school.example/max/webhook?x=1&y=2";
        await _client.Subscribe(new SubscriptionRequestBody { Url = hook, UpdateTypes = UpdateTypes.Handled, Secret = "s3cret_Value-1" });

        var subscriptions = await _client.GetSubscriptions();
        await _client.Unsubscribe(hook);
        var afterwards = await _client.GetSubscriptions();
        var again = () => _client.Unsubscribe(hook);
        var plainHttp = () => _client.Subscribe(new SubscriptionRequestBody { Url = "http://bot.school.example/hook" });
        var badSecret = () => _client.Subscribe(new SubscriptionRequestBody { Url = hook, Secret = "a b" });

        var request = _api.RequestsTo("POST /subscriptions").Single();
        request["url"].GetString().Should().Be(hook);
        request["secret"].GetString().Should().Be("s3cret_Value-1");
        request["update_types"].EnumerateArray().Select(e => e.GetString()).Should().Equal(UpdateTypes.Handled);
        subscriptions.Should().ContainSingle().Which.Url.Should().Be(hook);
        subscriptions[0].UpdateTypes.Should().Equal(UpdateTypes.Handled);
        _api.RequestsTo("DELETE /subscriptions")[0].Query["url"].Should().Be(hook, "the URL travels escaped in the query");
        afterwards.Should().BeEmpty();
        (await again.Should().ThrowAsync<MaxApiException>()).Which.Description.Should().Be("Subscription not found");
        await plainHttp.Should().ThrowAsync<ArgumentException>();
        await badSecret.Should().ThrowAsync<ArgumentException>();
        _api.RequestsTo("POST /subscriptions").Should().HaveCount(1, "refused bodies are never sent");
    }

    [Fact]
    public async Task A_document_is_uploaded_without_the_token_and_sent_as_the_messages_file_attachment()
    {
        var content = Encoding.UTF8.GetBytes("Приказ о закреплении наставнических пар");
        using var stream = new MemoryStream(content);

        var endpoint = await _client.GetUploadUrl(UploadTypes.File);
        var uploaded = await _client.UploadFile(endpoint.Url, "Приказ.docx", stream);
        var sent = await _client.SendMessageToUser(4242, new NewMessageBody { Text = "Проект приказа", Attachments = [AttachmentRequest.File(uploaded.Token)] });
        var fileAndKeyboard = () => _client.SendMessageToUser(4242, new NewMessageBody
        {
            Attachments = [AttachmentRequest.File(uploaded.Token), AttachmentRequest.InlineKeyboard([[Button.Callback("ok", "ok")]])],
        });

        _api.RequestsTo("POST /uploads").Single().Query["type"].Should().Be("file");
        var upload = _api.RequestsTo("POST /upload.do").Single();
        upload.Authorization.Should().BeNull("the token is for the API host, not the upload host");
        upload.Files.Should().ContainSingle().Which.Should().BeEquivalentTo(new MaxUploadedFile("data", "Приказ.docx", content));
        stream.CanRead.Should().BeTrue("the caller's stream stays open");
        var message = _api.RequestsTo("POST /messages").Single();
        message["attachments"][0].GetProperty("type").GetString().Should().Be("file");
        message["attachments"][0].GetProperty("payload").GetProperty("token").GetString().Should().Be(uploaded.Token);
        sent.Body!.Attachments!.Single().Payload!.Token.Should().Be(uploaded.Token);
        await fileAndKeyboard.Should().ThrowAsync<ArgumentException>().WithMessage("*only attachment*");
    }

    [Fact]
    public async Task A_received_file_is_downloaded_from_its_URL_without_the_token()
    {
        // Every byte value: a text file in windows-1251 must arrive byte for byte.
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var url = _api.AddFile("roadmap.txt", bytes);
        using var destination = new MemoryStream();

        await _client.DownloadFile(url, destination);
        var missing = () => _client.DownloadFile(url.Replace("roadmap", "other", StringComparison.Ordinal), new MemoryStream());

        destination.ToArray().Should().Equal(bytes);
        _api.Requests.First(r => r.Path == "/files/roadmap.txt").Authorization.Should().BeNull();
        (await missing.Should().ThrowAsync<MaxApiException>()).Which.StatusCode.Should().Be(404);
    }
}
