using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Max;
using MentorBot.Host.Outbox;

namespace MentorBot.Tests.Max;

/// <summary>The MAX adapter reads MAX's updates as the pipeline's input and renders replies as MAX calls (issue 16).</summary>
public sealed class MaxAdapterTests
{
    private readonly MaxAdapter adapter = new();

    [Fact]
    public void A_text_in_the_dialog_is_the_persons_input_in_their_private_chat()
    {
        var update = adapter.Read("max", 1, MaxUpdateJson.Text(501, "/help", "mid.1"))!;

        update.Input.Should().Be(new CommandInput("help", null));
        update.ChatId.Should().Be(MaxUpdateJson.DialogOf(501));
        update.IsGroup.Should().BeFalse();
        update.From.Should().Be(new Host.Pipeline.Sender(501, "Мария", null, null));
        update.Messenger.Should().Be("max");
    }

    [Fact]
    public void Opening_the_bot_by_an_invite_link_is_start_with_the_token_and_without_one_plain_start()
    {
        adapter.Read("max", 1, MaxUpdateJson.Started(501, "AbC_-123"))!.Input.Should().Be(new CommandInput("start", "AbC_-123"));
        adapter.Read("max", 2, MaxUpdateJson.Started(501, null))!.Input.Should().Be(new CommandInput("start", null));
    }

    [Fact]
    public void A_button_press_is_a_choice_with_the_callback_to_answer()
    {
        var update = adapter.Read("max", 1, MaxUpdateJson.Press(501, "consents:agree:7", "cb-1"))!;

        update.Input.Should().Be(new ChoiceInput("consents:agree:7"));
        update.CallbackQueryId.Should().Be("cb-1");
        update.ChatId.Should().Be(MaxUpdateJson.DialogOf(501));
        update.From.UserId.Should().Be(501, "the presser, not the bot who wrote the message");
    }

    [Fact]
    public void A_file_is_a_document_to_download_by_its_url_and_a_group_message_is_a_group()
    {
        var document = adapter.Read("max", 1, MaxUpdateJson.File(501, "https://fu.example/f?sig=1", "План.docx", 2048, "mid.2"))!;
        document.Input.Should().Be(new DocumentInput("max:https://fu.example/f?sig=1", "План.docx", 2048));

        adapter.Read("max", 2, MaxUpdateJson.Text(501, "/help", "mid.3", chatType: "chat", chatId: -77))!.IsGroup.Should().BeTrue();
    }

    [Fact]
    public void A_bots_own_message_and_other_events_carry_nothing_to_act_on()
    {
        adapter.Read("max", 1, """{"update_type":"bot_added","timestamp":1,"chat_id":-5,"user":{"user_id":1,"first_name":"A","is_bot":false}}""").Should().BeNull();
        adapter.Read("max", 2, MaxUpdateJson.Text(FakeMaxApi.BotUserId, "x", "mid.4").Replace("\"is_bot\":false", "\"is_bot\":true")).Should().BeNull();
    }

    [Fact]
    public void A_long_reply_is_split_at_4000_with_the_keyboard_under_the_last_part()
    {
        var text = string.Join("\n", Enumerable.Repeat(new string('а', 99), 90)); // 8,999 characters
        var reply = new Reply(text, [[new Choice("Да", "x:yes"), new Choice("Нет", "x:no")]]);

        var rows = adapter.Render(reply, 42, false, "k", DateTimeOffset.UnixEpoch);

        rows.Should().HaveCount(3);
        var bodies = rows.Select(r => JsonDocument.Parse(r.PayloadJson).RootElement).ToList();
        bodies.Should().OnlyContain(b => b.GetProperty("text").GetString()!.Length <= 4000 && b.GetProperty("format").GetString() == "html");
        string.Join("\n", bodies.Select(b => b.GetProperty("text").GetString())).Should().Be(text);
        bodies[0].TryGetProperty("attachments", out _).Should().BeFalse();
        var keyboard = bodies[2].GetProperty("attachments")[0];
        keyboard.GetProperty("type").GetString().Should().Be("inline_keyboard");
        keyboard.GetProperty("payload").GetProperty("buttons")[0][1].GetRawText().Should().Be("""{"type":"callback","text":"Нет","payload":"x:no"}""");
        rows.Should().OnlyContain(r => r.Kind == OutboxKind.Message && r.ChatId == 42);
    }

    [Fact]
    public void More_rows_than_max_shows_are_packed_side_by_side_in_order_and_over_210_buttons_are_refused()
    {
        var labels = Enumerable.Range(1, 41).Select(i => new Choice($"Компетенция {i}", $"q:{i}")).ToArray();

        var body = JsonDocument.Parse(adapter.Render(Reply.WithChoices("Выберите", labels), 42, false, "k", DateTimeOffset.UnixEpoch).Single().PayloadJson).RootElement;

        var buttons = body.GetProperty("attachments")[0].GetProperty("payload").GetProperty("buttons");
        buttons.GetArrayLength().Should().Be(21, "41 buttons, two a row, within MAX's 30 rows");
        buttons.EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(b => b.GetProperty("payload").GetString())
            .Should().Equal(labels.Select(c => c.Data));
        var tooMany = Reply.WithChoices("?", Enumerable.Range(1, 211).Select(i => new Choice($"{i}", $"x:{i}")).ToArray());
        adapter.Invoking(a => a.Render(tooMany, 42, false, "k", DateTimeOffset.UnixEpoch)).Should().Throw<ArgumentException>().WithMessage("*30 rows of 7*");
    }

    [Fact]
    public void A_choice_over_maxs_limits_is_refused_where_it_is_rendered()
    {
        var reply = Reply.WithChoices("?", new Choice(new string('к', 129), "x:1"));

        adapter.Invoking(a => a.Render(reply, 42, false, "k", DateTimeOffset.UnixEpoch)).Should().Throw<ArgumentException>().WithMessage("*128*");
    }

    [Fact]
    public void Update_ids_are_the_same_for_a_redelivery_and_differ_between_events()
    {
        var first = MaxUpdates.UpdateId(MaxJson.ReadUpdate(MaxUpdateJson.Text(501, "да", "mid.1")));
        var again = MaxUpdates.UpdateId(MaxJson.ReadUpdate(MaxUpdateJson.Text(501, "да", "mid.1")));
        var other = MaxUpdates.UpdateId(MaxJson.ReadUpdate(MaxUpdateJson.Text(501, "да", "mid.2")));
        var press = MaxUpdates.UpdateId(MaxJson.ReadUpdate(MaxUpdateJson.Press(501, "x", "cb-1")));

        again.Should().Be(first);
        new[] { first, other, press }.Should().OnlyHaveUniqueItems().And.OnlyContain(id => id > 0);
    }
}
