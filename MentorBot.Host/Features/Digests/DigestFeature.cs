using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Digests;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Reminders;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Digests;

/// <summary>
/// <c>/digest</c>: the curator's weekly digest on demand (as of now); <c>/digest_time пн 09:00</c>: when the weekly
/// digest comes (issue 7). Curators only.
/// </summary>
public sealed class DigestFeature(IServiceProvider services, WorkCalendar calendar) : IChatFeature
{
    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("digest", Digest, DigestTexts.DigestMenu, Role.Curator)
        .Command("digest_time", DigestTime, DigestTexts.DigestTimeMenu, Role.Curator);

    private async Task Digest(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        var organisation = await ClockAsync(context, member);
        var snapshot = await DigestStore.SnapshotAsync(context.Connection, context.Transaction, organisation, context.Now, context.CancellationToken);
        foreach (var part in WeeklyDigest.Compose(snapshot))
            context.Reply(Reply.Formatted(part));
    }

    private async Task DigestTime(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        var organisation = await ClockAsync(context, member);
        if (!DigestSchedule.TryParse((input as CommandInput)?.Argument, out var day, out var time))
        {
            context.Reply(Reply.Plain(DigestTexts.DigestTimeHint(DigestSchedule.Describe(organisation.DigestCron))));
            return;
        }

        const string sql = """
            UPDATE organisations SET digest_cron = @cron WHERE id = @organisationId
            """;
        var cron = DigestSchedule.ToCron(day, time);
        await context.Connection.ExecuteAsync(new CommandDefinition(sql, new { cron, organisationId = organisation.Id }, context.Transaction, cancellationToken: context.CancellationToken));
        await DigestTriggers.RescheduleAsync(services, organisation with { DigestCron = cron }, context.CancellationToken);
        context.Reply(Reply.Plain(DigestTexts.DigestTimeSet(DigestTexts.Schedule(day, time))));
    }

    private async Task<OrganisationClock> ClockAsync(ChatContext context, Member member) =>
        (await OrganisationClock.LoadAsync(context.Connection, context.Transaction, calendar, member.Organisation.Id, context.CancellationToken)).Single();
}
