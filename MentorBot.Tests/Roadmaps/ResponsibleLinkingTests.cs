using MentorBot.Domain.Roadmaps;

namespace MentorBot.Tests.Roadmaps;

public class ResponsibleLinkingTests
{
    private static LinkCandidate Member(long id, string? position, bool curator = false) => new(id, position, curator);

    [Theory]
    [InlineData("Зам.  директора по УВР", "заместитель директора по увр")]
    [InlineData("  Старший\u00a0воспитатель ", "старший воспитатель")]
    [InlineData("ст. воспитатель", "старший воспитатель")]
    [InlineData("рук. ШМО", "руководитель шмо")]
    [InlineData("Зав. ДОУ", "заведующий доу")]
    [InlineData("Учитель-логопед", "учитель логопед")]
    [InlineData("Педагог-организатор (ёлка)", "педагог организатор елка")]
    public void Positions_are_compared_without_case_punctuation_spacing_and_abbreviations(string written, string normalised) =>
        ResponsibleLinking.Normalise(written).Should().Be(normalised);

    [Fact]
    public void An_exact_position_links_its_only_holder() =>
        ResponsibleLinking.Choose("Старший воспитатель", [Member(1, "воспитатель"), Member(2, "старший  ВОСПИТАТЕЛЬ")]).Should().Be(2);

    [Fact]
    public void An_abbreviated_position_links_the_full_one() =>
        ResponsibleLinking.Choose("ст. воспитатель", [Member(7, "Старший воспитатель")]).Should().Be(7);

    [Fact]
    public void A_general_position_links_the_only_member_whose_position_begins_with_it() =>
        ResponsibleLinking.Choose("зам. директора", [Member(3, "Заместитель директора по УВР"), Member(4, "учитель математики")]).Should().Be(3);

    [Fact]
    public void A_specific_position_links_the_member_holding_its_general_form() =>
        ResponsibleLinking.Choose("Заведующий ДОУ", [Member(5, "заведующий")]).Should().Be(5);

    [Fact]
    public void Two_members_matching_only_by_prefix_leave_it_unlinked() =>
        ResponsibleLinking.Choose("зам. директора", [Member(3, "Заместитель директора по УВР"), Member(4, "заместитель директора по ВР")]).Should().BeNull();

    [Fact]
    public void An_exact_match_wins_over_prefix_matches() =>
        ResponsibleLinking.Choose("Заместитель директора по УВР", [Member(3, "Заместитель директора по УВР"), Member(4, "заместитель директора")]).Should().Be(3);

    [Fact]
    public void Two_members_with_the_same_position_leave_it_unlinked() =>
        ResponsibleLinking.Choose("Старший воспитатель", [Member(1, "старший воспитатель"), Member(2, "Старший воспитатель")]).Should().BeNull();

    [Fact]
    public void A_word_inside_another_position_does_not_match() =>
        ResponsibleLinking.Choose("директор", [Member(3, "Заместитель директора по УВР"), Member(4, null)]).Should().BeNull();

    [Fact]
    public void The_curator_named_in_the_road_map_is_the_organisations_only_curator() =>
        ResponsibleLinking.Choose("куратор по реализации системы наставничества", [Member(1, "учитель"), Member(9, null, curator: true)]).Should().Be(9);

    [Fact]
    public void With_two_curators_the_curator_entry_stays_unlinked() =>
        ResponsibleLinking.Choose("Куратор", [Member(1, null, curator: true), Member(2, null, curator: true)]).Should().BeNull();

    [Fact]
    public void A_position_nobody_holds_stays_unlinked() =>
        ResponsibleLinking.Choose("Педагог-психолог", [Member(1, "учитель математики")]).Should().BeNull();
}
