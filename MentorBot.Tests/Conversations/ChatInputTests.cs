using MentorBot.Domain.Conversations;

namespace MentorBot.Tests.Conversations;

public class ChatInputTests
{
    [Theory]
    [InlineData("/start", "start", null)]
    [InlineData("/start abc-DEF_1", "start", "abc-DEF_1")]
    [InlineData("/Help@MentorBot", "help", null)]
    [InlineData("  /cancel  ", "cancel", null)]
    [InlineData("/meeting вчера час очно", "meeting", "вчера час очно")]
    public void Commands_are_read_with_their_argument(string text, string name, string? argument) =>
        ChatInput.FromText(text).Should().Be(new CommandInput(name, argument));

    [Theory]
    [InlineData("Встретились сегодня, 45 минут")]
    [InlineData("/")]
    [InlineData("/ пробел")]
    [InlineData("")]
    public void Everything_else_is_text(string text) => ChatInput.FromText(text).Should().Be(new TextInput(text));

    [Fact]
    public void Choice_data_is_checked_in_utf8_bytes()
    {
        new Choice("ok", new string('a', 64)).HasValidData.Should().BeTrue();
        new Choice("ok", new string('я', 32)).HasValidData.Should().BeTrue();
        new Choice("too long", new string('я', 33)).HasValidData.Should().BeFalse("a Cyrillic letter is 2 bytes: 66 > 64");
        new Choice("empty", "").HasValidData.Should().BeFalse();
    }

    [Fact]
    public void Html_escapes_ampersand_first() =>
        Html.Escape("<b>\"Tom & Jerry\"</b>").Should().Be("&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;");
}
