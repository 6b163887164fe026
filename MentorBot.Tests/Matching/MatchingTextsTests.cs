using MentorBot.Domain.Matching;
using static MentorBot.Tests.Matching.People;

namespace MentorBot.Tests.Matching;

public class MatchingTextsTests
{
    [Theory]
    [InlineData(1, "стаж наставника 1 год")]
    [InlineData(3, "стаж наставника 3 года")]
    [InlineData(5, "стаж наставника 5 лет")]
    [InlineData(11, "стаж наставника 11 лет")]
    [InlineData(14, "стаж наставника 14 лет")]
    [InlineData(21, "стаж наставника 21 год")]
    [InlineData(32, "стаж наставника 32 года")]
    public void Experience_is_written_with_the_russian_plural(int years, string expected)
    {
        var mentor = Mentor("m", experienceYears: years);
        var mentee = Mentee("t");

        MatchingTexts.PairReasons(Score(mentor, mentee), mentor, mentee).Should().Contain(expected);
    }

    [Fact]
    public void Reasons_name_a_single_shared_request_uncovered_requests_and_a_format_clash()
    {
        var mentor = Mentor("m", "история", ["оценивание"], format: MeetingFormat.InPerson, preferredMentees: ["t"]);
        var mentee = Mentee("t", "физика", ["Оценивание", "ФГОС"], MeetingFormat.Remote);

        MatchingTexts.PairReasons(Score(mentor, mentee), mentor, mentee).Should().Equal(
            "совпадает: Оценивание",
            "не покрыто: ФГОС",
            "формат не совпадает (наставник: очно, наставляемый: дистанционно)",
            "наставник сам выбрал этого наставляемого");
    }

    [Fact]
    public void A_format_accepted_by_one_side_is_called_compatible()
    {
        var mentor = Mentor("m", format: MeetingFormat.Any);
        var mentee = Mentee("t", format: MeetingFormat.InPerson);

        MatchingTexts.PairReasons(Score(mentor, mentee), mentor, mentee)
            .Should().Contain("формат совместим (наставник: любой, наставляемый: очно)");
    }

    [Fact]
    public void Unmatched_when_no_mentor_has_places()
    {
        var proposal = Matchmaker.Propose([Mentor("m", competencies: ["оценивание"], capacity: 0)], [Mentee("t", difficulties: ["оценивание"])], MatchingWeights.Default);

        proposal.Unmatched.Should().ContainSingle().Which.Should().Be(
            new UnmatchedMentee("t", UnmatchedCause.NoFreeCapacity, "нет наставников со свободными местами"));
    }

    [Fact]
    public void Unmatched_when_suitable_mentors_are_taken()
    {
        var proposal = Matchmaker.Propose(
            [Mentor("m", competencies: ["оценивание"], experienceYears: 10)],
            [Mentee("t1", difficulties: ["оценивание"]), Mentee("t2", difficulties: ["оценивание"])],
            MatchingWeights.Default);

        proposal.Pairs.Should().ContainSingle().Which.MenteeId.Should().Be("t1");
        proposal.Unmatched.Should().ContainSingle().Which.Should().Be(new UnmatchedMentee(
            "t2", UnmatchedCause.NoFreeCapacity, "нет наставника со свободным местом: все подходящие наставники (1) уже заняты"));
    }

    [Fact]
    public void Unmatched_when_no_mentor_covers_any_request()
    {
        var proposal = Matchmaker.Propose([Mentor("m", competencies: ["ФГОС"])], [Mentee("t", difficulties: ["оценивание"])], MatchingWeights.Default);

        proposal.Unmatched.Should().ContainSingle().Which.Should().Be(new UnmatchedMentee(
            "t", UnmatchedCause.NoCompetencyOverlap, "ни один наставник со свободными местами не владеет компетенциями по запросам наставляемого"));
    }

    [Fact]
    public void Unmatched_when_every_candidate_is_below_the_minimum_score()
    {
        // One request of four covered, incompatible formats: 0.40 · 0.25 = 0.10.
        var proposal = Matchmaker.Propose(
            [Mentor("m", competencies: ["a"], format: MeetingFormat.Remote)],
            [Mentee("t", difficulties: ["a", "b", "c", "d"], format: MeetingFormat.InPerson)],
            MatchingWeights.Default);

        proposal.Unmatched.Should().ContainSingle().Which.Should().Be(new UnmatchedMentee(
            "t", UnmatchedCause.BelowMinimumScore, "у всех кандидатов оценка ниже порога 0,30 (лучшая — 0,10)"));
    }
}
