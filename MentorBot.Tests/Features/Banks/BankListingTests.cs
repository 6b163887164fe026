using MentorBot.Domain.Banks;
using MentorBot.Domain.Exports;

namespace MentorBot.Tests.Features.Banks;

public sealed class BankListingTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(23, 3)]
    public void Pages_hold_ten_people(int joined, int pages) => BankListing.Pages(joined).Should().Be(pages);

    [Fact]
    public void Button_data_round_trips_and_stays_within_64_bytes()
    {
        var card = BankListing.CardData(Bank.Mentees, long.MaxValue, int.MaxValue);

        System.Text.Encoding.UTF8.GetByteCount(card).Should().BeLessThanOrEqualTo(64);
        BankListing.Parse(card).Should().Be(new BankListing.Request(Bank.Mentees, int.MaxValue, long.MaxValue));
        BankListing.Parse(BankListing.PageData(Bank.Mentors, 3)).Should().Be(new BankListing.Request(Bank.Mentors, 3, null));
    }

    [Theory]
    [InlineData("banks:page:mentees:0")]
    [InlineData("banks:page:mentees:-1")]
    [InlineData("banks:page:curators:1")]
    [InlineData("banks:card:mentees:17")]
    [InlineData("banks:card:mentees:x:1")]
    [InlineData("banks:page:mentees:99999999999999999999")]
    [InlineData("banks")]
    public void Forged_or_stale_data_is_refused(string data) => BankListing.Parse(data).Should().BeNull();

    [Theory]
    [InlineData(1, "строка")]
    [InlineData(2, "строки")]
    [InlineData(5, "строк")]
    [InlineData(11, "строк")]
    [InlineData(14, "строк")]
    [InlineData(21, "строка")]
    [InlineData(104, "строки")]
    public void Russian_plurals(int n, string expected) => ExportTexts.Plural(n, "строка", "строки", "строк").Should().Be(expected);
}
