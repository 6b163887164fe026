using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Digests;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Reminders;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Features.Digests;

/// <summary>
/// <c>/digest</c>: the curator's weekly digest on demand (as of now); <c>/digest_time пн 09:00</c> (or a five-field cron with a named
/// weekday, <see cref="CronRules"/>): when the weekly digest comes (issue 7), rescheduling the organisation's
/// <c>digest-&lt;org&gt;</c> job at once. Curators only.
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
        if (DigestChart.Spec(snapshot) is { } chart)
            context.ReplyPhoto(Reports.ChartImage.Render(chart), DigestChart.Caption(snapshot));
    }

    private async Task DigestTime(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        var organisation = await ClockAsync(context, member);
        var argument = (input as CommandInput)?.Argument?.Trim();
        string cron;
        if (DigestSchedule.TryParse(argument, out var day, out var time))
            cron = DigestSchedule.ToCron(day, time);
        else if (CronRules.LooksLikeCron(argument))
        {
            cron = string.Join(' ', CronRules.Fields(argument));
            if (CronSchedule.Check(cron) is not CronProblem.None and var problem)
            {
                context.Reply(Reply.Plain(DigestTexts.CronRefused(cron, problem)));
                return;
            }
        }
        else
        {
            context.Reply(Reply.Plain(DigestTexts.DigestTimeHint(DigestSchedule.Describe(organisation.DigestCron))));
            return;
        }

        const string sql = """
            UPDATE organisations SET digest_cron = @cron WHERE id = @organisationId
            """;
        await context.Connection.ExecuteAsync(new CommandDefinition(sql, new { cron, organisationId = organisation.Id }, context.Transaction, cancellationToken: context.CancellationToken));
        services.GetRequiredService<RecurringJobs>().ScheduleDigest(organisation with { DigestCron = cron });
        context.Reply(Reply.Plain(DigestTexts.DigestTimeSet(DigestSchedule.Describe(cron))));
    }

    private async Task<OrganisationClock> ClockAsync(ChatContext context, Member member) =>
        (await OrganisationClock.LoadAsync(context.Connection, context.Transaction, calendar, member.Organisation.Id, context.CancellationToken)).Single();
}
