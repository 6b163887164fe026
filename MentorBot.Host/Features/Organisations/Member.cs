using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Host.Features.Organisations;

/// <summary>A person as a member of one organisation: who they are there and which roles they hold.</summary>
/// <param name="MembershipId"><c>memberships.id</c>.</param>
/// <param name="ParticipantId"><c>participants.id</c>.</param>
/// <param name="Organisation">The organisation (id, name, IANA time zone).</param>
/// <param name="Roles">The roles held there; may be empty only for a membership being created.</param>
/// <param name="FullName">The name the person gave in the questionnaire, else null.</param>
public sealed record Member(long MembershipId, long ParticipantId, Organisation Organisation, IReadOnlySet<Role> Roles, string? FullName)
{
    /// <summary>Whether the personal-data consent for this organisation is in force (152-ФЗ ст. 9), as read with the membership.</summary>
    public bool PersonalDataConsentGiven { get; init; }

    /// <summary>Whether the consent to mentoring duties is in force (ТК РФ ст. 351.8), as read with the membership.</summary>
    public bool DutiesConsentGiven { get; init; }

    /// <summary>
    /// The organisation's competency taxonomy (<c>organisations.competencies</c>, else the built-in list), read with the
    /// membership so that a questionnaire answer costs no query for it.
    /// </summary>
    public CompetencyTaxonomy Taxonomy { get; init; } = CompetencyTaxonomy.Default;

    /// <summary>True when the member holds <paramref name="role"/>.</summary>
    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>True when the member holds any of <paramref name="roles"/>.</summary>
    public bool HasAny(IEnumerable<Role> roles) => roles.Any(Roles.Contains);

    /// <summary>The organisation's time zone.</summary>
    /// <exception cref="TimeZoneNotFoundException">The stored zone is unknown to this machine (validated at creation).</exception>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(Organisation.TimeZone);

    /// <summary>The organisation's date at <paramref name="now"/>: what «today» means to this member.</summary>
    public DateOnly Today(DateTimeOffset now) => LocalDates.Of(now, TimeZone);
}
