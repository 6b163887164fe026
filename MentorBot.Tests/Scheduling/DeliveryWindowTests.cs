using FluentAssertions;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Tests.Scheduling;

public sealed class DeliveryWindowTests
{
    private static readonly TimeZoneInfo Omsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Omsk");
    private static readonly TimeZoneInfo Volgograd = TimeZoneInfo.FindSystemTimeZoneById("Europe/Volgograd");

    [Fact]
    public void Inside_the_window_the_moment_itself_is_returned()
    {
        var at = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(6)); // Wednesday 10:00 Omsk
        DeliveryWindow.WorkingHours.Next(at, Omsk).Should().Be(at);
    }

    [Fact]
    public void The_same_instant_is_evening_in_Omsk_and_afternoon_in_Volgograd()
    {
        var at = new DateTimeOffset(2026, 11, 18, 13, 30, 0, TimeSpan.Zero); // 19:30 Omsk, 16:30 Volgograd
        DeliveryWindow.WorkingHours.Next(at, Omsk).Should().Be(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(6)));
        DeliveryWindow.WorkingHours.Next(at, Volgograd).Should().Be(at);
    }

    [Fact]
    public void Weekends_and_holidays_are_skipped_for_working_hours_but_not_for_polls()
    {
        var friday = new DateTimeOffset(2026, 11, 20, 19, 0, 0, TimeSpan.FromHours(3));
        DeliveryWindow.WorkingHours.Next(friday, Volgograd).Should().Be(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3)));
        DeliveryWindow.Polls.Next(friday, Volgograd).Should().Be(friday);

        var newYearsEve = new DateTimeOffset(2026, 12, 30, 19, 0, 0, TimeSpan.FromHours(3));
        DeliveryWindow.WorkingHours.Next(newYearsEve, Volgograd).Should().Be(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Night_moves_to_the_morning()
    {
        var night = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.FromHours(6));
        DeliveryWindow.Polls.Next(night, Omsk).Should().Be(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(6)));
    }

    [Theory]
    [InlineData("2026-01-09", false)] // transferred from 3 January
    [InlineData("2026-01-12", true)]
    [InlineData("2026-03-09", false)] // 8 March falls on a Sunday
    [InlineData("2026-05-11", false)]
    [InlineData("2026-11-04", false)]
    [InlineData("2026-12-31", false)]
    [InlineData("2027-01-07", false)] // no 2027 data: ТК РФ ст. 112 holidays still apply
    [InlineData("2027-01-11", true)]
    public void The_2026_production_calendar_is_known(string date, bool working)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        WorkCalendar.Russia.IsWorkingDay(day).Should().Be(working);
    }
}
