using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>
/// The curator links a road map's responsible position («рук. ШМО») to a member by hand (<c>rm:link</c>,
/// <c>rm:lk:RID</c>, <c>rm:lm:RID:MID</c>), so that the position's reminders reach that person.
/// </summary>
internal static class RoadmapResponsibleLinking
{
    /// <summary>The positions not linked yet, one button each.</summary>
    public static void ShowUnlinked(ChatContext context, Member member, RoadMapPlan plan)
    {
        if (!member.Has(Role.Curator))
        {
            context.AnswerChoice(RoadmapTexts.CuratorOnly);
            context.Reply(Reply.Plain(RoadmapTexts.CuratorOnly));
            return;
        }

        var unlinked = plan.AllResponsible.Where(r => r.MembershipId is null).DistinctBy(r => ResponsibleLinking.Normalise(r.Name)).Take(40).ToList();
        if (unlinked.Count == 0)
        {
            context.Reply(Reply.Plain(RoadmapTexts.AllLinked));
            return;
        }

        context.Reply(new Reply(RoadmapTexts.LinkPick,
            unlinked.Select(r => (IReadOnlyList<Choice>)[new Choice(RoadmapPages.Shorten(r.Name, 48), $"rm:lk:{r.Id}")])
                .Append([new Choice(RoadmapTexts.ButtonOverview, "rm:open")]).ToList()));
    }

    /// <summary>The members a position can be linked to.</summary>
    public static async Task ShowMembersAsync(ChatContext context, Member member, RoadMapPlan plan, long responsibleId)
    {
        if (!member.Has(Role.Curator))
        {
            context.AnswerChoice(RoadmapTexts.CuratorOnly);
            context.Reply(Reply.Plain(RoadmapTexts.CuratorOnly));
            return;
        }

        var person = plan.AllResponsible.FirstOrDefault(r => r.Id == responsibleId);
        if (person is null)
        {
            context.Reply(Reply.Plain(RoadmapTexts.ItemGone));
            return;
        }

        var members = await RoadmapStore.MembersAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        if (members.Count == 0)
        {
            context.Reply(Reply.Plain(RoadmapTexts.NoMembers));
            return;
        }

        context.Reply(new Reply(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.LinkPickMember, person.Name),
            members.Take(60).Select(m => (IReadOnlyList<Choice>)[new Choice(RoadmapPages.Shorten(MemberLabel(m), 60), $"rm:lm:{responsibleId}:{m.MembershipId}")])
                .Append([new Choice(RoadmapTexts.ButtonOverview, "rm:open")]).ToList()));
    }

    /// <summary>Links the position and shows the overview.</summary>
    public static async Task LinkAsync(ChatContext context, Member member, RoadMapPlan plan, long responsibleId, long membershipId)
    {
        if (!member.Has(Role.Curator))
        {
            context.AnswerChoice(RoadmapTexts.CuratorOnly);
            context.Reply(Reply.Plain(RoadmapTexts.CuratorOnly));
            return;
        }

        var person = plan.AllResponsible.FirstOrDefault(r => r.Id == responsibleId);
        var target = (await RoadmapStore.MembersAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken))
            .FirstOrDefault(m => m.MembershipId == membershipId);
        if (person is null || target is null
            || !await ResponsibleLinks.LinkByHandAsync(context.Connection, context.Transaction, member.Organisation.Id, person.Name, membershipId, context.ParticipantId, context.Now, context.CancellationToken))
        {
            context.Reply(Reply.Plain(RoadmapTexts.ItemGone));
            return;
        }

        context.Reply(Reply.Plain(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.LinkedByHand, person.Name, MemberLabel(target))));
        await RoadmapFeature.ShowOverviewAsync(context, new CommandInput("roadmap", null));
    }

    /// <summary>A member as the curator picks them: name (position).</summary>
    public static string MemberLabel(RoadmapStore.MemberRow member) =>
        (member.FullName ?? RoadmapTexts.Unnamed) + (string.IsNullOrWhiteSpace(member.Position) ? "" : $" ({member.Position})");

}
