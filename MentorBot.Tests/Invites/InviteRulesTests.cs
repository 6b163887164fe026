using MentorBot.Domain.Invites;
using MentorBot.Domain.Organisations;

namespace MentorBot.Tests.Invites;

public class InviteRulesTests
{
    [Fact]
    public void Tokens_are_24_base64url_characters_carrying_144_random_bits_and_never_repeat()
    {
        var tokens = Enumerable.Range(0, 2000).Select(_ => InviteToken.New()).ToList();

        tokens.Should().OnlyContain(t => InviteToken.IsWellFormed(t) && t.Length == 24);
        tokens.Should().OnlyHaveUniqueItems();
        (InviteToken.Bytes * 8).Should().BeGreaterThanOrEqualTo(128);
        // Every base64url character turns up: the tokens use the whole alphabet, not a narrow part of it.
        string.Concat(tokens).Distinct().Should().HaveCount(64);
    }

    [Theory]
    [InlineData("abc", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", true)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA=", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA+", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA\n", false)]
    public void Well_formed_means_the_shape_the_database_accepts(string token, bool expected) =>
        InviteToken.IsWellFormed(token).Should().Be(expected);

    private static readonly DateTimeOffset Now = new(2026, 9, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_invite_is_valid_until_it_expires_or_is_used_up()
    {
        InviteRules.Check(null, 1000, null, Now).Should().Be(InviteStatus.Valid);
        InviteRules.Check(2, 1, Now.AddSeconds(1), Now).Should().Be(InviteStatus.Valid);
        InviteRules.Check(2, 2, null, Now).Should().Be(InviteStatus.UsedUp);
        InviteRules.Check(null, 0, Now, Now).Should().Be(InviteStatus.Expired);
        InviteRules.Check(1, 1, Now.AddDays(-1), Now).Should().Be(InviteStatus.Expired, "expiry is reported first");
    }

    [Fact]
    public void Privileged_links_default_to_one_use_in_a_week_others_to_a_month()
    {
        InviteRules.DefaultLimits(Role.Mentee).Should().Be(new InviteLimits(null, TimeSpan.FromDays(30)));
        InviteRules.DefaultLimits(Role.Mentor).Should().Be(new InviteLimits(null, TimeSpan.FromDays(30)));
        InviteRules.DefaultLimits(Role.Curator).Should().Be(new InviteLimits(1, TimeSpan.FromDays(7)));
        InviteRules.DefaultLimits(Role.Head).Should().Be(new InviteLimits(1, TimeSpan.FromDays(7)));
    }

    [Theory]
    [InlineData("mentor_bot", "https://t.me/mentor_bot?start=TOKEN")]
    [InlineData("@mentor_bot ", "https://t.me/mentor_bot?start=TOKEN")]
    [InlineData("", "/start TOKEN")]
    [InlineData(null, "/start TOKEN")]
    public void The_link_is_a_t_me_deep_link_or_the_start_command(string? username, string expected) =>
        InviteRules.Link(username, "TOKEN").Should().Be(expected);
}
