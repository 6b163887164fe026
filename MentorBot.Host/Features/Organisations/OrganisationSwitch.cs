using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Organisations;

/// <summary>
/// <c>/org</c>: a person in several organisations picks the one they act in now
/// (<c>participants.current_organisation_id</c>); every other command works in that one only. Lists only
/// the person's own active memberships. Buttons: <c>org:use:ORGANISATION_ID</c>.
/// </summary>
public sealed class OrganisationSwitch : IChatFeature
{
    private const string Prefix = "org";

    private sealed class Row
    {
        public Guid OrganisationId { get; init; }
        public string Name { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public bool IsCurrent { get; init; }
    }

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("org", ShowAsync, OrganisationTexts.OrgMenu)
        .Choice(Prefix, UseAsync);

    /// <summary>Makes <paramref name="organisationId"/> the sender's current organisation.</summary>
    public static Task MakeCurrentAsync(ChatContext context, Guid organisationId)
    {
        const string sql = "UPDATE participants SET current_organisation_id = @organisationId WHERE id = @participantId";
        return context.Connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId, participantId = context.ParticipantId }, context.Transaction, cancellationToken: context.CancellationToken));
    }

    private static async Task<IReadOnlyList<Row>> MembershipsAsync(ChatContext context)
    {
        // The current one as CurrentAsync picks it: the stored choice, or the only membership.
        const string sql = """
            SELECT o.id AS organisation_id, o.name,
                   coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles,
                   (o.id = p.current_organisation_id
                    OR (p.current_organisation_id IS NULL AND count(*) OVER () = 1)) AS is_current
              FROM memberships m
              JOIN organisations o ON o.id = m.organisation_id
              JOIN participants p ON p.id = m.participant_id
              LEFT JOIN membership_roles r ON r.membership_id = m.id
             WHERE m.participant_id = @participantId AND m.status = 'active'
             GROUP BY o.id, p.current_organisation_id
             ORDER BY o.name, o.id
            """;
        return (await context.Connection.QueryAsync<Row>(new CommandDefinition(sql, new { participantId = context.ParticipantId }, context.Transaction, cancellationToken: context.CancellationToken))).ToList();
    }

    private static async Task ShowAsync(ChatContext context, ChatInput input)
    {
        var rows = await MembershipsAsync(context);
        switch (rows.Count)
        {
            case 0:
                context.Reply(Reply.Plain(AccessTexts.NotAMember));
                return;
            case 1:
                context.Reply(Reply.Plain(OrganisationTexts.OnlyOne(rows[0].Name, RoleNames(rows[0].Roles))));
                return;
        }

        var current = rows.FirstOrDefault(r => r.IsCurrent);
        context.Reply(Reply.WithChoices(OrganisationTexts.Pick(current?.Name),
            [.. rows.Select(r => new Choice(OrganisationTexts.Button(r.Name, r.IsCurrent), $"{Prefix}:use:{r.OrganisationId}"))]));
    }

    private static async Task UseAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        var rows = await MembershipsAsync(context);
        var chosen = parts is [_, "use", var id] && Guid.TryParse(id, out var organisationId)
            ? rows.FirstOrDefault(r => r.OrganisationId == organisationId)
            : null;
        if (chosen is null)
        {
            context.AnswerChoice(PipelineTexts.ButtonExpired);
            return;
        }

        context.AnswerChoice();
        await MakeCurrentAsync(context, chosen.OrganisationId);
        await context.ClearConversationAsync();
        context.Reply(Reply.Plain(OrganisationTexts.Switched(chosen.Name, RoleNames(chosen.Roles))));
    }

    private static string RoleNames(IEnumerable<string> codes) =>
        string.Join(", ", codes.Select(c => Roles.TryParse(c, out var role) ? role.RussianName() : c));
}

/// <summary>What /org says (Russian).</summary>
public static class OrganisationTexts
{
    /// <summary>Command menu entry of /org.</summary>
    public const string OrgMenu = "Выбрать организацию, в которой работаете";

    /// <summary>/org for a person in one organisation.</summary>
    public static string OnlyOne(string organisation, string roles) =>
        $"Вы участвуете в одной организации: «{organisation}»" + (roles.Length > 0 ? $" (роли: {roles})." : ".");

    /// <summary>/org for a person in several organisations.</summary>
    public static string Pick(string? current) =>
        (current is null ? "Организация не выбрана." : $"Сейчас вы работаете в «{current}».") + " Выберите организацию:";

    /// <summary>A button of /org; the current one is marked.</summary>
    public static string Button(string organisation, bool isCurrent)
    {
        var name = organisation.Length <= 60 ? organisation : organisation[..59] + "…";
        return isCurrent ? $"✓ {name}" : name;
    }

    /// <summary>After switching.</summary>
    public static string Switched(string organisation, string roles) =>
        $"Теперь вы работаете в «{organisation}»" + (roles.Length > 0 ? $". Ваши роли: {roles}." : ".") + " Список команд — /help.";
}
