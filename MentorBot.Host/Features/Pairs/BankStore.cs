using System.Text.Json;
using Dapper;
using MentorBot.Domain.Banks;
using MentorBot.Domain.Colleagues;
using MentorBot.Domain.Matching;
using MentorBot.Domain.Pairs;
using Npgsql;

namespace MentorBot.Host.Features.Pairs;

/// <summary>A mentor or mentee of the organisation as the curator's screens show them.</summary>
/// <param name="MembershipId"><c>memberships.id</c>; also the matcher's id (as text).</param>
/// <param name="Name">Full name from the questionnaire, else the messenger name, else «участник №id».</param>
/// <param name="HasIntake">The intake questionnaire (mentor_intake / mentee_intake) is completed: the person is in the bank.</param>
/// <param name="DutiesConsent">Mentors: the written consent to mentoring duties is in force (ТК РФ ст. 351.8).</param>
/// <param name="IsHead">The person also holds the head role (the form «руководитель – педагог»).</param>
public sealed record BankMember(long MembershipId, string Name, bool HasIntake, bool DutiesConsent, bool IsHead);

/// <summary>
/// The organisation's mentor and mentee banks: active members holding the role, their matcher profiles
/// (only for those with a completed intake questionnaire) and the preference survey's choices.
/// </summary>
/// <param name="Mentors">Active mentors, by membership id.</param>
/// <param name="Mentees">Active mentees, by membership id.</param>
/// <param name="MentorProfiles">Profiles of the mentors with a completed <c>mentor_intake</c>; preferences not yet applied.</param>
/// <param name="MenteeProfiles">Profiles of the mentees with a completed <c>mentee_intake</c>; preferences not yet applied.</param>
/// <param name="Preferences">Chooser membership id → chosen membership ids in rank order (<c>match_preferences</c>).</param>
public sealed record Bank(
    IReadOnlyList<BankMember> Mentors,
    IReadOnlyList<BankMember> Mentees,
    IReadOnlyDictionary<long, MentorProfile> MentorProfiles,
    IReadOnlyDictionary<long, MenteeProfile> MenteeProfiles,
    IReadOnlyDictionary<long, IReadOnlyList<long>> Preferences)
{
    /// <summary>The display name of a mentor or mentee of the bank, or «участник №id».</summary>
    public string NameOf(long membershipId) =>
        Mentors.Concat(Mentees).FirstOrDefault(m => m.MembershipId == membershipId)?.Name ?? BanksTexts.Unnamed(membershipId);

    /// <summary>The organisation's matching weights (<c>organisations.matching_weights</c>), else the defaults.</summary>
    public MatchingWeights Weights { get; init; } = MatchingWeights.Default;

    /// <summary>What <paramref name="chooser"/> named in the preference survey (empty when nothing).</summary>
    public IReadOnlyList<long> ChoicesOf(long chooser) => Preferences.GetValueOrDefault(chooser) ?? [];

    /// <summary>Colleagues' notes on the mentees' needs (issue 15), by mentee membership id.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<MenteeNote>> Notes { get; init; } = new Dictionary<long, IReadOnlyList<MenteeNote>>();

    /// <summary>True when the organisation counts the notes' topics as the mentee's requests in the score (<c>organisations.notes_in_matching</c>).</summary>
    public bool NotesInScore { get; init; }

    /// <summary>The notes on <paramref name="menteeId"/> (empty when none).</summary>
    public IReadOnlyList<MenteeNote> NotesOf(long menteeId) => Notes.GetValueOrDefault(menteeId) ?? [];
}

/// <summary>SQL reading the banks (issue 5, «profiles from the database»).</summary>
public static class BankStore
{
    private sealed class PersonRow
    {
        public long MembershipId { get; init; }
        public string? Name { get; init; }
        public string? Subject { get; init; }
        public string Role { get; init; } = "";
        public string? Answers { get; init; }
        public bool DutiesConsent { get; init; }
        public bool IsHead { get; init; }
    }

    private sealed class PreferenceRow
    {
        public long ChooserMembershipId { get; init; }
        public long ChosenMembershipId { get; init; }
    }

    /// <summary>
    /// Loads the banks of <paramref name="organisationId"/>: active memberships with the mentor or mentee role, the
    /// completed intake answers (context_key '') of each, the mentoring-duties consent (view <c>current_consents</c>)
    /// and the preferences. Preferences are not put into the profiles here: <see cref="MatchRun"/> keeps those that
    /// name people still in the run.
    /// </summary>
    public static async Task<Bank> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string people = """
            SELECT m.id AS membership_id,
                   coalesce(nullif(btrim(m.full_name), ''), nullif(btrim(concat_ws(' ', p.first_name, p.last_name)), '')) AS name,
                   m.subject, r.role, q.answers::text AS answers,
                   EXISTS (SELECT 1 FROM current_consents c
                            WHERE c.organisation_id = m.organisation_id AND c.participant_id = m.participant_id
                              AND c.kind = 'mentoring_duties' AND c.event = 'given') AS duties_consent,
                   EXISTS (SELECT 1 FROM membership_roles h WHERE h.membership_id = m.id AND h.role = 'head') AS is_head
              FROM memberships m
              JOIN participants p ON p.id = m.participant_id
              JOIN membership_roles r ON r.membership_id = m.id AND r.role IN ('mentor', 'mentee')
              LEFT JOIN questionnaire_responses q
                     ON q.membership_id = m.id AND q.context_key = '' AND q.status = 'completed'
                    AND q.questionnaire = CASE r.role WHEN 'mentor' THEN 'mentor_intake' ELSE 'mentee_intake' END
             WHERE m.organisation_id = @organisationId AND m.status = 'active'
             ORDER BY m.id
            """;
        const string preferences = """
            SELECT f.chooser_membership_id, f.chosen_membership_id
              FROM match_preferences f
              JOIN memberships c ON c.id = f.chosen_membership_id AND c.status = 'active'
             WHERE f.organisation_id = @organisationId
             ORDER BY f.chooser_membership_id, f.rank
            """;
        var rows = (await connection.QueryAsync<PersonRow>(new CommandDefinition(people, new { organisationId }, transaction, cancellationToken: cancellationToken))).ToList();
        var choices = await connection.QueryAsync<PreferenceRow>(new CommandDefinition(preferences, new { organisationId }, transaction, cancellationToken: cancellationToken));

        var mentors = new List<BankMember>();
        var mentees = new List<BankMember>();
        var mentorProfiles = new Dictionary<long, MentorProfile>();
        var menteeProfiles = new Dictionary<long, MenteeProfile>();
        foreach (var row in rows)
        {
            var name = row.Name ?? BanksTexts.Unnamed(row.MembershipId);
            var member = new BankMember(row.MembershipId, name, row.Answers is not null, row.DutiesConsent, row.IsHead);
            var id = Id(row.MembershipId);
            if (row.Role == "mentor")
            {
                mentors.Add(member);
                if (row.Answers is not null)
                    mentorProfiles[row.MembershipId] = IntakeProfiles.Mentor(id, Parse(row.Answers), row.Subject, []);
            }
            else
            {
                mentees.Add(member);
                if (row.Answers is not null)
                    menteeProfiles[row.MembershipId] = IntakeProfiles.Mentee(id, Parse(row.Answers), row.Subject, []);
            }
        }

        var preferenceMap = choices.GroupBy(c => c.ChooserMembershipId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)[.. g.Select(c => c.ChosenMembershipId)]);
        var weightsJson = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT matching_weights::text FROM organisations WHERE id = @organisationId", new { organisationId }, transaction, cancellationToken: cancellationToken));
        return new Bank(mentors, mentees, mentorProfiles, menteeProfiles, preferenceMap)
        {
            Weights = OrganisationWeights.Read(weightsJson),
            Notes = await Colleagues.NoteStore.ByMenteeAsync(connection, transaction, organisationId, cancellationToken),
            NotesInScore = await Colleagues.NoteStore.InScoreAsync(connection, transaction, organisationId, cancellationToken),
        };
    }

    /// <summary>The matcher's id of a membership: its number as invariant text.</summary>
    public static string Id(long membershipId) => membershipId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Parse(string answers)
    {
        using var document = JsonDocument.Parse(answers);
        return document.RootElement.Clone();
    }
}
