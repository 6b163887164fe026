using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Reminders;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Outbox;
using MentorBot.Host.Scheduling;
using Npgsql;

namespace MentorBot.Host.Features.Reminders;

/// <summary>
/// Stage-deadline reminders (issue 7): for every organisation with a road map, the reminders
/// <see cref="DeadlineSchedule"/> says are due today (local), to the item's owners (curators copied from the
/// second overdue notice), at the next moment of the organisation's delivery window. Not mutable by /pause.
/// Overdue only as /roadmap and the digest say (<see cref="Domain.Roadmaps.StageStatusRules"/>), never for what ended
/// before the programme's start; notices numbered by those actually sent (issue 17 item 1).
/// Idempotent: each reminder's key is unique per item, occurrence, notice day and person.
/// </summary>
public sealed class DeadlineReminderJob(NpgsqlDataSource dataSource, Notifier notifier, WorkCalendar calendar) : IScheduledJob
{
    /// <summary>The job's name for <c>jobs run</c>.</summary>
    public const string Name = "deadline-reminders";

    /// <inheritdoc />
    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = new DeadlineSchedule(calendar);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var organisation in await OrganisationClock.LoadAsync(connection, null, calendar, null, cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var map = await RoadMapItemsStore.LoadAsync(connection, transaction, organisation, cancellationToken);
            if (map is null) continue;
            var today = organisation.Today(now);
            foreach (var stage in map.Stages)
            foreach (var item in DeadlineSchedule.Remindable(stage.Stage, stage.Activities))
            foreach (var reminder in schedule.Due(item, today))
            {
                var owners = map.OwnersOf(item, stage.Stage.Id);
                var dueAt = organisation.DueAt(now, reminder.Day);
                foreach (var owner in owners)
                {
                    var numbered = await NumberedAsync(connection, transaction, reminder, owner, cancellationToken);
                    await notifier.EnqueueAsync(connection, transaction, owner, Message(numbered, schedule, false, null), reminder.Key(owner), dueAt, cancellationToken);
                }

                if (!reminder.CopiesCurator) continue;
                foreach (var curator in map.Curators.Except(owners))
                {
                    var numbered = await NumberedAsync(connection, transaction, reminder, curator, cancellationToken);
                    await notifier.EnqueueAsync(connection, transaction, curator, Message(numbered, schedule, true, map.NamesOf(item, stage.Stage.Id)), reminder.Key(curator), dueAt, cancellationToken);
                }
            }

            await JobRun.CommitAsync(transaction, cancellationToken);
        }
    }

    /// <summary>
    /// An overdue notice numbered by the reminders <paramref name="membershipId"/> was actually sent about the same
    /// deadline (issue 17 item 1): the earlier notices in the outbox that went out or are on their way, not the weeks
    /// since the deadline — a first message is never «напоминание № 9». Other reminders are returned as they are.
    /// </summary>
    private static async Task<DeadlineReminder> NumberedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DeadlineReminder reminder, long membershipId, CancellationToken cancellationToken)
    {
        if (reminder.Kind != DeadlineReminderKind.Overdue) return reminder;
        const string sql = """
            SELECT count(DISTINCT regexp_replace(idempotency_key, '\.[0-9]+$', '')) FROM outbox
             WHERE idempotency_key LIKE @earlier AND idempotency_key NOT LIKE @current
               AND kind = 'message' AND status NOT IN ('failed', 'cancelled')
            """;
        var sent = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { earlier = "bg:" + reminder.OverdueKeys(membershipId) + ".%", current = "bg:" + reminder.Key(membershipId) + ".%" }, transaction, cancellationToken: cancellationToken));
        return reminder with { Notice = (int)sent + 1 };
    }

    /// <summary>The reminder with «Отметить выполненным» and «Открыть дорожную карту».</summary>
    public static Reply Message(DeadlineReminder reminder, DeadlineSchedule schedule, bool curatorCopy, string? owners)
    {
        var item = reminder.Item;
        var done = item.Subject == DeadlineSubject.Stage ? ReminderButtons.MarkStageDone(item.Id) : ReminderButtons.MarkActivityDone(item.Id);
        IReadOnlyList<IReadOnlyList<Choice>> buttons = reminder.Kind == DeadlineReminderKind.OnDay
            ? [[new Choice(ReminderTexts.OpenRoadMap, ReminderButtons.OpenRoadMap)]]
            : [[new Choice(ReminderTexts.MarkDone, done)], [new Choice(ReminderTexts.OpenRoadMap, ReminderButtons.OpenRoadMap)]];
        return Reply.Formatted(ReminderTexts.Deadline(reminder, schedule.DaysBeforeEnd, curatorCopy, owners), buttons);
    }
}
