using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>
/// The road-map document in chat (issue 13, «In the bot»): the curator sends a file, the bot shows what it would
/// import — stages, periods, responsible persons and whom they link to, every fragment not understood — and imports
/// it only on «Загрузить» (or «Загрузить на Y/Y+1 учебный год» for a template of an earlier year). The parsed text
/// waits in the conversation (flow <see cref="RoadmapFeature.UploadFlow"/>), never in memory.
/// </summary>
/// <param name="downloads">Fetches the document from the messenger.</param>
internal sealed class RoadmapUpload(IDocumentDownloads downloads)
{
    /// <summary>A document from the curator: read, parse and show what it would import, with «Загрузить» / «Отмена».</summary>
    public async Task ReceiveAsync(ChatContext context, ChatInput input)
    {
        var member = await Access.RequireAsync(context);
        if (member is null) return;
        if (!member.Has(Role.Curator))
        {
            context.Reply(Reply.Plain(RoadmapTexts.DocumentsCuratorOnly));
            return;
        }

        var document = (DocumentInput)input;
        var tooLarge = string.Format(CultureInfo.InvariantCulture, RoadmapTexts.FileTooLarge, RoadmapFeature.MaxUploadBytes / (1024 * 1024));
        if (document.FileSize > RoadmapFeature.MaxUploadBytes)
        {
            context.Reply(Reply.Plain(tooLarge));
            return;
        }

        byte[]? bytes;
        try
        {
            bytes = await downloads.DownloadAsync(document, RoadmapFeature.MaxUploadBytes, context.CancellationToken);
        }
        catch (DocumentDownloadException)
        {
            context.Reply(Reply.Plain(RoadmapTexts.FileDownloadFailed));
            return;
        }

        if (bytes is null)
        {
            context.Reply(Reply.Plain(tooLarge));
            return;
        }

        string text;
        try
        {
            text = RoadMapFiles.ReadText(bytes);
        }
        catch (RoadMapFileException e)
        {
            context.Reply(Reply.Plain(RoadmapTexts.FileProblem(e.Problem)));
            return;
        }

        var today = member.Today(context.Now);
        RoadMap roadMap;
        try
        {
            roadMap = RoadMapParser.Parse(text, new RoadMapParseOptions(today));
        }
        catch (RoadMapFormatException e)
        {
            context.Reply(Reply.Plain(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.FileNotRoadMap, e.Line)));
            return;
        }

        var name = string.IsNullOrWhiteSpace(document.FileName) ? "roadmap.txt" : document.FileName;
        var exists = await RoadmapStore.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken) is not null;
        await context.SaveConversationAsync(new ConversationState(RoadmapFeature.UploadFlow, "confirm",
            JsonSerializer.Serialize(new PendingUpload(name, text, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
        var responsible = await ResponsibleLinksAsync(context, member, roadMap);
        context.Reply(UploadSummary(name, roadMap, exists, CurrentAcademicYear(today), responsible));
    }

    /// <summary>Each responsible person of <paramref name="roadMap"/> with the member it would be linked to on import (a label), or null.</summary>
    private static async Task<IReadOnlyList<(string Name, string? LinkedTo)>> ResponsibleLinksAsync(ChatContext context, Member member, RoadMap roadMap)
    {
        var names = roadMap.Stages.SelectMany(s => s.Responsible.Concat(s.Activities.SelectMany(a => a.Responsible)));
        var links = await ResponsibleLinks.PreviewAsync(context.Connection, context.Transaction, member.Organisation.Id, names, context.CancellationToken);
        var members = (await RoadmapStore.MembersAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken))
            .ToDictionary(m => m.MembershipId, RoadmapResponsibleLinking.MemberLabel);
        return links.Select(l => (l.Name, l.MembershipId is { } id ? members.GetValueOrDefault(id) : null)).ToList();
    }

    /// <summary>The first calendar year of the academic year holding <paramref name="today"/> (September–August).</summary>
    public static int CurrentAcademicYear(DateOnly today) => today.Month >= 9 ? today.Year : today.Year - 1;

    /// <summary>
    /// What an upload would import (issue 13, «In the bot»): title and year, counts, each stage with its number,
    /// title, number of activities and periods, the responsible persons and whom they will be linked to, the
    /// fragments not understood (the first page of them; «rm:imp:frag:N» pages on), and whether it replaces a plan.
    /// A document made for an earlier year (a template reused, the usual case) is also offered for
    /// <paramref name="academicYear"/>, so its month periods and default schedule fall in the term ahead
    /// instead of all being overdue at once.
    /// </summary>
    /// <param name="fileName">The uploaded file's name.</param>
    /// <param name="roadMap">The parsed road map.</param>
    /// <param name="replaces">True when the organisation already has a plan.</param>
    /// <param name="academicYear">The first year of the current academic year.</param>
    /// <param name="responsible">Each responsible person with the label of the member it will be linked to, or null (the curator gets its reminders).</param>
    public static Reply UploadSummary(string fileName, RoadMap roadMap, bool replaces, int academicYear, IReadOnlyList<(string Name, string? LinkedTo)> responsible)
    {
        var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UploadHeading, Html.Escape(RoadmapPages.Shorten(fileName, 100))) };
        if (roadMap.Title is { } title) lines.Add(Html.Escape(RoadmapPages.Shorten(title, 300)));
        if (roadMap.Organization is { } organisation) lines.Add(Html.Escape(RoadmapPages.Shorten(organisation, 200)));
        lines.Add("");
        lines.Add(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UploadCounts, roadMap.Year, roadMap.Stages.Count,
            roadMap.Stages.Sum(s => s.Activities.Count), roadMap.Stages.Count(s => s.Periods.Count == 0)));
        lines.Add("");
        foreach (var stage in roadMap.Stages.Take(40))
        {
            var periods = stage.Periods.Count > 0
                ? RoadmapPages.PeriodsText(stage.Periods, false)
                : RoadmapPages.PeriodsText([DefaultSchedule.For(stage, roadMap.Year)], true);
            lines.Add(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UploadStage, Html.Escape(stage.Number), Html.Escape(RoadmapPages.Shorten(stage.Title, 100)),
                stage.Activities.Count, Html.Escape(RoadmapPages.Shorten(periods, 120))));
        }

        if (roadMap.Stages.Count > 40) lines.Add(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UploadMoreStages, roadMap.Stages.Count - 40));
        if (responsible.Count > 0)
        {
            lines.Add("");
            lines.Add(RoadmapTexts.UploadResponsibleHeading);
            lines.AddRange(responsible.Take(30).Select(r => Html.Escape(string.Format(CultureInfo.InvariantCulture,
                r.LinkedTo is null ? RoadmapTexts.UploadUnlinked : RoadmapTexts.UploadLinked, RoadmapPages.Shorten(r.Name, 80), r.LinkedTo))));
        }

        List<IReadOnlyList<Choice>> buttons = [];
        if (roadMap.Unrecognised.Count > 0)
        {
            lines.Add("");
            lines.Add(UnrecognisedPage(roadMap.Unrecognised, 1));
            if (roadMap.Unrecognised.Count > FragmentsPerPage) buttons.Add([new Choice(RoadmapTexts.ButtonMoreFragments, "rm:imp:frag:2")]);
        }

        lines.Add("");
        if (replaces) lines.Add(RoadmapTexts.UploadReplaces);
        if (roadMap.Year < academicYear)
        {
            lines.Add(RoadmapTexts.UploadOutdated(roadMap.Year, academicYear));
            buttons.Add([new Choice(RoadmapTexts.ButtonImportForYear(academicYear), string.Create(CultureInfo.InvariantCulture, $"rm:imp:year:{academicYear}"))]);
        }

        lines.Add(RoadmapTexts.UploadQuestion);
        buttons.Add([new Choice(RoadmapTexts.ButtonImport, "rm:imp:yes"), new Choice(RoadmapTexts.ButtonCancelImport, "rm:imp:no")]);
        return Reply.Formatted(string.Join('\n', lines), buttons);
    }

    /// <summary>How many fragments not understood one message lists.</summary>
    public const int FragmentsPerPage = 10;

    /// <summary>Page <paramref name="page"/> (from 1) of the fragments not understood, with where each was (HTML).</summary>
    public static string UnrecognisedPage(IReadOnlyList<UnrecognisedFragment> fragments, int page)
    {
        var pages = (fragments.Count + FragmentsPerPage - 1) / FragmentsPerPage;
        var lines = new List<string> { RoadmapTexts.UnrecognisedHeading(fragments.Count, page, pages) };
        lines.AddRange(fragments.Skip((page - 1) * FragmentsPerPage).Take(FragmentsPerPage).Select(f => Html.Escape(RoadmapTexts.Fragment(f.Row, f.Column, RoadmapPages.Shorten(f.Text, 200)))));
        return string.Join('\n', lines);
    }

    /// <summary>Shows another page of the waiting upload's fragments not understood.</summary>
    public static async Task ShowFragmentsAsync(ChatContext context, int page)
    {
        var member = await Access.RequireAsync(context, Role.Curator);
        if (member is null) return;
        var conversation = await context.GetConversationAsync();
        context.AnswerChoice();
        if (conversation?.Flow != RoadmapFeature.UploadFlow)
        {
            context.Reply(Reply.Plain(RoadmapTexts.UploadExpired));
            return;
        }

        var upload = JsonSerializer.Deserialize<PendingUpload>(conversation.Data)!;
        var today = DateOnly.ParseExact(upload.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fragments = RoadMapParser.Parse(upload.Text, new RoadMapParseOptions(today)).Unrecognised;
        var pages = Math.Max(1, (fragments.Count + FragmentsPerPage - 1) / FragmentsPerPage);
        page = Math.Clamp(page, 1, pages);
        List<IReadOnlyList<Choice>> buttons = [];
        if (page < pages) buttons.Add([new Choice(RoadmapTexts.ButtonMoreFragments, string.Create(CultureInfo.InvariantCulture, $"rm:imp:frag:{page + 1}"))]);
        buttons.Add([new Choice(RoadmapTexts.ButtonImport, "rm:imp:yes"), new Choice(RoadmapTexts.ButtonCancelImport, "rm:imp:no")]);
        context.Reply(Reply.Formatted(UnrecognisedPage(fragments, page), buttons));
    }

    /// <summary>Text typed while an upload waits for its buttons.</summary>
    public static Task WaitingTextAsync(ChatContext context, ChatInput input)
    {
        context.Reply(Reply.WithChoices(RoadmapTexts.UploadWaiting,
            new Choice(RoadmapTexts.ButtonImport, "rm:imp:yes"), new Choice(RoadmapTexts.ButtonCancelImport, "rm:imp:no")));
        return Task.CompletedTask;
    }

    /// <summary><c>rm:imp:yes|no</c> and <c>rm:imp:year:Y</c>: import the waiting upload (for year Y as a template) or drop it.</summary>
    public static async Task ConfirmAsync(ChatContext context, bool confirmed, int? year)
    {
        var member = await Access.RequireAsync(context, Role.Curator);
        if (member is null) return;
        var conversation = await context.GetConversationAsync();
        if (conversation?.Flow != RoadmapFeature.UploadFlow)
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(RoadmapTexts.UploadExpired));
            return;
        }

        await context.ClearConversationAsync();
        if (!confirmed)
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(RoadmapTexts.UploadCancelled));
            return;
        }

        var upload = JsonSerializer.Deserialize<PendingUpload>(conversation.Data)!;
        var today = DateOnly.ParseExact(upload.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // «Загрузить на Y/Y+1 учебный год»: the document is a template, its own years move to the year loaded (issue 17 item 1).
        var roadMap = RoadMapParser.Parse(upload.Text, new RoadMapParseOptions(today, year, Template: year is not null));
        RoadMapImportResult result;
        // A value the schema refuses aborts the statement; the savepoint keeps the rest of the update usable.
        await context.Transaction.SaveAsync("roadmap_import", context.CancellationToken);
        try
        {
            result = await RoadMapImport.ImportAsync(context.Connection, context.Transaction, member.Organisation.Id, roadMap,
                new RoadMapSource(upload.Name, upload.Text), replace: true, context.Now, context.CancellationToken);
            await context.Transaction.ReleaseAsync("roadmap_import", context.CancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.CheckViolation)
        {
            await context.Transaction.RollbackAsync("roadmap_import", context.CancellationToken);
            context.AnswerChoice();
            context.Reply(Reply.Plain(RoadmapTexts.ImportRefused));
            return;
        }

        context.AnswerChoice();
        var summary = result.Summary!;
        context.Reply(Reply.Plain(summary.Replaced
            ? string.Format(CultureInfo.InvariantCulture, RoadmapTexts.Replaced, summary.Stages, summary.Activities, summary.DoneMarksKept)
                + (summary.PeriodEditsKept > 0 ? string.Format(CultureInfo.InvariantCulture, RoadmapTexts.PeriodEditsKept, summary.PeriodEditsKept) : "")
            : string.Format(CultureInfo.InvariantCulture, RoadmapTexts.Imported, summary.Stages, summary.Activities)));
        await RoadmapFeature.ShowOverviewAsync(context, new CommandInput("roadmap", null));
    }


    private sealed record PendingUpload(string Name, string Text, string Today);
}
