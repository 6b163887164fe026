using System.CommandLine;
using System.Globalization;
using MentorBot.Domain.Meetings;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>meeting parse TEXT --today YYYY-MM-DD</c>: parses a meeting message with
/// <see cref="MeetingMessageParser"/> and prints
/// <c>{"date","durationMinutes","kind","format","topic"}</c> as JSON. No database.
/// </summary>
public static class MeetingCommand
{
    /// <summary>Builds the <c>meeting</c> verb with its <c>parse</c> subcommand.</summary>
    public static Command Create()
    {
        // Several words are joined, so an unquoted message works too: meeting parse вчера час очно.
        var text = new Argument<string[]>("text")
        {
            Description = "The meeting message as a mentor would write it.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var today = new Option<string>("--today")
        {
            Description = "The organisation's local date, YYYY-MM-DD (default: this machine's local date).",
        };

        var parse = new Command("parse", "Parse a meeting message and print the draft as JSON.") { text, today };
        parse.SetAction(parseResult =>
        {
            var message = string.Join(' ', parseResult.GetValue(text) ?? []);
            if (string.IsNullOrWhiteSpace(message))
            {
                throw new CliInputException("missing TEXT: give the meeting message, e.g. meeting parse \"вчера час очно\" --today 2026-03-19");
            }

            var draft = MeetingMessageParser.Parse(message, ParseToday(parseResult.GetValue(today)));
            CliJson.Write(parseResult.InvocationConfiguration.Output, MeetingDraftJson.From(draft));
        });

        return new Command("meeting", "Meeting logs.") { parse };
    }

    private static DateOnly ParseToday(string? value)
    {
        if (value is null)
        {
            return DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliInputException($"--today must be a date as YYYY-MM-DD, got '{value}'");
    }

    /// <summary>The printed shape; the date as ISO YYYY-MM-DD, enums as snake_case by <see cref="CliJson"/>.</summary>
    private sealed record MeetingDraftJson(string? Date, int? DurationMinutes, MeetingKind Kind, MeetingFormat? Format, string? Topic)
    {
        public static MeetingDraftJson From(MeetingDraft draft) => new(
            draft.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            draft.DurationMinutes,
            draft.Kind,
            draft.Format,
            draft.Topic);
    }
}
