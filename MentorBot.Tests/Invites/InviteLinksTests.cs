using MentorBot.Host.Configuration;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Max;

namespace MentorBot.Tests.Invites;

/// <summary>An invite prints the MAX link beside the Telegram one when MAX is served with a bot nickname (issue 16).</summary>
public sealed class InviteLinksTests
{
    private const string Token = "AbCdEfGhIjKlMnOpQrStUvWx";

    [Fact]
    public void Both_messengers_give_two_labelled_links_and_max_alone_one()
    {
        var max = new MaxOptions { Token = "max-token", BotUsername = "school_mentor_bot" };

        InvitesFeature.Link(new MentorBotOptions { BotUsername = "mentor_bot", Max = max }, Token)
            .Should().Be($"Telegram: https://t.me/mentor_bot?start={Token}\nMAX: https://max.ru/school_mentor_bot?start={Token}");
        InvitesFeature.Link(new MentorBotOptions { Max = max }, Token).Should().Be($"https://max.ru/school_mentor_bot?start={Token}");
        InvitesFeature.IsCommandOnly(new MentorBotOptions { Max = max }).Should().BeFalse();
    }

    [Fact]
    public void Without_max_or_without_its_nickname_the_invite_is_as_before()
    {
        InvitesFeature.Link(new MentorBotOptions { BotUsername = "mentor_bot", Max = new MaxOptions { Token = "max-token" } }, Token)
            .Should().Be($"https://t.me/mentor_bot?start={Token}");
        InvitesFeature.Link(new MentorBotOptions(), Token).Should().Be($"/start {Token}");
        InvitesFeature.IsCommandOnly(new MentorBotOptions()).Should().BeTrue();
    }
}
