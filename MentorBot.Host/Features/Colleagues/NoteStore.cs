using Dapper;
using MentorBot.Domain.Colleagues;
using MentorBot.Domain.Organisations;
using Npgsql;

namespace MentorBot.Host.Features.Colleagues;

/// <summary>SQL of colleagues' notes on a mentee's needs (<c>mentee_notes</c>, issue 15); every statement bounded by the organisation.</summary>
public static class NoteStore
{
    private const string Select = """
        SELECT n.id, n.mentee_membership_id, n.author_role, a.full_name AS author_name, n.topic, n.text, n.created_at
          FROM mentee_notes n JOIN memberships a ON a.id = n.author_membership_id
        """;

    /// <summary>Stores a note; returns its id.</summary>
    public static Task<long> AddAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long menteeMembershipId,
        long authorMembershipId, Role authorRole, string? topic, string text, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO mentee_notes (organisation_id, mentee_membership_id, author_membership_id, author_role, topic, text, created_at)
            VALUES (@organisationId, @menteeMembershipId, @authorMembershipId, @role, @topic, @text, @now) RETURNING id
            """, new { organisationId, menteeMembershipId, authorMembershipId, role = authorRole.Code(), topic, text, now = now.UtcDateTime },
            transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The notes on one mentee, oldest first: all of them for the curator, only their own for a colleague
    /// (<paramref name="authorMembershipId"/> not null).
    /// </summary>
    public static async Task<IReadOnlyList<MenteeNote>> OnMenteeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId,
        long menteeMembershipId, long? authorMembershipId, CancellationToken cancellationToken) =>
        Map(await connection.QueryAsync<NoteRow>(new CommandDefinition(Select + """

             WHERE n.organisation_id = @organisationId AND n.mentee_membership_id = @menteeMembershipId
               AND (@authorMembershipId::bigint IS NULL OR n.author_membership_id = @authorMembershipId)
             ORDER BY n.created_at, n.id
            """, new { organisationId, menteeMembershipId, authorMembershipId }, transaction, cancellationToken: cancellationToken)));

    /// <summary>Every note of the organisation by mentee (for the matching), oldest first.</summary>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<MenteeNote>>> ByMenteeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        Guid organisationId, CancellationToken cancellationToken)
    {
        var notes = Map(await connection.QueryAsync<NoteRow>(new CommandDefinition(Select + """

             WHERE n.organisation_id = @organisationId ORDER BY n.created_at, n.id
            """, new { organisationId }, transaction, cancellationToken: cancellationToken)));
        return notes.GroupBy(n => n.MenteeMembershipId).ToDictionary(g => g.Key, g => (IReadOnlyList<MenteeNote>)[.. g]);
    }

    /// <summary>Whether the organisation counts the notes' topics in the matching score (<c>organisations.notes_in_matching</c>).</summary>
    public static Task<bool> InScoreAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT notes_in_matching FROM organisations WHERE id = @organisationId",
            new { organisationId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Switches counting the notes in the score; returns the new state.</summary>
    public static Task<bool> SwitchInScoreAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "UPDATE organisations SET notes_in_matching = NOT notes_in_matching WHERE id = @organisationId RETURNING notes_in_matching",
            new { organisationId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Erasure (152-ФЗ ст. 21 ч. 5): the notes about the member and the notes the member wrote — a note names both the
    /// mentee's needs and its author.
    /// </summary>
    public static Task EraseAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM mentee_notes WHERE mentee_membership_id = @membershipId OR author_membership_id = @membershipId",
            new { membershipId }, transaction, cancellationToken: cancellationToken));

    private static List<MenteeNote> Map(IEnumerable<NoteRow> rows) =>
        [.. rows.Select(r => new MenteeNote(r.Id, r.MenteeMembershipId, Roles.TryParse(r.AuthorRole, out var role) ? role : Role.Psychologist, r.AuthorName, r.Topic, r.Text, r.CreatedAt))];

    // A settable class: Dapper maps snake_case columns to it reliably (MatchNamesWithUnderscores).
    private sealed class NoteRow
    {
        public long Id { get; init; }
        public long MenteeMembershipId { get; init; }
        public string AuthorRole { get; init; } = "";
        public string? AuthorName { get; init; }
        public string? Topic { get; init; }
        public string Text { get; init; } = "";
        public DateTime CreatedAt { get; init; }
    }
}
