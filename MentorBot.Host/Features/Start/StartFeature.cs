using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Meetings;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Start;

/// <summary>
/// <c>/start</c> (with an invite token: its redemption, <see cref="InvitesFeature.RedeemAsync"/>; with <c>link_CODE</c>: the
/// account link, <see cref="Accounts.AccountsFeature.RedeemAsync"/>),
/// <c>/help</c> (the commands the person's roles allow, from <see cref="ChatRoutes.Menu"/>), <c>/cancel</c>
/// and the answer to anything no other feature handles.
/// </summary>
public sealed class StartFeature : IChatFeature
{
    private ChatRoutes? routes;

    /// <inheritdoc />
    public void Map(ChatRoutes routes)
    {
        this.routes = routes;
        routes
            .Command("start", Start, StartTexts.StartMenu)
            .Command("help", Help, StartTexts.HelpMenu)
            .Command("cancel", Cancel, StartTexts.CancelMenu)
            .Fallback(NotUnderstood);
    }

    /// <summary>
    /// The commands in the programme's course (the road map's stages 1 → 7): joining and dialogue control, then the
    /// road map, the banks, matching and the order, the pairs' work, monitoring and exports, and closing last.
    /// </summary>
    public static IReadOnlyList<string> Course => CourseOrder;

    private static readonly string[] CourseOrder =
    [
        "start", "help", "cancel", "back", "questionnaire", "consents", "org", "pause",
        "roadmap", "invite", "mentors", "mentees", "match", "forms", "order",
        "plan", "meeting", "meetings", "curator", "digest", "digest_time", "export", "reports",
        "close_programme",
    ];

    /// <summary>
    /// The menu entries listed for a person holding <paramref name="roles"/>: those for everyone and those for any of
    /// the roles, in the order of <see cref="Course"/>; a command it does not name comes just before closing the
    /// programme, in registration order.
    /// </summary>
    public static IEnumerable<MenuEntry> MenuFor(IEnumerable<MenuEntry> menu, IReadOnlySet<Role> roles) =>
        menu.Where(e => e.Roles.Count == 0 || e.Roles.Any(roles.Contains))
            .OrderBy(e => Array.IndexOf(CourseOrder, e.Command) is var i and >= 0 ? i : CourseOrder.Length - 1.5);

    private static async Task Start(ChatContext context, ChatInput input)
    {
        if ((input as CommandInput)?.Argument is { } linkCode && linkCode.StartsWith(Accounts.AccountsFeature.StartPrefix, StringComparison.Ordinal))
            await Accounts.AccountsFeature.RedeemAsync(context, linkCode[Accounts.AccountsFeature.StartPrefix.Length..]);
        else if ((input as CommandInput)?.Argument is { } token)
            await InvitesFeature.RedeemAsync(context, token);
        else if (await MembershipStore.CurrentAsync(context.Connection, context.Transaction, context.ParticipantId, context.CancellationToken) is not { } member)
            context.Reply(Reply.Plain(StartTexts.Welcome));
        else if (Access.MissingConsent(member) is { } missing)
            context.Reply(Reply.WithChoices(missing == Access.PersonalData ? AccessTexts.ConsentFirst : AccessTexts.DutiesConsentFirst,
                new Choice(AccessTexts.OpenConsent, Access.OpenConsentData)));
        else
            context.Reply(Reply.Plain(StartTexts.WelcomeBack(member.Organisation.Name)));
    }

    private async Task Help(ChatContext context, ChatInput input)
    {
        var member = await MembershipStore.CurrentAsync(context.Connection, context.Transaction, context.ParticipantId, context.CancellationToken);
        context.Reply(Reply.Plain(StartTexts.Help(MenuFor(routes?.Menu ?? [], member?.Roles ?? new HashSet<Role>()))));
    }

    private static async Task Cancel(ChatContext context, ChatInput input) =>
        context.Reply(Reply.Plain(await context.ClearConversationAsync() ? StartTexts.Cancelled : StartTexts.NothingToCancel));

    private static async Task NotUnderstood(ChatContext context, ChatInput input)
    {
        // A mentor's free text may be a meeting log (issue 6); the meetings feature answers it when it is theirs.
        if (input is TextInput text && await MeetingCheckInConversation.TryStartFromTextAsync(context, text.Text)) return;
        // A mentee's words the bot does not understand may be a problem: offer to pass it to the curator (issue 17).
        var member = input is TextInput ? await MembershipStore.CurrentAsync(context.Connection, context.Transaction, context.ParticipantId, context.CancellationToken) : null;
        context.Reply(member is not null && member.Has(Role.Mentee)
            ? Reply.WithChoices(StartTexts.NotUnderstoodOfferCurator, FlagConversation.Button)
            : Reply.Plain(StartTexts.NotUnderstood));
    }
}
