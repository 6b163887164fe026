using System.Globalization;
using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;
using Npgsql;

namespace MentorBot.Host.Features.Pairs;

/// <summary>
/// The preference survey (road map 5.1–5.3, after the group meeting of mentors and mentees): the curator starts it
/// from <c>/match</c>; every mentee gets a message with a button to name up to <see cref="MaxChoices"/> preferred
/// mentors, every mentor one to name mentees (optional). Choices are rows of <c>match_preferences</c> (rank = order
/// chosen) and raise the matcher's score. Buttons: <c>pref:open:R</c> (R = mentee | mentor: the side answering),
/// <c>pref:t:R:M</c> toggle person M, <c>pref:done:R</c> finish.
/// </summary>
/// <param name="notifier">Sends the invitations.</param>
public sealed class PreferenceSurvey(Notifier notifier)
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "pref";

    /// <summary>How many people one may name (the rank column allows 1–3).</summary>
    public const int MaxChoices = 3;

    /// <summary>Sends the invitation to every active mentee and mentor of the curator's organisation; once per person and day.</summary>
    public async Task StartAsync(ChatContext context, Member curator)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, curator.Organisation.Id);
        var bank = await BankStore.LoadAsync(c, t, org, ct);
        var dueAt = DeliveryWindow.Polls.Next(context.Now, curator.TimeZone);
        var day = TimeZoneInfo.ConvertTime(context.Now, curator.TimeZone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var (mentees, mentors) = (0, 0);
        foreach (var mentee in bank.Mentees)
        {
            if (await notifier.EnqueueAsync(c, t, mentee.MembershipId, Reply.WithChoices(PairsTexts.SurveyToMentee, new Choice(PairsTexts.SurveyMenteeButton, "pref:open:mentee")),
                    $"pairs:survey:{mentee.MembershipId}:mentee:{day}", dueAt, ct))
                mentees++;
        }

        foreach (var mentor in bank.Mentors)
        {
            if (await notifier.EnqueueAsync(c, t, mentor.MembershipId, Reply.WithChoices(PairsTexts.SurveyToMentor, new Choice(PairsTexts.SurveyMentorButton, "pref:open:mentor")),
                    $"pairs:survey:{mentor.MembershipId}:mentor:{day}", dueAt, ct))
                mentors++;
        }

        context.Reply(Reply.Plain(PairsTexts.SurveyStarted(mentees, mentors)));
    }

    /// <summary>Every <c>pref:…</c> button.</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        var asMentee = parts.ElementAtOrDefault(2) == "mentee";
        if (await Access.RequireAsync(context, asMentee ? Role.Mentee : Role.Mentor) is not { } member) return;
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var bank = await BankStore.LoadAsync(c, t, org, ct);
        // The other side: mentors with a completed questionnaire for a mentee, mentees for a mentor; never another organisation's.
        var options = (asMentee ? bank.Mentors : bank.Mentees).Where(m => m.HasIntake && m.MembershipId != member.MembershipId).ToList();
        var chosen = bank.ChoicesOf(member.MembershipId).Where(id => options.Any(o => o.MembershipId == id)).ToList();

        switch (parts.ElementAtOrDefault(1))
        {
            case "t" when long.TryParse(parts.ElementAtOrDefault(3), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && options.Any(o => o.MembershipId == id):
                if (chosen.Remove(id))
                {
                    context.AnswerChoice();
                }
                else if (chosen.Count >= MaxChoices)
                {
                    context.AnswerChoice(PairsTexts.TooManyChoices);
                }
                else
                {
                    chosen.Add(id);
                    context.AnswerChoice();
                }

                await SaveAsync(c, t, org, member.MembershipId, chosen, context.Now, ct);
                break;
            case "done":
                context.AnswerChoice();
                context.Reply(Reply.Plain(PairsTexts.SurveyThanks([.. chosen.Select(bank.NameOf)], asMentee)));
                return;
            case "open":
                context.AnswerChoice();
                break;
            default:
                context.AnswerChoice();
                context.Reply(Reply.Plain(PairsTexts.StaleButton));
                return;
        }

        if (options.Count == 0)
        {
            context.Reply(Reply.Plain(asMentee ? PairsTexts.NoMentorsYet : PairsTexts.NoMenteesYet));
            return;
        }

        var role = asMentee ? "mentee" : "mentor";
        var buttons = options.Select(o => (IReadOnlyList<Choice>)[new Choice(PairsTexts.Toggle(o.Name, chosen.Contains(o.MembershipId)), $"pref:t:{role}:{o.MembershipId}")]).ToList();
        buttons.Add([new Choice(PairsTexts.DoneButton, $"pref:done:{role}")]);
        context.Reply(new Reply(PairsTexts.SurveyQuestion(asMentee, chosen.Count, MaxChoices), buttons));
    }

    /// <summary>Replaces the chooser's preferences with <paramref name="chosen"/> (rank = position + 1).</summary>
    private static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organisationId, long chooser, IReadOnlyList<long> chosen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string delete = "DELETE FROM match_preferences WHERE chooser_membership_id = @chooser";
        const string insert = """
            INSERT INTO match_preferences (organisation_id, chooser_membership_id, chosen_membership_id, rank, created_at)
            VALUES (@organisationId, @chooser, @chosen, @rank, @now)
            """;
        await connection.ExecuteAsync(new CommandDefinition(delete, new { chooser }, transaction, cancellationToken: cancellationToken));
        var rows = chosen.Select((id, k) => new { organisationId, chooser, chosen = id, rank = k + 1, now = now.UtcDateTime }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(insert, rows, transaction, cancellationToken: cancellationToken));
    }
}
