using MentorBot.Domain.Practices;

namespace MentorBot.Host.Features.Practices;

/// <summary>
/// A case as readers of the library see it (152-ФЗ ст. 10.1): each person's name only with their publication consent,
/// else «наставник», «куратор» or «молодой педагог» — in the byline and wherever the text mentions them.
/// </summary>
/// <param name="Id">The case.</param>
/// <param name="Topic">Taxonomy label.</param>
/// <param name="Title">Anonymised title.</param>
/// <param name="Authors">The author and, when another, the pair's mentor.</param>
/// <param name="Mentee">The pair's mentee, or null without a pair.</param>
/// <param name="Difficulty">Anonymised difficulty.</param>
/// <param name="Actions">Anonymised actions.</param>
/// <param name="Result">Anonymised result.</param>
public sealed record CaseView(long Id, string Topic, string Title, string Authors, string? Mentee, string Difficulty, string Actions, string Result)
{
    /// <summary>Builds the view of <paramref name="record"/>.</summary>
    public static CaseView Of(CaseRecord record)
    {
        var authorIsMentor = record.AuthorMembershipId == record.MentorMembershipId;
        var author = new CasePerson(record.AuthorName, record.AuthorConsent,
            authorIsMentor || record.MentorMembershipId is null ? PracticesTexts.MentorPlaceholder : PracticesTexts.CuratorPlaceholder);
        var mentor = record.MentorMembershipId is null || authorIsMentor ? null : new CasePerson(record.MentorName, record.MentorConsent, PracticesTexts.MentorPlaceholder);
        var mentee = record.MenteeMembershipId is null ? null : new CasePerson(record.MenteeName, record.MenteeConsent, PracticesTexts.MenteePlaceholder);
        CasePerson[] people = [.. new[] { author, mentor, mentee }.OfType<CasePerson>()];
        string Scrub(string text) => CaseAnonymity.Scrub(text, people);
        var authors = mentor is null ? author.Display : $"{author.Display}, {mentor.Display}";
        return new CaseView(record.Id, record.Topic, Scrub(record.Title), authors, mentee?.Display, Scrub(record.Difficulty), Scrub(record.Actions), Scrub(record.Result));
    }

    /// <summary>True when <paramref name="word"/> occurs in the anonymised text (case-insensitive), so a search never finds a case by a hidden name.</summary>
    public bool Mentions(string word) =>
        new[] { Topic, Title, Authors, Mentee ?? "", Difficulty, Actions, Result }.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase));
}
