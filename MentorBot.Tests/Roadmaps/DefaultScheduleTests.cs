using MentorBot.Domain.Roadmaps;

namespace MentorBot.Tests.Roadmaps;

public class DefaultScheduleTests
{
    [Theory]
    [InlineData("Подготовка условий для реализации системы наставничества", StageKind.Preparation)]
    [InlineData("Формирование банка наставляемых", StageKind.MenteeBank)]
    [InlineData("Формирование банка наставников", StageKind.MentorBank)]
    [InlineData("Отбор и обучение", StageKind.SelectionAndTraining)]
    [InlineData("Формирование наставнических пар/групп", StageKind.Pairs)]
    [InlineData("Организация и осуществление работы наставнических пар/групп", StageKind.PairWork)]
    [InlineData("Завершение персонализированных программ наставничества", StageKind.Completion)]
    [InlineData("Информационная поддержка системы наставничества", StageKind.InformationSupport)]
    [InlineData("Прочее", StageKind.Other)]
    public void Stages_are_classified_by_their_title_words(string title, StageKind kind) =>
        DefaultSchedule.Classify(title).Should().Be(kind);

    [Theory]
    [InlineData(StageKind.Preparation, "2024-06-01", "2024-08-31")]
    [InlineData(StageKind.MenteeBank, "2024-09-01", "2024-09-30")]
    [InlineData(StageKind.MentorBank, "2024-09-01", "2024-09-30")]
    [InlineData(StageKind.SelectionAndTraining, "2024-10-01", "2024-10-31")]
    [InlineData(StageKind.Pairs, "2024-11-01", "2024-11-15")]
    [InlineData(StageKind.PairWork, "2024-11-01", "2025-04-30")]
    [InlineData(StageKind.Completion, "2025-05-01", "2025-05-31")]
    [InlineData(StageKind.InformationSupport, "2024-09-01", "2025-05-31")]
    public void The_default_academic_year_schedule(StageKind kind, string start, string end)
    {
        var period = DefaultSchedule.For(kind, 2024);

        (period.Start, period.End, period.Recurrence).Should().Be((DateOnly.Parse(start), DateOnly.Parse(end), Recurrence.None));
        // The text reads back through the period parser to the same range, so a curator can edit it.
        PeriodPhrases.Parse(period.Text, new PeriodYears(2024, false)).Single().Should().Be(period);
    }
}
