using System.Text;
using MentorBot.Domain.Colleagues;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Colleagues;

/// <summary>
/// Input from colleagues (issue 15; road map stage 2, «сбор информации о запросах наставляемых от третьих лиц: психолог,
/// руководитель»): the psychologist and the head see the mentee bank (<c>/mentees</c>) and write notes on a mentee's
/// needs (<see cref="NoteConversation"/>); the curator reads them on the mentee's card and in the matching's reasons.
/// </summary>
/// <param name="notifier">Tells the mentee that a note exists.</param>
public sealed class ColleaguesFeature(Notifier notifier) : IChatFeature
{
    /// <inheritdoc />
    public void Map(ChatRoutes routes)
    {
        var notes = new NoteConversation(notifier);
        routes.Choice(NoteConversation.Prefix, notes.ChooseAsync).Flow(NoteConversation.Flow, notes.TextAsync);
    }

    /// <summary>
    /// A mentee's card with the colleagues' notes: the curator reads every note and may switch counting them in the
    /// matching score; a psychologist or the head reads their own notes and gets «📝 Заметка о запросах».
    /// </summary>
    public static async Task<Reply> CardAsync(ChatContext context, Member viewer, long menteeMembershipId, Reply card)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, viewer.Organisation.Id);
        var curator = viewer.Has(Role.Curator);
        var writes = MenteeNotes.AuthorRoleOf(viewer.Has) is not null;
        var notes = await NoteStore.OnMenteeAsync(c, t, org, menteeMembershipId, curator ? null : viewer.MembershipId, ct);
        var text = new StringBuilder(card.Text);
        var buttons = new List<IReadOnlyList<Choice>>();
        if (notes.Count > 0)
        {
            text.Append("\n\n<b>").Append(ColleaguesTexts.CardHeading).Append("</b>");
            foreach (var note in notes)
            {
                var date = LocalDates.OfUtc(note.CreatedAt, viewer.TimeZone);
                text.Append('\n').Append(Html.Escape(ColleaguesTexts.CardLine(note.AuthorRole, note.AuthorName, date, note.Topic, note.Text)));
            }

            if (curator)
            {
                var inScore = await NoteStore.InScoreAsync(c, t, org, ct);
                text.Append('\n').Append(Html.Escape(ColleaguesTexts.ScoreState(inScore)));
                buttons.Add([new Choice(ColleaguesTexts.ScoreButton(inScore), $"{NoteConversation.Prefix}:score")]);
            }
        }

        if (writes) buttons.Add([new Choice(ColleaguesTexts.NoteButton, $"{NoteConversation.Prefix}:add:{menteeMembershipId}")]);
        return card with { Text = text.ToString(), Choices = [.. buttons, .. card.Choices] };
    }
}
