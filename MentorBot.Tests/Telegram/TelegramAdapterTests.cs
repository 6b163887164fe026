using System.Text;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Telegram;
using Telegram.Bot;

namespace MentorBot.Tests.Telegram;

/// <summary>
/// The Telegram adapter (DESIGN.md decision 2): replies become outbox rows a person can read (HTML escaped,
/// long texts split at line breaks, keyboard under the last part, callback data within 64 bytes), and
/// Bot API updates become the pipeline's inputs.
/// </summary>
public sealed class TelegramAdapterTests
{
    private static readonly DateTimeOffset Due = new(2026, 9, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly TelegramAdapter adapter = new();

    private static SendMessagePayload Payload(OutboxMessage message) =>
        JsonSerializer.Deserialize<SendMessagePayload>(message.PayloadJson, JsonBotAPI.Options)!;

    [Fact]
    public void Plain_text_is_html_escaped_ampersand_first()
    {
        var rows = adapter.Render(Reply.Plain("Tom & Jerry <script> a > b, &amp; stays literal"), 42, false, "k", Due);

        var row = rows.Should().ContainSingle().Subject;
        Payload(row).Text.Should().Be("Tom &amp; Jerry &lt;script&gt; a &gt; b, &amp;amp; stays literal");
        row.ChatId.Should().Be(42);
        row.Kind.Should().Be(OutboxKind.Message);
        row.IdempotencyKey.Should().Be("k.0");
        row.DueAt.Should().Be(Due);
        row.Paced.Should().BeTrue();
        row.IsGroup.Should().BeFalse();
        Payload(row).ReplyMarkup.Should().BeNull();
    }

    [Fact]
    public void Html_text_is_kept_as_written()
    {
        var rows = adapter.Render(Reply.Formatted("<b>Встреча</b> в 15:00 &amp; <i>кабинет 3</i>"), 42, true, "k", Due);

        Payload(rows.Single()).Text.Should().Be("<b>Встреча</b> в 15:00 &amp; <i>кабинет 3</i>");
        rows.Single().IsGroup.Should().BeTrue();
    }

    [Fact]
    public void A_9000_character_text_becomes_three_messages_split_at_line_breaks_with_the_keyboard_under_the_last()
    {
        var lines = Enumerable.Range(0, 90).Select(i => $"{i:D2} " + new string((char)('a' + i % 26), 96)).ToList();
        var text = string.Join("\n", lines);
        text.Length.Should().BeGreaterThan(8990);
        var reply = Reply.WithChoices(text, new Choice("Дальше", "roadmap:next"), new Choice("Стоп", "roadmap:stop"));

        var rows = adapter.Render(reply, 7, false, "upd:telegram:5:0", Due);

        rows.Should().HaveCount(3);
        rows.Select(r => r.IdempotencyKey).Should().Equal("upd:telegram:5:0.0", "upd:telegram:5:0.1", "upd:telegram:5:0.2");
        var parts = rows.Select(Payload).ToList();
        parts.Should().OnlyContain(p => p.Text.Length <= TelegramAdapter.MaxMessageLength && p.Text.Length > 0);
        // Split at line breaks: every part is whole lines, and together they are the text.
        parts.SelectMany(p => p.Text.Split('\n')).Should().Equal(lines);
        parts[0].ReplyMarkup.Should().BeNull();
        parts[1].ReplyMarkup.Should().BeNull();
        var keyboard = parts[2].ReplyMarkup!.InlineKeyboard.Select(row => row.Select(b => (b.Text, b.CallbackData)).ToList()).ToList();
        keyboard.Should().HaveCount(2);
        keyboard[0].Should().Equal(("Дальше", "roadmap:next"));
        keyboard[1].Should().Equal(("Стоп", "roadmap:stop"));
        rows.Should().OnlyContain(r => r.DueAt == Due && r.ChatId == 7 && r.Paced);
    }

    [Fact]
    public void Splitting_never_makes_a_part_longer_than_4096_even_after_escaping()
    {
        // Escaping makes the text longer; the limit applies to what is sent.
        var text = string.Join("\n", Enumerable.Range(0, 300).Select(i => $"{i} <b> & <i>"));
        var rows = adapter.Render(Reply.Plain(text), 7, false, "k", Due);

        rows.Select(Payload).Should().OnlyContain(p => p.Text.Length <= TelegramAdapter.MaxMessageLength);
        string.Join("\n", rows.Select(r => Payload(r).Text)).Should().Be(Html.Escape(text));
    }

    [Fact]
    public void Callback_data_of_65_bytes_is_refused()
    {
        var data = new string('д', 32) + "x";
        Encoding.UTF8.GetByteCount(data).Should().Be(65);

        var act = () => adapter.Render(Reply.WithChoices("Выберите", new Choice("Да", "ok"), new Choice("Длинная", data)), 1, false, "k", Due);

        act.Should().Throw<ArgumentException>().WithMessage("*Длинная*64 bytes*");
    }

    [Fact]
    public void Callback_data_of_33_cyrillic_letters_is_refused()
    {
        var act = () => adapter.Render(Reply.WithChoices("Выберите", new Choice("Да", new string('я', 33))), 1, false, "k", Due);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Empty_callback_data_is_refused()
    {
        var act = () => adapter.Render(Reply.WithChoices("Выберите", new Choice("Пусто", "")), 1, false, "k", Due);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Callback_data_of_exactly_64_bytes_passes()
    {
        var data = new string('д', 32);
        Encoding.UTF8.GetByteCount(data).Should().Be(64);

        var rows = adapter.Render(Reply.WithChoices("Выберите", new Choice("Да", data)), 1, false, "k", Due);

        Payload(rows.Single()).ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData.Should().Be(data);
    }

    [Fact]
    public void A_photo_is_a_paced_sendPhoto_row_with_its_caption_shortened_to_1024()
    {
        var row = adapter.RenderPhoto([1, 2, 3], new string('ж', 1500), -1005, true, "bg:digest.photo", Due);

        row.Kind.Should().Be(OutboxKind.Photo);
        row.Paced.Should().BeTrue("a photo is a message: the chat's pacing and order apply");
        row.IsGroup.Should().BeTrue();
        var payload = JsonSerializer.Deserialize<SendPhotoPayload>(row.PayloadJson, JsonBotAPI.Options)!;
        payload.Content.Should().Equal(1, 2, 3);
        payload.Caption!.Length.Should().Be(TelegramAdapter.MaxCaptionLength);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(TelegramAdapter.MaxPhotoBytes + 1)]
    public void A_photo_the_Bot_API_would_refuse_is_refused_before_it_is_queued(int size)
    {
        var act = () => adapter.RenderPhoto(new byte[size], null, 5, false, "k", Due);

        act.Should().Throw<ArgumentException>().WithMessage("*10 MB*");
    }

    [Fact]
    public void A_callback_answer_is_not_paced_and_its_text_is_shortened_to_200()
    {
        var row = adapter.AnswerChoice("cb-77", 5, new string('ж', 250), "upd:1:answer", Due);

        row.Paced.Should().BeFalse();
        row.Kind.Should().Be(OutboxKind.AnswerChoice);
        var payload = JsonSerializer.Deserialize<AnswerCallbackQueryPayload>(row.PayloadJson, JsonBotAPI.Options)!;
        payload.CallbackQueryId.Should().Be("cb-77");
        payload.Text!.Length.Should().Be(TelegramAdapter.MaxCallbackAnswerLength);
    }

    [Fact]
    public void Inbox_rows_written_before_Telegram_Bot_still_read()
    {
        // Exactly what our own serializer stored (snake_case, nulls omitted, raw Cyrillic, no chat_instance,
        // no file_unique_id): a text as the console chat wrote them then, a button press from the emulator, a document.
        var text = adapter.Read("telegram", 7, """
            {"update_id":7,"message":{"message_id":7,"from":{"id":1,"is_bot":false,"first_name":"Пользователь 1"},"chat":{"id":1,"type":"private"},"date":1788242400,"text":"/start inv_AbC"}}
            """)!;
        var press = adapter.Read("telegram", 1002, """
            {"update_id":1002,"callback_query":{"id":"cb1002","from":{"id":111,"is_bot":false,"first_name":"Анна"},"message":{"message_id":1,"chat":{"id":111,"type":"private"},"date":1788242400},"data":"consent:yes"}}
            """)!;
        var document = adapter.Read("telegram", 1003, """
            {"update_id":1003,"message":{"message_id":3,"from":{"id":111,"is_bot":false,"first_name":"Анна"},"chat":{"id":111,"type":"private"},"date":1788242400,"document":{"file_id":"BQAC","file_name":"карта.txt","file_size":120}}}
            """)!;

        text.Input.Should().Be(new CommandInput("start", "inv_AbC"));
        text.From.Should().Be(new Sender(1, "Пользователь 1", null, null));
        press.Input.Should().Be(new ChoiceInput("consent:yes"));
        press.CallbackQueryId.Should().Be("cb1002");
        press.MessageId.Should().Be("1");
        document.Input.Should().Be(new DocumentInput("BQAC", "карта.txt", 120));
    }

    [Fact]
    public void A_photo_sent_as_a_photo_is_read_as_its_largest_size_named_as_Telegram_names_a_saved_photo()
    {
        var photo = adapter.Read("telegram", 1004, """
            {"update_id":1004,"message":{"message_id":4,"from":{"id":111,"is_bot":false,"first_name":"Анна"},"chat":{"id":111,"type":"private"},"date":1788242400,
             "photo":[{"file_id":"S","file_unique_id":"u1","width":90,"height":67,"file_size":1200},
                      {"file_id":"L","file_unique_id":"u3","width":1280,"height":960,"file_size":98000},
                      {"file_id":"M","file_unique_id":"u2","width":320,"height":240,"file_size":15000}]}}
            """)!;

        photo.Input.Should().Be(new DocumentInput("L", "photo_2026-09-01_06-00-00.jpg", 98000));
        photo.MessageId.Should().Be("4");
    }

    [Fact]
    public void Outbox_payloads_written_before_Telegram_Bot_still_read()
    {
        const string old = """{"text":"Согласны?","reply_markup":{"inline_keyboard":[[{"text":"Да","callback_data":"consent:yes"},{"text":"Нет","callback_data":"consent:no"}]]}}""";

        var payload = JsonSerializer.Deserialize<SendMessagePayload>(old, JsonBotAPI.Options)!;

        payload.Text.Should().Be("Согласны?");
        payload.ReplyMarkup!.InlineKeyboard.Single().Select(b => b.CallbackData).Should().Equal("consent:yes", "consent:no");
    }

    [Fact]
    public void Reads_a_text_message()
    {
        var update = adapter.Read("telegram", 501, """
            {"update_id":501,"message":{"message_id":12,"from":{"id":111,"is_bot":false,"first_name":"Анна","last_name":"Иванова","username":"anna_i"},
             "chat":{"id":111,"type":"private","first_name":"Анна"},"date":1788242400,"text":"Привет"}}
            """)!;

        update.Source.Should().Be("telegram");
        update.UpdateId.Should().Be(501);
        update.ChatId.Should().Be(111);
        update.IsGroup.Should().BeFalse();
        update.From.Should().Be(new Sender(111, "Анна", "Иванова", "anna_i"));
        update.Input.Should().Be(new TextInput("Привет"));
        update.CallbackQueryId.Should().BeNull();
        update.MessageId.Should().Be("12");
    }

    [Fact]
    public void Reads_a_command_addressed_to_the_bot_in_a_group()
    {
        var update = adapter.Read("telegram", 502, """
            {"update_id":502,"message":{"message_id":13,"from":{"id":111,"is_bot":false,"first_name":"Анна"},
             "chat":{"id":-1001234567890,"type":"supergroup","title":"Школа 5"},"date":1788242400,"text":"/Start@mentor_test_bot inv_ABC",
             "entities":[{"type":"bot_command","offset":0,"length":22}]}}
            """)!;

        update.Input.Should().Be(new CommandInput("start", "inv_ABC"));
        update.ChatId.Should().Be(-1001234567890);
        update.IsGroup.Should().BeTrue();
    }

    [Fact]
    public void Reads_a_button_press()
    {
        var update = adapter.Read("telegram", 503, """
            {"update_id":503,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":111,"is_bot":false,"first_name":"Анна"},
             "message":{"message_id":77,"from":{"id":7012345678,"is_bot":true,"first_name":"MentorBot"},"chat":{"id":111,"type":"private"},"date":1788242400,"text":"Согласны?"},
             "chat_instance":"-123","data":"consent:yes"}}
            """)!;

        update.Input.Should().Be(new ChoiceInput("consent:yes"));
        update.CallbackQueryId.Should().Be("4382bfdwdsb323b2d9");
        update.ChatId.Should().Be(111);
        update.MessageId.Should().Be("77");
        update.From.UserId.Should().Be(111);
    }

    [Fact]
    public void Ignores_a_message_from_a_bot()
    {
        var update = adapter.Read("telegram", 504, """
            {"update_id":504,"message":{"message_id":14,"from":{"id":7012345678,"is_bot":true,"first_name":"MentorBot"},
             "chat":{"id":111,"type":"private"},"date":1788242400,"text":"echo"}}
            """);

        update.Should().BeNull();
    }

    [Fact]
    public void A_sticker_only_message_reads_as_empty_text()
    {
        var update = adapter.Read("telegram", 505, """
            {"update_id":505,"message":{"message_id":15,"from":{"id":111,"is_bot":false,"first_name":"Анна"},
             "chat":{"id":111,"type":"private"},"date":1788242400,
             "sticker":{"file_id":"CAACAgIAAxkBAAIB","file_unique_id":"AgADBAAD","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false,"emoji":"👍"}}}
            """)!;

        update.Input.Should().Be(new TextInput(""));
        update.ChatId.Should().Be(111);
    }

    [Fact]
    public void A_hard_split_never_cuts_an_html_entity_or_a_surrogate_pair()
    {
        // No line break or space to split at: the cut must still leave every part valid HTML and UTF-16.
        var ampersands = adapter.Render(Reply.Plain(new string('&', 2000)), 1, false, "k", Due).Select(r => Payload(r).Text).ToList();
        ampersands.Should().HaveCountGreaterThan(1);
        ampersands.Should().OnlyContain(p => p.Length <= TelegramAdapter.MaxMessageLength && p.Replace("&amp;", "").Length == 0, "each part is whole &amp; entities");
        string.Concat(ampersands).Should().Be(Html.Escape(new string('&', 2000)));

        var emoji = "a" + string.Concat(Enumerable.Repeat("😀", 3000));
        var parts = adapter.Render(Reply.Plain(emoji), 1, false, "k", Due).Select(r => Payload(r).Text).ToList();
        parts.Should().OnlyContain(p => p.Length <= TelegramAdapter.MaxMessageLength && !char.IsHighSurrogate(p[p.Length - 1]) && !char.IsLowSurrogate(p[0]));
        string.Concat(parts).Should().Be(emoji);
    }
}
