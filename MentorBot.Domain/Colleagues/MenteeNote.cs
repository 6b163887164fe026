using MentorBot.Domain.Matching;
using MentorBot.Domain.Organisations;

namespace MentorBot.Domain.Colleagues;

/// <summary>
/// A colleague's note on a mentee's needs (issue 15; road map stage 2, «сбор информации о запросах наставляемых от
/// третьих лиц: психолог, руководитель»): for the curator's eyes, on the mentee's card and in the matching's reasons.
/// </summary>
/// <param name="Id"><c>mentee_notes.id</c>.</param>
/// <param name="MenteeMembershipId">Whom it is about.</param>
/// <param name="AuthorRole">The role it was written in: <see cref="Role.Psychologist"/> or <see cref="Role.Head"/>.</param>
/// <param name="AuthorName">The author's full name, or null when unknown.</param>
/// <param name="Topic">A label of the competency taxonomy, or null («другое»).</param>
/// <param name="Text">What the colleague wrote.</param>
/// <param name="CreatedAt">When (UTC).</param>
public sealed record MenteeNote(long Id, long MenteeMembershipId, Role AuthorRole, string? AuthorName, string? Topic, string Text, DateTime CreatedAt);

/// <summary>The rules of colleagues' notes, free of storage.</summary>
public static class MenteeNotes
{
    /// <summary>The longest note, in characters (one chat message, well under the Bot API's 4096).</summary>
    public const int MaxLength = 1000;

    /// <summary>The roles that write notes: the psychologist and the head (the road maps' «третьи лица»).</summary>
    public static readonly IReadOnlyList<Role> AuthorRoles = [Role.Psychologist, Role.Head];

    /// <summary>The role a member writes in: psychologist before head when they hold both; null when they hold neither.</summary>
    public static Role? AuthorRoleOf(Func<Role, bool> has) => AuthorRoles.Cast<Role?>().FirstOrDefault(r => has(r!.Value));

    /// <summary>The distinct topics the notes name (in the order first written), «другое» left out.</summary>
    public static IReadOnlyList<string> Needs(IEnumerable<MenteeNote> notes) =>
        [.. notes.Select(n => n.Topic).OfType<string>().DistinctBy(MatchingText.Normalize)];

    /// <summary>
    /// The mentee's profile with the notes' topics added to the requests — what the matcher scores when the organisation
    /// counts notes in the score (<c>organisations.notes_in_matching</c>); a topic the mentee named already is not added twice.
    /// </summary>
    public static MenteeProfile WithNeeds(MenteeProfile mentee, IEnumerable<MenteeNote> notes)
    {
        var own = mentee.Difficulties.Select(MatchingText.Normalize).ToHashSet(StringComparer.Ordinal);
        var added = Needs(notes).Where(t => !own.Contains(MatchingText.Normalize(t))).ToList();
        return added.Count == 0 ? mentee : mentee with { Difficulties = [.. mentee.Difficulties, .. added] };
    }

    /// <summary>The reasons the notes add to a proposed pair: each topic, and whether the mentor helps with it (Russian).</summary>
    public static IReadOnlyList<string> Reasons(IEnumerable<MenteeNote> notes, MentorProfile? mentor)
    {
        var competencies = (mentor?.Competencies ?? []).Select(MatchingText.Normalize).ToHashSet(StringComparer.Ordinal);
        return [.. Needs(notes).Select(t => ColleaguesTexts.Reason(t, competencies.Contains(MatchingText.Normalize(t))))];
    }
}
