using MentorBot.Domain.Digests;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Tests.Digests;

public sealed class DigestScheduleTests
{
    [Theory]
    [InlineData("пн 09:00", DayOfWeek.Monday, 9, 0, "0 9 * * MON")]
    [InlineData("Пятница 15.30", DayOfWeek.Friday, 15, 30, "30 15 * * FRI")]
    [InlineData("вторник в 8:05", DayOfWeek.Tuesday, 8, 5, "5 8 * * TUE")]
    public void A_weekday_and_a_time_become_a_weekly_cron(string text, DayOfWeek day, int hour, int minute, string cron)
    {
        DigestSchedule.TryParse(text, out var d, out var t).Should().BeTrue();
        (d, t).Should().Be((day, new TimeOnly(hour, minute)));
        DigestSchedule.ToCron(d, t).Should().Be(cron);
        DigestSchedule.Describe(cron).Should().Be(DigestTexts.Schedule(day, new TimeOnly(hour, minute)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("завтра 09:00")]
    [InlineData("пн 25:00")]
    [InlineData("пн")]
    public void Anything_else_is_refused(string? text) => DigestSchedule.TryParse(text, out _, out _).Should().BeFalse();

    [Theory]
    [InlineData("0 9 * * MON", CronProblem.None)]
    [InlineData("0 8 * * MON-FRI", CronProblem.None)]
    [InlineData("0 9 * * MON#1", CronProblem.None)]
    [InlineData("*/15 9-17 * * *", CronProblem.None)]
    [InlineData("0 9 * * 1", CronProblem.NumericWeekday)]
    [InlineData("0 9 * * 0,6", CronProblem.NumericWeekday)]
    [InlineData("0 9 * * MON-5", CronProblem.NumericWeekday)]
    [InlineData("0 0 9 ? * MON", CronProblem.FieldCount)]
    [InlineData("0 0 9 ? * MON 2027", CronProblem.FieldCount)]
    [InlineData("", CronProblem.FieldCount)]
    public void Stored_crons_have_five_fields_and_named_weekdays(string cron, CronProblem problem) =>
        CronRules.Check(cron).Should().Be(problem);

    [Fact]
    public void The_default_reads_as_mondays_at_nine_and_weeks_are_iso_weeks()
    {
        DigestSchedule.Describe(DigestSchedule.DefaultCron).Should().Be("по понедельникам в 09:00");
        DigestSchedule.IsoWeek(new DateOnly(2026, 1, 1)).Should().Be("2026-W01");
        DigestSchedule.IsoWeek(new DateOnly(2027, 1, 1)).Should().Be("2026-W53");
        CalendarWeeks.Monday(new DateOnly(2026, 10, 18)).Should().Be(new DateOnly(2026, 10, 12));
        DigestSchedule.ReportWeekStart(new DateOnly(2026, 10, 19)).Should().Be(new DateOnly(2026, 10, 12), "Monday's digest reports the week that just ended");
        DigestSchedule.ReportWeekStart(new DateOnly(2026, 10, 21)).Should().Be(new DateOnly(2026, 10, 19), "midweek it reports the week so far");
    }
}
