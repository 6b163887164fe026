using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Reminders;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Scheduling;

public sealed class WorkCalendarFileTests
{
    [Fact]
    public void The_shipped_2026_file_says_the_same_as_the_built_in_calendar_for_every_day()
    {
        var file = CalendarFiles.Load(RepositoryPaths.Combine("calendars"));
        for (var day = new DateOnly(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
            file.IsWorkingDay(day).Should().Be(WorkCalendar.Russia.IsWorkingDay(day), day.ToString("O"));
    }

    [Fact]
    public void A_file_for_a_year_replaces_the_statutory_fallback_of_that_year_and_leaves_other_years()
    {
        var calendar = WorkCalendar.Russia.With(WorkCalendar.FromJson("""
            {"year": 2027, "holidays": ["2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08", "2027-02-22"], "workingDays": ["2027-02-20"]}
            """));

        calendar.IsWorkingDay(new DateOnly(2027, 2, 20)).Should().BeTrue();   // a Saturday made a working day
        calendar.IsWorkingDay(new DateOnly(2027, 2, 22)).Should().BeFalse();  // the Monday off it moved to
        calendar.IsWorkingDay(new DateOnly(2027, 2, 23)).Should().BeTrue();   // the file, not ТК РФ ст. 112, decides 2027
        calendar.IsWorkingDay(new DateOnly(2026, 11, 4)).Should().BeFalse();  // 2026 still built in
        calendar.Years.Should().Contain([2026, 2027]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"holidays": []}""")]
    [InlineData("""{"year": 2027, "holidays": ["01.01.2027"]}""")]
    [InlineData("""{"year": 2027, "holidays": ["2026-12-31"]}""")]
    public void A_broken_calendar_file_is_refused(string json)
    {
        var act = () => WorkCalendar.FromJson(json);
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void A_broken_file_in_the_directory_is_named_in_the_error()
    {
        var dir = Directory.CreateTempSubdirectory("calendars");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "ru-2027.json"), """{"year": 2027, "holidays": ["2027-13-01"]}""");
            var act = () => CalendarFiles.Load(dir.FullName);
            act.Should().Throw<InvalidOperationException>().WithMessage("*ru-2027.json*2027-13-01*");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
