using System.Text.Json;
using System.Text.Json.Serialization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Meetings;

/// <summary>
/// The glue of the meeting check-in (issue 6): loads the <c>meeting</c> conversation row, runs
/// <see cref="MeetingCheckIn"/>, stores the new state, sends the replies and carries out the effect
/// (save the log, tick the plan, schedule the polls; raise a flag; close).
/// </summary>
public static class MeetingCheckInConversation
{
    /// <summary>The conversation flow name.</summary>
    public const string Flow = "meeting";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// A mentor's free text outside any conversation (the hook StartFeature's fallback calls): true when
    /// the meetings feature answered it — a check-in started from the message, a short help for a
    /// mentor's text that is clearly not a meeting log, or «no pair yet»; false for people who are not
    /// mentors (the fallback answers them). No «нет доступа» here: a mentee's stray text is not a
    /// request for this feature.
    /// </summary>
    public static async Task<bool> TryStartFromTextAsync(ChatContext context, string text)
    {
        var member = await MembershipStore.CurrentAsync(context.Connection, context.Transaction, context.ParticipantId, context.CancellationToken);
        if (member is null || !member.Has(Role.Mentor)) return false;
        if (!MeetingMessageParser.IsLikelyMeetingLog(text))
        {
            // Not a meeting: maybe a problem the curator should hear about (issue 17).
            context.Reply(Reply.WithChoices(MeetingsTexts.NotAMeetingHelp, FlagConversation.Button));
            return true;
        }

        // Nothing of a meeting is stored before the personal-data consent (152-ФЗ ст. 9) nor a mentor's work done
        // before the consent to mentoring duties (ТК РФ ст. 351.8); Access says so.
        if (await Access.AdmitAsync(context, member, Role.Mentor) is null) return true;

        var pairs = await MeetingStore.LivePairsAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken);
        if (pairs.Count == 0)
        {
            context.Reply(Reply.Plain(MeetingsTexts.NoPair));
            return true;
        }

        var today = member.Today(context.Now);
        await BeginAsync(context, MeetingCheckInData.For(pairs, MeetingMessageParser.Parse(text, today), text) with { SourceMessageId = context.Update.MessageId }, today);
        return true;
    }

    /// <summary>Starts (or restarts) the check-in with <paramref name="data"/>, replacing any open conversation.</summary>
    public static Task BeginAsync(ChatContext context, MeetingCheckInData data, DateOnly today) =>
        ApplyAsync(context, null, null, MeetingCheckIn.Begin(data, today));

    /// <summary>
    /// Feeds a text or a <c>meet:…</c> button to the open check-in; a button without one is stale.
    /// <see cref="ConversationSwitch.Resume"/> («Продолжить начатое») asks the open step again;
    /// <see cref="ConversationSwitch.Back"/> (<c>/back</c>) steps back (<see cref="MeetingCheckIn.Back"/>).
    /// </summary>
    public static async Task ContinueAsync(ChatContext context, Notifier notifier, ChatInput input)
    {
        var member = await Access.RequireAsync(context, Role.Mentor);
        if (member is null) return;
        context.AnswerChoice();
        var conversation = await context.GetConversationAsync();
        if (conversation?.Flow != Flow || !Enum.TryParse<CheckInState>(conversation.State, out var state)
            || JsonSerializer.Deserialize<MeetingCheckInData>(conversation.Data, Json) is not { } data)
        {
            context.Reply(Reply.Plain(MeetingsTexts.Stale));
            return;
        }

        var today = member.Today(context.Now);
        var step = input == ConversationSwitch.Resume ? MeetingCheckIn.Repeat(state, data, today)
            : input == ConversationSwitch.Back ? MeetingCheckIn.Back(state, data, today)
            : MeetingCheckIn.Handle(state, data, input, today);
        await ApplyAsync(context, notifier, member, step);
    }

    /// <summary>The open check-in's data, or null when the open conversation (if any) is not a check-in.</summary>
    public static MeetingCheckInData? OpenData(ConversationState? conversation) =>
        conversation?.Flow == Flow ? JsonSerializer.Deserialize<MeetingCheckInData>(conversation.Data, Json) : null;


    private static async Task ApplyAsync(ChatContext context, Notifier? notifier, Member? member, CheckInStep step)
    {
        switch (step.Effect)
        {
            case CheckInEffect.Save:
                await SaveAsync(context, notifier!, member!, step.Data);
                return;
            case CheckInEffect.Close:
                await context.ClearConversationAsync();
                break;
            case CheckInEffect.RaiseFlag:
                var mentee = step.Data.Pairs.FirstOrDefault(p => p.PairId == step.Data.PairId)?.MenteeName;
                await FlagStore.RaiseAsync(context.Connection, context.Transaction, notifier!, member!.Organisation.Id, step.Data.PairId, member.MembershipId,
                    MeetingsTexts.FlagForCurator(member.FullName ?? "наставник", mentee, step.FlagText!), step.FlagText!, context.Now, context.CancellationToken);
                await SaveStateAsync(context, step);
                break;
            default:
                await SaveStateAsync(context, step);
                break;
        }

        foreach (var reply in step.Replies) context.Reply(reply);
    }

    private static Task SaveStateAsync(ChatContext context, CheckInStep step) =>
        context.SaveConversationAsync(new ConversationState(Flow, step.State.ToString(), JsonSerializer.Serialize(step.Data, Json)));

    private static async Task SaveAsync(ChatContext context, Notifier notifier, Member member, MeetingCheckInData data)
    {
        var (connection, transaction, token) = (context.Connection, context.Transaction, context.CancellationToken);
        await context.ClearConversationAsync();
        var pairs = await MeetingStore.LivePairsAsync(connection, transaction, member.Organisation.Id, member.MembershipId, token);
        long meetingId;
        if (data.MeetingId is { } editing)
        {
            var saved = await MeetingStore.GetAsync(connection, transaction, member.Organisation.Id, editing, token);
            var verdict = saved is null ? MeetingChangeVerdict.Deleted
                : MeetingChangeRules.Check(saved.LoggedBy, member.MembershipId, new DateTimeOffset(saved.CreatedAt, TimeSpan.Zero), saved.DeletedAt is not null, context.Now);
            // The log may stay with its own pair even when that pair has ended since.
            if (verdict != MeetingChangeVerdict.Allowed || (data.PairId != saved!.PairId && pairs.All(p => p.PairId != data.PairId))
                || !await MeetingStore.UpdateAsync(connection, transaction, editing, data, member.MembershipId, context.Now, token))
            {
                context.Reply(Reply.Plain(MeetingsTexts.ChangeRefused(verdict == MeetingChangeVerdict.Allowed ? MeetingChangeVerdict.Deleted : verdict)));
                return;
            }

            meetingId = editing;
            // Moved to another mentee: the first mentee's unanswered poll is withdrawn.
            if (data.PairId != saved.PairId) await FeedbackPolls.CloseForMeetingAsync(connection, transaction, editing, context.Now, token);
        }
        else
        {
            if (pairs.All(p => p.PairId != data.PairId))
            {
                context.Reply(Reply.Plain(MeetingsTexts.NoPair));
                return;
            }

            meetingId = await MeetingStore.InsertAsync(connection, transaction, data, member.MembershipId, context.Now, token);
        }

        await MeetingStore.TickPlanItemAsync(connection, transaction, meetingId, context.Now, token);
        await FeedbackPolls.ScheduleAsync(connection, transaction, notifier, meetingId, token);
        context.Reply(Reply.Plain(data.MeetingId is null ? MeetingsTexts.Saved : MeetingsTexts.Updated));
    }
}
