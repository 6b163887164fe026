using MentorBot.Domain.Conversations;
using MentorBot.Domain.Exports;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Exports;

/// <summary>
/// <c>/export</c> (issue 7 «Exports»): the curator picks what to export and the format with buttons,
/// and gets the file as a document of their current organisation. Curator only.
/// Buttons: <c>exports:what:&lt;kind&gt;</c>, then <c>exports:get:&lt;kind&gt;:&lt;format&gt;</c>.
/// </summary>
public sealed class ExportsFeature : IChatFeature
{
    /// <summary>Button prefix of the feature.</summary>
    public const string Prefix = "exports";

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("export", ChooseKindAsync, ExportTexts.Menu, Role.Curator)
        .Choice(Prefix, PressAsync);

    private static async Task ChooseKindAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is null) return;
        var buttons = ExportCodes.Kinds.Select(kind => new Choice(ExportTexts.Name(kind), $"{Prefix}:what:{kind.Code()}")).Chunk(2)
            .Select(row => (IReadOnlyList<Choice>)row).ToList();
        context.Reply(new Reply(ExportTexts.ChooseKind, buttons));
    }

    private static async Task PressAsync(ChatContext context, ChatInput input)
    {
        var curator = await Access.RequireAsync(context, Role.Curator);
        if (curator is null) return;
        context.AnswerChoice();
        var parts = (input as ChoiceInput)?.Data.Split(':') ?? [];
        switch (parts)
        {
            case [_, "what", var kindCode] when ExportCodes.TryParseKind(kindCode, out var kind):
                context.Reply(new Reply(ExportTexts.ChooseFormat(kind),
                [
                    Enum.GetValues<ExportFormat>().Select(f => new Choice(ExportTexts.FormatButton(f), $"{Prefix}:get:{kind.Code()}:{f.Code()}")).ToList(),
                ]));
                break;
            case [_, "get", var kindCode, var formatCode] when ExportCodes.TryParseKind(kindCode, out var kind) && ExportCodes.TryParseFormat(formatCode, out var format):
                var table = await ExportStore.LoadAsync(context.Connection, context.Transaction, curator.Organisation.Id, curator.TimeZone, kind, context.CancellationToken);
                var today = curator.Today(context.Now);
                context.ReplyDocument(ExportTexts.FileName(kind, format, today), ExportFile.Write(table, format), ExportTexts.Caption(kind, table.Rows.Count, today));
                break;
            default:
                context.Reply(Reply.Plain(ExportTexts.UnknownChoice));
                break;
        }
    }
}
