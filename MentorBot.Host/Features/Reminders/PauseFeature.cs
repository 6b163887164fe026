using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Reminders;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Reminders;

/// <summary>
/// <c>/pause</c>: the person mutes non-essential nudges for a week (<c>participants.nudges_paused_until</c>);
/// the button under the answer ends the pause early. Deadline reminders to responsible persons are not muted (issue 7).
/// </summary>
public sealed class PauseFeature : IChatFeature
{
    /// <summary>How long /pause mutes nudges.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromDays(7);

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("pause", Pause, ReminderTexts.PauseMenu)
        .Choice("pause", Resume);

    private static async Task Pause(ChatContext context, ChatInput input)
    {
        var member = await Access.RequireAsync(context);
        if (member is null) return;
        const string current = """
            SELECT nudges_paused_until FROM participants WHERE id = @participantId
            """;
        var until = await context.Connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(current, new { participantId = context.ParticipantId }, context.Transaction, cancellationToken: context.CancellationToken));
        var resume = new Choice(ReminderTexts.ResumeButton, ReminderButtons.Resume);
        if (until is { } pausedUntil && pausedUntil > context.Now.UtcDateTime)
        {
            context.Reply(Reply.WithChoices(ReminderTexts.AlreadyPaused(LastDay(member, pausedUntil)), resume));
            return;
        }

        const string pause = """
            UPDATE participants SET nudges_paused_until = @until, updated_at = @now WHERE id = @participantId
            """;
        var newUntil = context.Now + Length;
        await context.Connection.ExecuteAsync(new CommandDefinition(pause, new { participantId = context.ParticipantId, until = newUntil.UtcDateTime, now = context.Now.UtcDateTime }, context.Transaction, cancellationToken: context.CancellationToken));
        context.Reply(Reply.WithChoices(ReminderTexts.Paused(LastDay(member, newUntil.UtcDateTime)), resume));
    }

    private static async Task Resume(ChatContext context, ChatInput input)
    {
        context.AnswerChoice();
        if (input is not ChoiceInput { Data: ReminderButtons.Resume }) return;
        const string resume = """
            UPDATE participants SET nudges_paused_until = NULL, updated_at = @now
             WHERE id = @participantId AND nudges_paused_until > @now
            """;
        var changed = await context.Connection.ExecuteAsync(new CommandDefinition(resume, new { participantId = context.ParticipantId, now = context.Now.UtcDateTime }, context.Transaction, cancellationToken: context.CancellationToken));
        context.Reply(Reply.Plain(changed > 0 ? ReminderTexts.Resumed : ReminderTexts.NotPaused));
    }

    // The last local day fully muted: the pause ends during the day after it.
    private static DateOnly LastDay(Member member, DateTime untilUtc) =>
        LocalDates.OfUtc(untilUtc, member.TimeZone).AddDays(-1);
}
