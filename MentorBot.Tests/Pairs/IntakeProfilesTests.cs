using System.Text.Json;
using MentorBot.Domain.Matching;
using MentorBot.Domain.Pairs;

namespace MentorBot.Tests.Pairs;

public sealed class IntakeProfilesTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void A_mentor_profile_reads_the_contract_fields()
    {
        var answers = Json("""
            {"full_name":"Петрова Анна","subject":"математика","experience_years":17,"competencies":["работа с родителями","цифровые инструменты"],
             "capacity":3,"form_mode":"очно","form_size":"групповая","free_time":"вторник"}
            """);

        var mentor = IntakeProfiles.Mentor("7", answers, "физика", ["9"]);

        mentor.Should().BeEquivalentTo(new MentorProfile("7", "математика", ["работа с родителями", "цифровые инструменты"], 3, MeetingFormat.InPerson, 17, ["9"]));
    }

    [Fact]
    public void A_mentee_profile_reads_the_contract_fields()
    {
        var answers = Json("""
            {"subject":"русский язык","experience_years":1,"difficulties":["дисциплина и управление классом"],"form_mode":"дистанционно","self:дисциплина и управление классом":3}
            """);

        var mentee = IntakeProfiles.Mentee("9", answers, null, []);

        mentee.Should().BeEquivalentTo(new MenteeProfile("9", "русский язык", ["дисциплина и управление классом"], MeetingFormat.Remote, 1, []));
    }

    [Fact]
    public void Missing_or_odd_answers_fall_back_to_neutral_values()
    {
        var mentor = IntakeProfiles.Mentor("1", Json("""{"capacity":12,"form_mode":"как угодно","experience_years":"много","competencies":"всё"}"""), "химия", []);

        mentor.Capacity.Should().Be(IntakeProfiles.MaxCapacity);
        mentor.Format.Should().Be(MeetingFormat.Any);
        mentor.ExperienceYears.Should().Be(0);
        mentor.Competencies.Should().BeEmpty();
        mentor.Subject.Should().Be("химия", "the membership's subject stands in for a skipped answer");
        IntakeProfiles.Mentor("2", Json("{}"), null, []).Capacity.Should().Be(IntakeProfiles.DefaultCapacity);
    }
}
