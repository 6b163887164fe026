using System.Globalization;
using System.Text;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Domain.Banks;

/// <summary>
/// The curator's view of a bank (issue 4 «Banks»): the counts on top, one page of people with their
/// consent and questionnaire states (and a mentee's difficulties), a button per person opening their
/// card, and «‹ Назад» / «Далее ›». Pure: the glue loads the page and sends the reply. All user data
/// is HTML-escaped.
/// </summary>
public static class BankListing
{
    /// <summary>People per page: ten short entries keep a message well under the Bot API's 4096 characters.</summary>
    public const int PageSize = 10;

    /// <summary>Number of pages for <paramref name="joined"/> people (at least one, for the empty bank).</summary>
    public static int Pages(int joined) => Math.Max(1, (joined + PageSize - 1) / PageSize);

    /// <summary><paramref name="page"/> (1-based) brought into 1..<see cref="Pages"/>: a stale button after people left shows the last page.</summary>
    public static int Clamp(int page, int joined) => Math.Clamp(page, 1, Pages(joined));

    /// <summary>Rows to skip for <paramref name="page"/> (1-based).</summary>
    public static int Offset(int page) => (page - 1) * PageSize;

    /// <summary>Button prefix of the banks feature.</summary>
    public const string Prefix = "banks";

    /// <summary>Button data of a page: <c>banks:page:mentees:2</c>.</summary>
    public static string PageData(Bank bank, int page) => $"{Prefix}:page:{bank.Code()}:{page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Button data of a person's card, remembering the page to return to: <c>banks:card:mentees:17:2</c>.</summary>
    public static string CardData(Bank bank, long membershipId, int page) =>
        $"{Prefix}:card:{bank.Code()}:{membershipId.ToString(CultureInfo.InvariantCulture)}:{page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What a banks button asks for.</summary>
    /// <param name="Bank">The bank.</param>
    /// <param name="Page">The page (of the list, or to return to from the card).</param>
    /// <param name="MembershipId">The person whose card is asked for; null for a list page.</param>
    public sealed record Request(Bank Bank, int Page, long? MembershipId);

    /// <summary>Reads <see cref="PageData"/> or <see cref="CardData"/>; null for anything else (a forged or stale button).</summary>
    public static Request? Parse(string data)
    {
        var parts = data.Split(':');
        if (parts.Length < 4 || parts[0] != Prefix || !BankStates.TryParseBank(parts[2], out var bank)) return null;
        if (parts is [_, "page", _, var pageText] && TryPositive(pageText, out var page))
            return new Request(bank, (int)Math.Min(page, int.MaxValue), null);
        if (parts is [_, "card", _, var idText, var returnText] && TryPositive(idText, out var id) && TryPositive(returnText, out var back))
            return new Request(bank, (int)Math.Min(back, int.MaxValue), id);
        return null;
    }

    private static bool TryPositive(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>
    /// One page of a bank. <paramref name="members"/> are the page's people in list order;
    /// <paramref name="page"/> is already clamped.
    /// </summary>
    public static Reply Page(Bank bank, BankCounts counts, int page, IReadOnlyList<BankMember> members)
    {
        var text = new StringBuilder();
        text.Append("<b>").Append(BanksTexts.Title(bank)).Append("</b>\n");
        text.Append(BanksTexts.Counts(counts));
        if (counts.Joined == 0)
        {
            text.Append("\n\n").Append(BanksTexts.Empty(bank));
            return Reply.Formatted(text.ToString());
        }

        var pages = Pages(counts.Joined);
        if (pages > 1) text.Append('\n').Append(BanksTexts.PageOf(page, pages));
        var choices = new List<IReadOnlyList<Choice>>();
        var number = Offset(page);
        foreach (var member in members)
        {
            number++;
            var name = Name(member);
            text.Append("\n\n<b>").Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Html.Escape(name)).Append("</b>");
            var about = string.Join(", ", new[] { member.Position, member.Subject }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (about.Length > 0) text.Append(" — ").Append(Html.Escape(about));
            text.Append('\n').Append(Html.Escape(States(member)));
            if (bank == Bank.Mentees)
            {
                var difficulties = member.Difficulties;
                text.Append('\n').Append(BanksTexts.Difficulties).Append(": ")
                    .Append(difficulties.Count == 0 ? BanksTexts.NoDifficulties : Html.Escape(string.Join(", ", difficulties)));
            }

            choices.Add([new Choice($"{number.ToString(CultureInfo.InvariantCulture)}. {name}", CardData(bank, member.MembershipId, page))]);
        }

        var navigation = new List<Choice>();
        if (page > 1) navigation.Add(new Choice(BanksTexts.Previous, PageData(bank, page - 1)));
        if (page < pages) navigation.Add(new Choice(BanksTexts.Next, PageData(bank, page + 1)));
        if (navigation.Count > 0) choices.Add(navigation);
        return Reply.Formatted(text.ToString(), choices);
    }

    /// <summary>
    /// A person's card: who they are, their consents, the questionnaire state and every answer given
    /// (curator only — the handler checks), named and ordered by <paramref name="intake"/> — the definition
    /// the answers were given under (<see cref="AnswerSummary"/>). Dates in the organisation's <paramref name="timeZone"/>.
    /// <paramref name="impact"/>: the results of the impact monitoring entered into the card (issue 14, «внесение данных об
    /// итогах в базу наставников и наставляемых»; <see cref="Reports.ReportsTexts.CardImpact"/>), none when empty.
    /// </summary>
    public static Reply Card(Bank bank, BankMember member, int returnPage, TimeZoneInfo timeZone, QuestionnaireDefinition? intake, IReadOnlyList<string>? impact = null)
    {
        var text = new StringBuilder();
        text.Append("<b>").Append(Html.Escape(Name(member))).Append("</b>\n");
        text.Append(BanksTexts.Title(bank));
        foreach (var part in new[] { member.Position, member.Subject })
            if (!string.IsNullOrWhiteSpace(part)) text.Append(" · ").Append(Html.Escape(part));
        text.Append('\n').Append(BanksTexts.Joined).Append(": ").Append(BanksTexts.Date(LocalDate(member.JoinedAt, timeZone)));
        text.Append('\n').Append(Html.Escape(States(member, timeZone)));
        text.Append("\n\n<b>").Append(BanksTexts.AnswersHeading).Append("</b>");
        var answered = intake is null ? [] : AnswerSummary.Describe(intake, member.Answers);
        if (answered.Count == 0) text.Append('\n').Append(BanksTexts.NoAnswers);
        foreach (var answer in answered)
            text.Append('\n').Append(Html.Escape(answer.Label)).Append(": ").Append(Html.Escape(answer.Answer));
        if (impact is { Count: > 0 })
        {
            text.Append("\n\n<b>").Append(Reports.ReportsTexts.CardImpactHeading).Append("</b>");
            foreach (var line in impact) text.Append('\n').Append(Html.Escape(line));
        }

        return Reply.Formatted(text.ToString(), [[new Choice(BanksTexts.BackToList, PageData(bank, returnPage))]]);
    }

    /// <summary>The name to show: the given full name, else «участник №N».</summary>
    public static string Name(BankMember member) => BanksTexts.NameOrUnnamed(member.FullName, member.MembershipId);

    private static string States(BankMember member, TimeZoneInfo? timeZone = null)
    {
        var parts = new List<string> { $"{BanksTexts.PersonalDataConsent}: {BanksTexts.Consent(member.PersonalData)}" };
        if (member.MentoringDuties is { } duties)
            parts.Add($"{BanksTexts.MentoringDutiesConsent}: {BanksTexts.Consent(duties)}");
        var questionnaire = member.Questionnaire == QuestionnaireState.Completed && member.CompletedAt is { } done && timeZone is not null
            ? BanksTexts.CompletedOn(LocalDate(done, timeZone))
            : BanksTexts.QuestionnaireStateText(member.Questionnaire);
        parts.Add($"{BanksTexts.Questionnaire}: {questionnaire}");
        var line = string.Join("; ", parts);
        return char.ToUpperInvariant(line[0]) + line[1..];
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        LocalDates.Of(instant, timeZone);
}
