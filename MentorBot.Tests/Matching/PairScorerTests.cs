using MentorBot.Domain.Matching;
using static MentorBot.Tests.Matching.People;

namespace MentorBot.Tests.Matching;

public class PairScorerTests
{
    private static readonly MatchingWeights Nothing = new()
    {
        Competency = 0, Subject = 0, Format = 0, Experience = 0, MenteePreference = 0, MentorPreference = 0,
    };

    [Fact]
    public void Competency_signal_is_the_share_of_difficulties_covered_ignoring_case_whitespace_and_yo()
    {
        var mentor = Mentor("m", competencies: ["работа с родителями", "Работа с одаренными детьми"]);
        var mentee = Mentee("t", difficulties: ["  Работа  с РОДИТЕЛЯМИ ", "работа с одарёнными детьми", "оценивание"]);

        var score = Score(mentor, mentee, Nothing with { Competency = 1 });

        score.Score.Should().Be(0.666667);
        score.CoveredDifficulties.Should().Equal("Работа с РОДИТЕЛЯМИ", "работа с одарёнными детьми");
        score.UncoveredDifficulties.Should().Equal("оценивание");
    }

    [Fact]
    public void A_difficulty_typed_twice_counts_once()
    {
        var score = Score(Mentor("m", competencies: ["оценивание"]), Mentee("t", difficulties: ["оценивание", "Оценивание ", "ФГОС"]), Nothing with { Competency = 1 });

        score.Score.Should().Be(0.5);
    }

    [Theory]
    [InlineData(" Математика ", "математика", true)]
    [InlineData("русский  язык", "Русский язык", true)]
    [InlineData("история", "физика", false)]
    [InlineData("", "", false)]
    public void Subject_matches_after_normalisation(string mentorSubject, string menteeSubject, bool same)
    {
        var score = Score(Mentor("m", subject: mentorSubject), Mentee("t", subject: menteeSubject), Nothing with { Subject = 1 });

        score.SameSubject.Should().Be(same);
        score.Score.Should().Be(same ? 1 : 0);
    }

    [Theory]
    [InlineData(MeetingFormat.InPerson, MeetingFormat.InPerson, true)]
    [InlineData(MeetingFormat.Remote, MeetingFormat.Remote, true)]
    [InlineData(MeetingFormat.Any, MeetingFormat.Remote, true)]
    [InlineData(MeetingFormat.InPerson, MeetingFormat.Any, true)]
    [InlineData(MeetingFormat.InPerson, MeetingFormat.Remote, false)]
    [InlineData(MeetingFormat.Remote, MeetingFormat.InPerson, false)]
    public void Formats_are_compatible_when_equal_or_either_accepts_both(MeetingFormat mentor, MeetingFormat mentee, bool compatible)
    {
        var score = Score(Mentor("m", format: mentor), Mentee("t", format: mentee), Nothing with { Format = 1 });

        score.FormatsCompatible.Should().Be(compatible);
        score.Score.Should().Be(compatible ? 1 : 0);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(5, 0.5)]
    [InlineData(10, 1.0)]
    [InlineData(35, 1.0)]
    public void Experience_saturates(int years, double expected) =>
        Score(Mentor("m", experienceYears: years), Mentee("t"), Nothing with { Experience = 1 }).Score.Should().Be(expected);

    [Fact]
    public void Preferences_of_both_sides_raise_the_score()
    {
        var weights = Nothing with { MenteePreference = 3, MentorPreference = 1 };

        Score(Mentor("m"), Mentee("t", preferredMentors: ["m"]), weights).Score.Should().Be(0.75);
        Score(Mentor("m", preferredMentees: ["t"]), Mentee("t"), weights).Score.Should().Be(0.25);
        var both = Score(Mentor("m", preferredMentees: ["t"]), Mentee("t", preferredMentors: ["m"]), weights);
        both.Score.Should().Be(1);
        both.ChosenByMentee.Should().BeTrue();
        both.ChosenByMentor.Should().BeTrue();
    }

    [Fact]
    public void A_perfect_pair_scores_one_and_a_hopeless_pair_zero_with_default_weights()
    {
        var perfect = Score(
            Mentor("m", "математика", ["оценивание"], format: MeetingFormat.InPerson, experienceYears: 15, preferredMentees: ["t"]),
            Mentee("t", "математика", ["оценивание"], MeetingFormat.InPerson, preferredMentors: ["m"]));
        var hopeless = Score(
            Mentor("m", "физика", ["ФГОС"], format: MeetingFormat.Remote),
            Mentee("t", "история", ["оценивание"], MeetingFormat.InPerson));

        perfect.Score.Should().Be(1);
        hopeless.Score.Should().Be(0);
        hopeless.IsAcceptable.Should().BeFalse();
    }

    [Fact]
    public void Without_any_overlap_a_mentee_with_difficulties_is_not_acceptable_unless_the_organisation_allows_it()
    {
        var mentor = Mentor("m", "математика", ["ФГОС"], experienceYears: 20);
        var mentee = Mentee("t", "математика", ["оценивание"], preferredMentors: ["m"]);

        var strict = Score(mentor, mentee);
        strict.Score.Should().BeGreaterThan(MatchingWeights.Default.MinScore);
        strict.IsAcceptable.Should().BeFalse();
        Score(mentor, mentee, MatchingWeights.Default with { RequireCompetencyOverlap = false }).IsAcceptable.Should().BeTrue();
    }

    [Fact]
    public void A_mentee_without_stated_difficulties_is_matched_on_the_other_signals()
    {
        Score(Mentor("m", "математика", experienceYears: 10), Mentee("t", "математика")).IsAcceptable.Should().BeTrue();
    }

    [Fact]
    public void The_minimum_score_is_inclusive()
    {
        var weights = Nothing with { Competency = 1, MinScore = 0.5 };
        var mentor = Mentor("m", competencies: ["a"]);

        Score(mentor, Mentee("t", difficulties: ["a", "b"]), weights).IsAcceptable.Should().BeTrue();
        Score(mentor, Mentee("t", difficulties: ["a", "b", "c"]), weights).IsAcceptable.Should().BeFalse();
    }

    [Fact]
    public void Coverage_is_found_among_more_distinct_requests_than_one_machine_word_holds()
    {
        var mentees = Enumerable.Range(0, 130).Select(k => Mentee($"t{k}", difficulties: [$"запрос {k}", "общий запрос"])).ToArray();
        var scorer = new PairScorer(Nothing with { Competency = 1 }, [Mentor("m", competencies: ["Запрос 70", "запрос  129"])], mentees);

        Enumerable.Range(0, 130).Where(i => scorer.Score(i, 0).Score > 0).Should().Equal(70, 129);
        scorer.Score(129, 0).CoveredDifficulties.Should().Equal("запрос 129");
    }

    [Fact]
    public void The_grade_the_solver_reads_equals_the_full_score()
    {
        var (mentors, mentees) = MentorBot.Host.Cli.RandomMatchingInstance.Create(40, 15, seed: 3, vocabulary: 5);
        var scorer = new PairScorer(MatchingWeights.Default, mentors, mentees);

        for (var i = 0; i < mentees.Count; i++)
        {
            for (var j = 0; j < mentors.Count; j++)
            {
                var score = scorer.Score(i, j);
                scorer.Grade(i, j).Should().Be(new PairGrade(score.Units, score.IsAcceptable), $"mentee {i}, mentor {j}");
            }
        }
    }

    [Fact]
    public void Default_weights_are_usable_and_sum_to_one()
    {
        MatchingWeights.Default.FindProblem().Should().BeNull();
        MatchingWeights.Default.TotalWeight.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Unusable_weights_are_reported()
    {
        (MatchingWeights.Default with { Subject = -0.1 }).FindProblem().Should().Contain("Subject");
        Nothing.FindProblem().Should().Contain("positive");
        (MatchingWeights.Default with { MinScore = 1.5 }).FindProblem().Should().Contain("minScore");
        (MatchingWeights.Default with { ExperienceSaturationYears = 0 }).FindProblem().Should().Contain("experienceSaturationYears");
        FluentActions.Invoking(() => new PairScorer(Nothing, [], [])).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(" ОЧНО ", MeetingFormat.InPerson)]
    [InlineData("дистанционно", MeetingFormat.Remote)]
    [InlineData("Любой", MeetingFormat.Any)]
    public void Meeting_formats_are_read_from_their_russian_labels(string label, MeetingFormat expected)
    {
        MeetingFormats.TryParse(label, out var format).Should().BeTrue();
        format.Should().Be(expected);
    }

    [Fact]
    public void An_unknown_meeting_format_is_not_read() => MeetingFormats.TryParse("онлайн", out _).Should().BeFalse();
}
