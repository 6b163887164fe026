using System.Text;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Max;
using MentorBot.Host.Outbox;

namespace MentorBot.Tests.Max;

/// <summary>
/// MAX's delivery performs the rows the MAX adapter renders against the fake MAX Bot API over HTTP and tells the sender
/// how to react to MAX's refusals (issue 16: each messenger has its own error mapping).
/// </summary>
public sealed class MaxDeliveryTests : IAsyncLifetime
{
    private const long Chat = 9_000_000_501;
    private readonly FakeMaxApi api = new();
    private readonly MaxAdapter adapter = new();
    private MaxDelivery delivery = null!;

    public Task InitializeAsync()
    {
        delivery = new MaxDelivery(api.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    private static ClaimedOutboxRow Row(OutboxMessage message) => new(1, message.ChatId, message.Kind, message.PayloadJson, 1);

    [Fact]
    public async Task A_file_not_ready_yet_is_sent_again_with_the_same_upload_not_uploaded_again()
    {
        var row = adapter.RenderDocument("Отчёт.pdf", Encoding.UTF8.GetBytes("%PDF"), null, Chat, false, "k.doc", DateTimeOffset.UnixEpoch);
        api.Enqueue("POST /messages", FakeMaxApi.Responses.AttachmentNotReady());
        api.Enqueue("POST /messages", FakeMaxApi.Responses.AttachmentNotReady());

        await new MaxDelivery(api.CreateClient(), notReadyPause: TimeSpan.Zero).DeliverAsync(Row(row), default);

        api.RequestsTo("POST /uploads").Should().ContainSingle();
        api.RequestsTo("POST /upload.do").Should().ContainSingle("the file is uploaded once");
        var sends = api.RequestsTo("POST /messages");
        sends.Should().HaveCount(3, "two refusals, then the message goes");
        sends.Select(s => s["attachments"][0].GetProperty("payload").GetProperty("token").GetString()).Distinct().Should().ContainSingle("the same upload each time");
    }

    [Fact]
    public async Task A_file_still_not_ready_after_the_tries_is_a_transient_failure_of_the_attempt()
    {
        var row = adapter.RenderDocument("Отчёт.pdf", Encoding.UTF8.GetBytes("%PDF"), null, Chat, false, "k.doc", DateTimeOffset.UnixEpoch);
        for (var i = 0; i < MaxDelivery.NotReadySends; i++) api.Enqueue("POST /messages", FakeMaxApi.Responses.AttachmentNotReady());

        var failure = await FluentActions.Awaiting(() => new MaxDelivery(api.CreateClient(), notReadyPause: TimeSpan.Zero).DeliverAsync(Row(row), default))
            .Should().ThrowAsync<DeliveryException>();

        failure.Which.Failure.Should().Be(DeliveryFailure.Transient);
        api.RequestsTo("POST /upload.do").Should().ContainSingle();
        api.RequestsTo("POST /messages").Should().HaveCount(MaxDelivery.NotReadySends);
    }

    [Fact]
    public async Task A_reply_with_choices_is_sent_to_the_chat_with_its_keyboard()
    {
        var row = adapter.Render(Reply.WithChoices("Вы согласны?", new Choice("Да", "consent:yes")), Chat, false, "k", DateTimeOffset.UnixEpoch).Single();

        await delivery.DeliverAsync(Row(row), default);

        var sent = api.RequestsTo("POST /messages").Single();
        sent.Query["chat_id"].Should().Be(Chat.ToString());
        sent["text"].GetString().Should().Be("Вы согласны?");
        sent["format"].GetString().Should().Be("html");
        sent["attachments"][0].GetProperty("payload").GetProperty("buttons")[0][0].GetProperty("payload").GetString().Should().Be("consent:yes");
    }

    [Fact]
    public async Task A_document_is_uploaded_then_sent_as_the_messages_only_attachment_with_its_caption()
    {
        var content = Encoding.UTF8.GetBytes("приказ");
        var row = adapter.RenderDocument("Приказ.docx", content, "Проект приказа", Chat, false, "k.doc", DateTimeOffset.UnixEpoch);

        await delivery.DeliverAsync(Row(row), default);

        api.RequestsTo("POST /uploads").Single().Query["type"].Should().Be("file");
        api.RequestsTo("POST /upload.do").Single().Files.Single().Should().BeEquivalentTo(new MaxUploadedFile("data", "Приказ.docx", content));
        var sent = api.RequestsTo("POST /messages").Single();
        sent["text"].GetString().Should().Be("Проект приказа");
        sent["attachments"].GetArrayLength().Should().Be(1);
        sent["attachments"][0].GetProperty("type").GetString().Should().Be("file");
        sent["attachments"][0].GetProperty("payload").GetProperty("token").GetString().Should().StartWith("file-token-");
    }

    [Fact]
    public async Task A_press_with_a_toast_is_answered_and_a_silent_one_makes_no_call()
    {
        await delivery.DeliverAsync(Row(adapter.AnswerChoice("cb-1", Chat, "Сохранено", "a", DateTimeOffset.UnixEpoch)), default);
        await delivery.DeliverAsync(Row(adapter.AnswerChoice("cb-2", Chat, null, "b", DateTimeOffset.UnixEpoch)), default);

        var answer = api.RequestsTo("POST /answers").Single();
        answer.Query["callback_id"].Should().Be("cb-1");
        answer["notification"].GetString().Should().Be("Сохранено");
    }

    public static TheoryData<MaxFakeResponse, DeliveryFailure> Refusals() => new()
    {
        { FakeMaxApi.Responses.TooManyRequests(), DeliveryFailure.RateLimited },
        { FakeMaxApi.Responses.Forbidden(), DeliveryFailure.Blocked },
        { FakeMaxApi.Responses.BadRequest(), DeliveryFailure.Permanent },
        { FakeMaxApi.Responses.ServiceUnavailable(), DeliveryFailure.Transient },
        { FakeMaxApi.Responses.BadGatewayHtml(), DeliveryFailure.Transient },
        { FakeMaxApi.Responses.AttachmentNotReady(), DeliveryFailure.Transient },
        { FakeMaxApi.Responses.InvalidToken(), DeliveryFailure.Transient },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Maxs_refusals_are_told_to_the_sender_without_the_token(MaxFakeResponse response, DeliveryFailure expected)
    {
        api.Enqueue("POST /messages", response);
        var row = adapter.Render(Reply.Plain("Привет"), Chat, false, "k", DateTimeOffset.UnixEpoch).Single();

        var failure = (await delivery.Invoking(d => d.DeliverAsync(Row(row), default)).Should().ThrowAsync<DeliveryException>()).Which;

        failure.Failure.Should().Be(expected);
        failure.Message.Should().NotContain(FakeMaxApi.Token);
        if (expected == DeliveryFailure.RateLimited) failure.RetryAfter.Should().Be(MaxDelivery.DefaultRetryAfter, "MAX documents no Retry-After");
    }
}
