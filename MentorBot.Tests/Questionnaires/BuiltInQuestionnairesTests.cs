using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Tests.Questionnaires;

/// <summary>The built-in questionnaires hold the question ids and kinds of the PREAMBLE answers contract.</summary>
public class BuiltInQuestionnairesTests
{
    private static QuestionnaireDefinition Get(string id) => BuiltInQuestionnaires.Find(id, CompetencyTaxonomy.Default)!;

    private static Question Q(QuestionnaireDefinition definition, string id) => definition.Questions.Single(q => q.Id == id);

    [Fact]
    public void The_mentee_intake_asks_the_contract_questions_and_one_self_assessment_per_label()
    {
        var intake = Get("mentee_intake");
        intake.Roles.Should().Equal(Role.Mentee);
        foreach (var id in new[] { "full_name", "position", "subject", "expectations" }) Q(intake, id).Kind.Should().Be(QuestionKind.FreeText);
        Q(intake, "experience_years").Kind.Should().Be(QuestionKind.Number);
        Q(intake, "difficulties").Should().Match<Question>(q => q.Kind == QuestionKind.MultipleChoice && q.Options.SequenceEqual(CompetencyTaxonomy.DefaultLabels));
        Q(intake, "form_mode").Options.Should().Equal("очно", "дистанционно", "оба варианта подходят");
        Q(intake, "form_size").Options.Should().Equal("индивидуальная", "групповая", "любая");
        foreach (var label in CompetencyTaxonomy.DefaultLabels)
            Q(intake, "self:" + label).Should().Match<Question>(q => q.Kind == QuestionKind.Scale && q.Min == 1 && q.Max == 10);
        Q(intake, "self:другое").ShowIf!.QuestionId.Should().Be("difficulties");
        Q(intake, "self:другое").ShowIf!.AnyOf.Should().Equal("другое");
    }

    [Fact]
    public void The_mentor_intake_asks_the_contract_questions()
    {
        var intake = Get("mentor_intake");
        intake.Roles.Should().Equal(Role.Mentor);
        intake.Questions.Select(q => q.Id).Should().Contain(["full_name", "position", "subject", "experience_years", "qualification_category", "competencies", "capacity", "form_mode", "form_size", "free_time"]);
        Q(intake, "competencies").Options.Should().Equal(CompetencyTaxonomy.DefaultLabels);
        Q(intake, "capacity").Should().Match<Question>(q => q.Kind == QuestionKind.Scale && q.Min == 1 && q.Max == 5);
        Q(intake, "qualification_category").Kind.Should().Be(QuestionKind.SingleChoice);
        Q(intake, "free_time").Kind.Should().Be(QuestionKind.FreeText);
    }

    [Fact]
    public void The_profile_is_for_curators_heads_and_psychologists()
    {
        var profile = Get("profile");
        profile.Roles.Should().BeEquivalentTo([Role.Curator, Role.Head, Role.Psychologist]);
        profile.Questions.Select(q => q.Id).Should().Equal("full_name", "position");
    }

    [Theory]
    [InlineData("satisfaction_mentee", Role.Mentee)]
    [InlineData("satisfaction_mentor", Role.Mentor)]
    public void The_satisfaction_surveys_ask_the_road_map_6_8_questions(string id, Role role)
    {
        var survey = Get(id);
        survey.Roles.Should().Equal(role);
        foreach (var scale in new[] { "effectiveness", "comfort", "usefulness", "support", "plan_clarity", "safety" })
            Q(survey, scale).Should().Match<Question>(q => q.Kind == QuestionKind.Scale && q.Min == 1 && q.Max == 10);
        Q(survey, "meeting_frequency").Kind.Should().Be(QuestionKind.SingleChoice);
        Q(survey, "valuable").Kind.Should().Be(QuestionKind.FreeText);
        Q(survey, "missing").Kind.Should().Be(QuestionKind.FreeText);
        Q(survey, "would_continue").Kind.Should().Be(QuestionKind.YesNo);
        Q(survey, "would_become_mentor").Kind.Should().Be(QuestionKind.YesNo);
    }

    [Fact]
    public void The_final_self_assessment_repeats_the_intake_scales()
    {
        var final = Get("final_self_assessment");
        var intake = Get("mentee_intake");
        final.Questions.Select(q => q.Id).Should().Equal(intake.Questions.Where(q => q.Id.StartsWith("self:")).Select(q => q.Id));
        Q(final, "self:другое").Optional.Should().BeTrue();
    }

    [Fact]
    public void The_curator_questionnaire_asks_each_condition_yes_partly_no_with_an_optional_comment()
    {
        var survey = Get("curator_questionnaire");
        survey.Roles.Should().Equal(Role.Curator);
        survey.Questions.Select(q => q.Id).Should().Equal("local_acts", "local_acts_comment", "consents", "consents_comment", "pairs_order", "pairs_order_comment",
            "plans", "plans_comment", "meetings", "meetings_comment", "unpaired_support", "unpaired_support_comment");
        foreach (var condition in BuiltInQuestionnaires.CuratorConditions)
        {
            Q(survey, condition).Should().Match<Question>(q => q.Kind == QuestionKind.SingleChoice && q.Options.SequenceEqual(new[] { "да", "частично", "нет" }) && q.Label != null);
            Q(survey, condition + "_comment").Should().Match<Question>(q => q.Kind == QuestionKind.FreeText && q.Optional);
        }
    }

    [Fact]
    public void Every_built_in_questionnaire_exists_in_its_current_version_and_nothing_else_does()
    {
        foreach (var id in BuiltInQuestionnaires.Ids)
        {
            var definition = Get(id);
            definition.Version.Should().Be(BuiltInQuestionnaires.CurrentVersion(id));
            definition.Title.Should().NotBeEmpty();
        }

        BuiltInQuestionnaires.Find("feedback", CompetencyTaxonomy.Default).Should().BeNull();
        BuiltInQuestionnaires.Find("mentee_intake", CompetencyTaxonomy.Default, version: 2).Should().BeNull();
    }

    [Fact]
    public void An_organisation_taxonomy_replaces_the_default_when_it_has_labels()
    {
        CompetencyTaxonomy.For(null).Should().BeSameAs(CompetencyTaxonomy.Default);
        CompetencyTaxonomy.For([" ", null]).Should().BeSameAs(CompetencyTaxonomy.Default);
        CompetencyTaxonomy.For([" игровые технологии ", "Игровые технологии", "ТРИЗ"]).Labels.Should().Equal("игровые технологии", "ТРИЗ");
        var intake = BuiltInQuestionnaires.Find("mentee_intake", CompetencyTaxonomy.For(["ТРИЗ"]))!;
        intake.Questions.Where(q => q.Id.StartsWith("self:")).Select(q => q.Id).Should().Equal("self:ТРИЗ");
    }
}
