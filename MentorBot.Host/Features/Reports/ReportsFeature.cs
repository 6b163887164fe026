using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Domain.Reports;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Reports;

/// <summary>
/// <c>/reports</c> (issue 14): the curator and the head pick a report of the current programme year and get the DOCX
/// (the head's impact report has aggregates only). The curator also opens the curator's questionnaire
/// (<c>q:start:curator_questionnaire:year:&lt;Y&gt;</c>) and the SWOT dialogue (<see cref="SwotConversation"/>); the head
/// is read-only. Buttons: <c>reports:get:&lt;kind&gt;</c>, <c>reports:swot</c>, and the dialogue's <c>swot:…</c>.
/// </summary>
public sealed class ReportsFeature : IChatFeature
{
    /// <summary>Button prefix of the feature.</summary>
    public const string Prefix = "reports";

    /// <summary>The data of the SWOT button (also what «Начать заново» replays).</summary>
    public const string SwotData = Prefix + ":swot";

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("reports", MenuAsync, ReportsTexts.Menu, Role.Curator, Role.Head)
        .Choice(Prefix, PressAsync)
        .Choice(SwotDialogue.Prefix, SwotConversation.ContinueAsync)
        .Flow(SwotConversation.Flow, SwotConversation.ContinueAsync);


    private static async Task MenuAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator, Role.Head) is not { } member) return;
        var year = ProgrammeYear.Of(member.Today(context.Now));
        var curator = member.Has(Role.Curator);
        var buttons = new List<IReadOnlyList<Choice>>
        {
            new[] { new Choice(ReportsTexts.QualityButton, $"{Prefix}:get:{ReportKind.Quality.Code()}"), new Choice(ReportsTexts.ImpactButton, $"{Prefix}:get:{ReportKind.Impact.Code()}") },
            new[] { new Choice(ReportsTexts.ProgrammeButton, $"{Prefix}:get:{ReportKind.Programme.Code()}") },
        };
        if (curator)
        {
            buttons.Add([
                new Choice(ReportsTexts.CuratorQuestionnaireButton, QuestionnaireButtons.Start(BuiltInQuestionnaires.CuratorQuestionnaire, year.ContextKey)),
                new Choice(ReportsTexts.SwotButton, SwotData),
            ]);
        }

        context.Reply(new Reply(ReportsTexts.Choose(year, curator), buttons));
    }

    private static async Task PressAsync(ChatContext context, ChatInput input)
    {
        var data = (input as ChoiceInput)?.Data ?? "";
        if (data == SwotData)
        {
            await SwotConversation.StartAsync(context, data);
            return;
        }

        if (await Access.RequireAsync(context, Role.Curator, Role.Head) is not { } member) return;
        context.AnswerChoice();
        if (data.Split(':') is not [_, "get", var code] || !ReportKinds.TryParse(code, out var kind))
        {
            context.Reply(Reply.Plain(ReportsTexts.UnknownChoice));
            return;
        }

        var today = member.Today(context.Now);
        var year = ProgrammeYear.Of(today);
        var report = await ReportBuilder.BuildAsync(context.Connection, context.Transaction, member.Organisation, kind, year, today,
            curatorView: member.Has(Role.Curator), context.CancellationToken);
        context.ReplyDocument(report.FileName, ReportDocx.Write(report), ReportsTexts.Caption(report.Title, year, today));
    }
}
