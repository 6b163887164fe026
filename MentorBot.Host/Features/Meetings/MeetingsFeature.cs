using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Meetings;

/// <summary>
/// Meetings and feedback (issue 6, road-map stage 6): <c>/meeting</c> (guided check-in),
/// <c>/meetings</c> (a mentor's logs, corrected or deleted within 7 days by their author only),
/// <c>/close_programme</c> (curator), the check-in's <c>meet:…</c> buttons, feedback-poll answers
/// (<c>poll:…</c>), the curator's «resolved» on flags (<c>flag:…</c>). A meeting logged by one ordinary
/// message reaches <see cref="MeetingCheckInConversation.TryStartFromTextAsync"/> from StartFeature's fallback; an edit
/// of that message corrects the log (<see cref="MeetingEdits"/>).
/// </summary>
public sealed class MeetingsFeature(Notifier notifier) : IChatFeature
{
    /// <summary>How many logs /meetings shows.</summary>
    public const int ListLimit = 10;

    private sealed record CommentData(long PollId);

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("meeting", (context, _) => GuidedAsync(context), MeetingsTexts.MeetingMenu, Role.Mentor)
        .Command("meetings", (context, _) => ListAsync(context), MeetingsTexts.MeetingsMenu, Role.Mentor)
        .Command("close_programme", (context, _) => AskCloseAsync(context), MeetingsTexts.CloseProgrammeMenu, Role.Curator)
        .Choice(MeetingCheckIn.Prefix, MeetChoiceAsync)
        .Flow(MeetingCheckInConversation.Flow, (context, input) => MeetingCheckInConversation.ContinueAsync(context, notifier, input))
        .Choice(FeedbackPolls.Prefix, PollChoiceAsync)
        .Flow(FeedbackPolls.CommentFlow, CommentAsync)
        .Command("curator", (context, _) => FlagConversation.AskAsync(context), MeetingsTexts.CuratorMenu, Role.Mentee, Role.Mentor)
        .Flow(FlagConversation.Flow, (context, input) => FlagConversation.TextAsync(context, notifier, input))
        .Choice(FlagStore.Prefix, FlagChoiceAsync)
        .Edit(MeetingEdits.EditAsync);

    // ---- the check-in, guided or correcting a log ----

    /// <summary>Button data that starts the guided check-in (what «Начать заново» replays after /meeting).</summary>
    private const string NewData = MeetingCheckIn.Prefix + ":new";

    /// <summary>
    /// <c>/meeting</c>: the guided check-in. Another open conversation (a questionnaire, say) is not
    /// abandoned without asking (<see cref="ConversationSwitch"/>); an open check-in is started afresh.
    /// </summary>
    private static async Task GuidedAsync(ChatContext context)
    {
        var member = await Access.RequireAsync(context, Role.Mentor);
        if (member is null) return;
        if (!await ConversationSwitch.ConfirmSwitchAsync(context, MeetingCheckInConversation.Flow, NewData)) return;
        var pairs = await MeetingStore.LivePairsAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken);
        if (pairs.Count == 0)
        {
            context.Reply(Reply.Plain(MeetingsTexts.NoPair));
            return;
        }

        await MeetingCheckInConversation.BeginAsync(context, MeetingCheckInData.For(pairs), member.Today(context.Now));
    }

    private static async Task FixAsync(ChatContext context, long meetingId)
    {
        var member = await Access.RequireAsync(context, Role.Mentor);
        if (member is null) return;
        var meeting = await ChangeableAsync(context, member, meetingId);
        if (meeting is null) return;
        if (!await ConversationSwitch.ConfirmSwitchAsync(context, MeetingCheckInConversation.Flow,
                $"{MeetingCheckIn.Prefix}:fix:{meetingId.ToString(CultureInfo.InvariantCulture)}")) return;
        var pairs = (await MeetingStore.LivePairsAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken)).ToList();
        if (pairs.All(p => p.PairId != meeting.PairId)) pairs.Insert(0, new CheckInPair(meeting.PairId, meeting.MenteeName));
        var data = new MeetingCheckInData(meeting.HeldOn, meeting.DurationMinutes, MeetingCheckIn.KindOf(meeting.Kind) ?? MeetingKind.Regular,
            MeetingCheckIn.FormatOf(meeting.Format), meeting.Topic, meeting.PairId, pairs, meeting.Id, meeting.SourceText);
        await MeetingCheckInConversation.BeginAsync(context, data, member.Today(context.Now));
    }

    private async Task MeetChoiceAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        var id = parts.Length > 2 && long.TryParse(parts[^1], CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        switch (parts.Length > 1 ? parts[1] : "")
        {
            case "new":
                context.AnswerChoice();
                await GuidedAsync(context);
                break;
            case "fix" when id is { } fix:
                context.AnswerChoice();
                await FixAsync(context, fix);
                break;
            case "del" when id is { } del:
                await AskDeleteAsync(context, del);
                break;
            case "delok" when id is { } delete:
                await DeleteAsync(context, delete);
                break;
            case "delno":
                context.AnswerChoice();
                context.Reply(Reply.Plain(MeetingsTexts.Cancelled));
                break;
            case "closeok":
                await CloseAsync(context);
                break;
            case "closeno":
                context.AnswerChoice();
                context.Reply(Reply.Plain(MeetingsTexts.CloseCancelled));
                break;
            default:
                await MeetingCheckInConversation.ContinueAsync(context, notifier, input);
                break;
        }
    }

    // ---- /meetings: list, correct, delete ----

    private static async Task ListAsync(ChatContext context)
    {
        var member = await Access.RequireAsync(context, Role.Mentor);
        if (member is null) return;
        var (rows, total) = await MeetingStore.ListAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, ListLimit, context.CancellationToken);
        if (rows.Count == 0)
        {
            context.Reply(Reply.Plain(MeetingsTexts.NoMeetings));
            return;
        }

        var lines = new List<string> { MeetingsTexts.MeetingsHeading(rows.Count, total) };
        var buttons = new List<IReadOnlyList<Choice>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            lines.Add(MeetingsTexts.MeetingLine(i + 1, row.HeldOn, row.DurationMinutes, MeetingCheckIn.KindOf(row.Kind) ?? MeetingKind.Regular, row.MenteeName, row.Topic));
            if (MeetingChangeRules.Check(row.LoggedBy, member.MembershipId, Utc(row.CreatedAt), false, context.Now) == MeetingChangeVerdict.Allowed)
                buttons.Add([new Choice(MeetingsTexts.FixLabel(i + 1), $"{MeetingCheckIn.Prefix}:fix:{row.Id}"), new Choice(MeetingsTexts.DeleteLabel(i + 1), $"{MeetingCheckIn.Prefix}:del:{row.Id}")]);
        }

        context.Reply(new Reply(string.Join("\n", lines), buttons));
    }

    /// <summary>The log when the member may change it; otherwise says why not and returns null.</summary>
    private static async Task<MeetingRow?> ChangeableAsync(ChatContext context, Member member, long meetingId)
    {
        var meeting = await MeetingStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, meetingId, context.CancellationToken);
        var verdict = meeting is null ? MeetingChangeVerdict.NotAuthor
            : MeetingChangeRules.Check(meeting.LoggedBy, member.MembershipId, Utc(meeting.CreatedAt), meeting.DeletedAt is not null, context.Now);
        if (verdict == MeetingChangeVerdict.Allowed) return meeting;
        context.Reply(Reply.Plain(MeetingsTexts.ChangeRefused(verdict)));
        return null;
    }

    private static async Task AskDeleteAsync(ChatContext context, long meetingId)
    {
        var member = await Access.RequireAsync(context, Role.Mentor);
        if (member is null) return;
        context.AnswerChoice();
        if (await ChangeableAsync(context, member, meetingId) is not { } meeting) return;
        context.Reply(new Reply(MeetingsTexts.ConfirmDelete(meeting.HeldOn),
            [[new Choice(MeetingsTexts.DeleteYes, $"{MeetingCheckIn.Prefix}:delok:{meetingId}"), new Choice(MeetingsTexts.CancelLabel, $"{MeetingCheckIn.Prefix}:delno")]]));
    }

    private static async Task DeleteAsync(ChatContext context, long meetingId)
    {
        var member = await Access.RequireAsync(context, Role.Mentor);
        if (member is null) return;
        context.AnswerChoice();
        if (await ChangeableAsync(context, member, meetingId) is null) return;
        if (await MeetingStore.DeleteAsync(context.Connection, context.Transaction, meetingId, member.MembershipId, context.Now, context.CancellationToken))
            await FeedbackPolls.CloseForMeetingAsync(context.Connection, context.Transaction, meetingId, context.Now, context.CancellationToken);
        context.Reply(Reply.Plain(MeetingsTexts.Deleted));
    }

    // ---- closing the programme ----

    private static async Task AskCloseAsync(ChatContext context)
    {
        var member = await Access.RequireAsync(context, Role.Curator);
        if (member is null) return;
        var live = await PairTermEnd.LivePairCountAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        context.Reply(live == 0
            ? Reply.Plain(MeetingsTexts.NothingToClose)
            : new Reply(MeetingsTexts.ConfirmClose(live),
                [[new Choice(MeetingsTexts.CloseYes, $"{MeetingCheckIn.Prefix}:closeok"), new Choice(MeetingsTexts.CancelLabel, $"{MeetingCheckIn.Prefix}:closeno")]]));
    }

    private async Task CloseAsync(ChatContext context)
    {
        var member = await Access.RequireAsync(context, Role.Curator);
        if (member is null) return;
        context.AnswerChoice();
        var closed = await PairTermEnd.CompleteAsync(context.Connection, context.Transaction, notifier, context.Now, member.Organisation.Id, context.CancellationToken);
        context.Reply(Reply.Plain(closed == 0 ? MeetingsTexts.NothingToClose : MeetingsTexts.Closed(closed)));
    }

    // ---- feedback polls ----

    private static async Task PollChoiceAsync(ChatContext context, ChatInput input)
    {
        var member = await Access.RequireAsync(context);
        if (member is null) return;
        context.AnswerChoice();
        var parts = ((ChoiceInput)input).Data.Split(':');
        if (parts.Length < 3 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var pollId))
        {
            context.Reply(Reply.Plain(MeetingsTexts.PollClosed));
            return;
        }

        if (parts[1] == "nocomment")
        {
            if (await context.GetConversationAsync() is { Flow: FeedbackPolls.CommentFlow }) await context.ClearConversationAsync();
            context.Reply(Reply.Plain(MeetingsTexts.PollThanks));
            return;
        }

        if (parts[1] != "score" || parts.Length != 4 || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
        {
            context.Reply(Reply.Plain(MeetingsTexts.PollClosed));
            return;
        }

        switch (await FeedbackPolls.AnswerAsync(context.Connection, context.Transaction, pollId, context.ParticipantId, score, context.Now, context.CancellationToken))
        {
            case FeedbackPolls.AnswerResult.Closed:
                context.Reply(Reply.Plain(MeetingsTexts.PollClosed));
                return;
            case FeedbackPolls.AnswerResult.AlreadyAnswered:
                context.Reply(Reply.Plain(MeetingsTexts.PollAlreadyAnswered));
                return;
        }

        // The comment is optional: it never abandons another open conversation (a questionnaire).
        var open = await context.GetConversationAsync();
        if (open is not null && open.Flow != FeedbackPolls.CommentFlow)
        {
            context.Reply(Reply.Plain(MeetingsTexts.PollThanks));
            return;
        }

        await context.SaveConversationAsync(new ConversationState(FeedbackPolls.CommentFlow, "awaiting_comment", JsonSerializer.Serialize(new CommentData(pollId))));
        context.Reply(Reply.WithChoices(MeetingsTexts.PollAskComment, new Choice(MeetingsTexts.NoCommentLabel, $"{FeedbackPolls.Prefix}:nocomment:{pollId}")));
    }

    private static async Task CommentAsync(ChatContext context, ChatInput input)
    {
        var member = await Access.RequireAsync(context);
        if (member is null) return;
        var text = (input as TextInput)?.Text.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > FeedbackPolls.MaxCommentLength)
        {
            context.Reply(Reply.Plain(MeetingsTexts.CommentTooLong(FeedbackPolls.MaxCommentLength)));
            return;
        }

        var conversation = await context.GetConversationAsync();
        var data = conversation is null ? null : JsonSerializer.Deserialize<CommentData>(conversation.Data);
        await context.ClearConversationAsync();
        var stored = data is not null && await FeedbackPolls.CommentAsync(context.Connection, context.Transaction, data.PollId, context.ParticipantId, text, context.CancellationToken);
        context.Reply(Reply.Plain(stored ? MeetingsTexts.PollCommentThanks : MeetingsTexts.PollClosed));
    }

    // ---- flags ----

    private async Task FlagChoiceAsync(ChatContext context, ChatInput input)
    {
        if (((ChoiceInput)input).Data == FlagConversation.AskData)
        {
            await FlagConversation.AskAsync(context);
            return;
        }

        var member = await Access.RequireAsync(context, Role.Curator);
        if (member is null) return;
        context.AnswerChoice();
        var parts = ((ChoiceInput)input).Data.Split(':');
        var result = parts.Length == 3 && parts[1] == "resolve" && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var flagId)
            ? await FlagStore.ResolveAsync(context.Connection, context.Transaction, notifier, member.Organisation.Id, flagId, member.ParticipantId, context.Now, context.CancellationToken)
            : FlagStore.ResolveResult.NotFound;
        context.Reply(Reply.Plain(result switch
        {
            FlagStore.ResolveResult.Resolved => MeetingsTexts.FlagResolved,
            FlagStore.ResolveResult.AlreadyResolved => MeetingsTexts.FlagAlreadyResolved,
            _ => MeetingsTexts.FlagNotFound,
        }));
    }

    private static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
