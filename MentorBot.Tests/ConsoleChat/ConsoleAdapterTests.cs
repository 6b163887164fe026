using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Host.ConsoleChat;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Tests.ConsoleChat;

/// <summary>
/// The console chat is a messenger of its own (issue 16): its updates read into the pipeline's input, replies render
/// into its own payloads, and its delivery prints them as the person sees them in the terminal.
/// </summary>
public sealed class ConsoleAdapterTests : IDisposable
{
    private readonly ConsoleAdapter adapter = new();
    private readonly StringWriter output = new();
    private readonly string documents = Path.Combine(Path.GetTempPath(), "mentorbot-console-" + Guid.NewGuid().ToString("N"));
    private readonly ConsoleTranscript transcript;
    private readonly ConsoleDelivery delivery;

    public ConsoleAdapterTests()
    {
        transcript = new ConsoleTranscript(output, documents);
        delivery = new ConsoleDelivery(transcript);
    }

    public void Dispose()
    {
        if (Directory.Exists(documents)) Directory.Delete(documents, recursive: true);
    }

    private static string Json(ConsoleUpdate update) => JsonSerializer.Serialize(update, ConsoleUpdate.Json);

    private async Task<string?> DeliverAsync(OutboxMessage message) =>
        await delivery.DeliverAsync(new ClaimedOutboxRow(1, message.ChatId, message.Kind, message.PayloadJson, 1), default);

    [Fact]
    public void A_text_a_press_and_a_file_read_as_the_pipelines_input_from_the_typing_user()
    {
        var text = adapter.Read("console", 7, Json(new ConsoleUpdate(2, Text: "/help")))!;
        text.Should().Be(new IncomingUpdate("console", 7, 2, false, new Sender(2, "Пользователь 2", null, null), new CommandInput("help", null), null, "7"));
        text.Messenger.Should().Be(Messengers.Console);

        var press = adapter.Read("console", 8, Json(new ConsoleUpdate(2, Press: new ConsolePress(3, "invite:new:mentor"))))!;
        press.Input.Should().Be(new ChoiceInput("invite:new:mentor"));
        press.MessageId.Should().Be("3", "the press refers to the printed message its button is under");
        press.CallbackQueryId.Should().NotBeNull();

        var file = adapter.Read("console", 9, Json(new ConsoleUpdate(1, File: new ConsoleFile("/tmp/roadmap.docx", "roadmap.docx", 1234))))!;
        file.Input.Should().Be(new DocumentInput("console:/tmp/roadmap.docx", "roadmap.docx", 1234));
        Messengers.OfFileId(((DocumentInput)file.Input).FileId).Should().Be(Messengers.Console);
    }

    [Fact]
    public async Task A_reply_prints_numbered_as_plain_text_with_numbered_buttons_and_the_press_answer_as_a_notice()
    {
        var rows = adapter.Render(new Reply("Кого <b>пригласить</b> в «Лицей &amp; школа»?", [[new Choice("Наставника", "invite:new:mentor")], [new Choice("Куратора", "invite:new:curator")]], IsHtml: true),
            1, false, "upd:console:1:0", DateTimeOffset.UnixEpoch);

        rows.Should().ContainSingle().Which.Should().Match<OutboxMessage>(r => r.Kind == OutboxKind.Message && r.Messenger == Messengers.Console && r.Paced);
        (await DeliverAsync(rows[0])).Should().Be("1", "a console message's id is its number in the transcript");
        await DeliverAsync(adapter.AnswerChoice("console-2", 1, "Сохранено", "a", DateTimeOffset.UnixEpoch));
        await DeliverAsync(adapter.AnswerChoice("console-3", 1, null, "b", DateTimeOffset.UnixEpoch));

        output.ToString().ReplaceLineEndings("\n").Should().Be("""

            🤖 №1 → 1: Кого пригласить в «Лицей & школа»?
               [1] Наставника
               [2] Куратора
              (всплывающее уведомление: Сохранено)

            """);
        transcript.Keyboard(1, 1)!.Select(b => b.Data).Should().Equal("invite:new:mentor", "invite:new:curator");
        transcript.Keyboard(2, 1).Should().BeNull("user 2 cannot press a button of user 1's chat");
    }

    [Fact]
    public async Task An_edit_prints_the_message_again_and_changed_buttons_are_the_ones_pressed()
    {
        await DeliverAsync(adapter.Render(Reply.WithChoices("Придёте?", new Choice("Да", "ev:yes")), 1, false, "k", DateTimeOffset.UnixEpoch)[0]);
        var edit = new ConsoleEditPayload(1, "Вы придёте", []);

        await delivery.DeliverAsync(new ClaimedOutboxRow(2, 1, OutboxKind.EditText, JsonSerializer.Serialize(edit, ConsoleUpdate.Json), 1), default);
        await delivery.DeliverAsync(new ClaimedOutboxRow(3, 1, OutboxKind.EditChoices, JsonSerializer.Serialize(new ConsoleEditPayload(1, null, [new ConsoleButton("Отменить", "ev:no")]), ConsoleUpdate.Json), 1), default);

        output.ToString().Should().Contain("🤖 №1 → 1 (изменено): Вы придёте");
        transcript.Keyboard(1, 1)!.Single().Data.Should().Be("ev:no");
        transcript.LatestMessage(1).Should().Be(1, "an edit is not a new message");
    }

    [Fact]
    public async Task Documents_and_pictures_are_saved_into_the_folder_under_free_names_and_their_paths_printed()
    {
        await DeliverAsync(adapter.RenderDocument("Приказ.docx", [1, 2, 3], "Проект <b>приказа</b>", 1, false, "d1", DateTimeOffset.UnixEpoch));
        await DeliverAsync(adapter.RenderDocument("Приказ.docx", [4], null, 1, false, "d2", DateTimeOffset.UnixEpoch));
        await DeliverAsync(adapter.RenderPhoto([9, 9], null, 1, false, "p", DateTimeOffset.UnixEpoch));

        var first = Path.Combine(documents, "Приказ.docx");
        var second = Path.Combine(documents, "Приказ (2).docx");
        (await File.ReadAllBytesAsync(first)).Should().Equal(1, 2, 3);
        (await File.ReadAllBytesAsync(second)).Should().Equal(4);
        (await File.ReadAllBytesAsync(Path.Combine(documents, ConsoleAdapter.PhotoFileName))).Should().Equal(9, 9);
        output.ToString().Should().Contain($"🤖 №1 → 1: 📎 документ сохранён: {first} (3 байт)").And.Contain("   Проект приказа")
            .And.Contain($"🤖 №2 → 1: 📎 документ сохранён: {second} (1 байт)");
    }

    [Fact]
    public async Task A_file_sent_with_slash_file_is_read_back_from_disk_and_refused_over_the_limit()
    {
        Directory.CreateDirectory(documents);
        var path = Path.Combine(documents, "roadmap.txt");
        await File.WriteAllBytesAsync(path, [1, 2, 3, 4]);
        var downloads = new ConsoleDocumentDownloads();
        var document = new DocumentInput(Messengers.ConsoleFileIdPrefix + path, "roadmap.txt", 4);

        (await downloads.DownloadAsync(document, 10, default)).Should().Equal(1, 2, 3, 4);
        (await downloads.DownloadAsync(document, 3, default)).Should().BeNull();
        await FluentActions.Awaiting(() => downloads.DownloadAsync(document with { FileId = Messengers.ConsoleFileIdPrefix + path + ".gone" }, 10, default))
            .Should().ThrowAsync<DocumentDownloadException>();
    }
}
