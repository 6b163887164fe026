using System.Globalization;
using MentorBot.Domain.Accounts;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Invites;
using MentorBot.Host.Configuration;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Accounts;

/// <summary>
/// One person, two messengers (issue 16). <c>/link</c> in the messenger where the person takes part gives a one-time
/// code; <c>/link CODE</c> sent to the bot in the other messenger within 10 minutes joins that account to them (an account
/// that takes part on its own is refused: two onboarded people are never merged by a code; so is a code typed in a
/// messenger where the person already has an account: one account per messenger). <c>/settings</c> asks
/// «Куда присылать напоминания?» (an account, or the one used last) and unlinks another account; the person stays.
/// </summary>
/// <param name="options">The bots' names, for the deep links that carry a code (<c>?start=link_CODE</c>).</param>
public sealed class AccountsFeature(MentorBotOptions options) : IChatFeature
{
    /// <summary>The start payload prefix of a link code: <c>/start link_CODE</c> (a deep link) is <c>/link CODE</c>.</summary>
    public const string StartPrefix = "link_";

    private const string Prefix = "accounts";

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("link", Link, AccountsTexts.LinkMenu)
        .Command("settings", Settings, AccountsTexts.SettingsMenu)
        .Choice(Prefix, Choose);

    private async Task Link(ChatContext context, ChatInput input)
    {
        if (input is CommandInput { Argument: { } typed })
        {
            await RedeemAsync(context, typed);
            return;
        }

        if (!await AccountStore.HasMembershipsAsync(context))
        {
            context.Reply(Reply.Plain(AccountsTexts.NothingToLink));
            return;
        }

        var code = LinkCode.New();
        await AccountStore.SaveCodeAsync(context, code);
        context.Reply(Reply.Formatted(AccountsTexts.CodeIssued(code, (int)LinkCode.Lifetime.TotalMinutes, DeepLinks(context.Update.Messenger, code))));
    }

    /// <summary>Joins the sender's account to the person whose code <paramref name="typed"/> is, or says why not (<c>/link CODE</c>, <c>/start link_CODE</c>).</summary>
    public static async Task RedeemAsync(ChatContext context, string typed)
    {
        var account = await AccountStore.CurrentAccountAsync(context);
        if (await AccountStore.RecentWrongAttemptsAsync(context, account) >= LinkCode.MaxWrongAttempts)
        {
            context.Reply(Reply.Plain(AccountsTexts.TooManyAttempts));
            return;
        }

        if (LinkCode.Normalize(typed) is not { } code || await AccountStore.CodeOwnerAsync(context, code) is not { } owner)
        {
            await AccountStore.RecordWrongAttemptAsync(context, account);
            context.Reply(Reply.Plain(AccountsTexts.WrongCode));
            return;
        }

        if (owner == context.ParticipantId)
        {
            context.Reply(Reply.Plain(AccountsTexts.AlreadyLinked));
            return;
        }

        if (await AccountStore.HasMembershipsAsync(context))
        {
            context.Reply(Reply.Plain(AccountsTexts.HasOwnMemberships));
            return;
        }

        // One account per messenger: the settings screen names accounts by their messenger, and Telegram's message ids
        // (a logged meeting's source) are unique only within one chat. The code stays usable in the other messenger.
        if (await AccountStore.HasAccountInAsync(context, owner, context.Update.Messenger))
        {
            context.Reply(Reply.Plain(AccountsTexts.OtherMessengerOnly(NameOf(context.Update.Messenger))));
            return;
        }

        await AccountStore.LinkAsync(context, code, account, owner);
        context.Reply(Reply.Plain(AccountsTexts.Linked));
    }

    private static async Task Settings(ChatContext context, ChatInput input)
    {
        var accounts = await AccountStore.AccountsAsync(context);
        var chosen = await AccountStore.NotifyAccountAsync(context);
        var current = await AccountStore.CurrentAccountAsync(context);
        var rows = new List<IReadOnlyList<Choice>>();
        foreach (var account in accounts.Where(a => a.Status == "active"))
            rows.Add([new Choice(Mark(chosen == account.Id) + NameOf(account.Messenger), $"{Prefix}:notify:{account.Id.ToString(CultureInfo.InvariantCulture)}")]);
        rows.Add([new Choice(Mark(chosen is null) + AccountsTexts.LastUsed, $"{Prefix}:notify:last")]);
        foreach (var account in accounts.Where(a => a.Id != current))
            rows.Add([new Choice(AccountsTexts.Unlink(NameOf(account.Messenger)), $"{Prefix}:unlink:{account.Id.ToString(CultureInfo.InvariantCulture)}")]);
        context.Reply(new Reply(AccountsTexts.WhereToSend, rows));
    }

    private static async Task Choose(ChatContext context, ChatInput input)
    {
        context.AnswerChoice();
        var parts = ((ChoiceInput)input).Data.Split(':');
        long? id = parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        switch (parts.ElementAtOrDefault(1))
        {
            case "notify" when parts.ElementAtOrDefault(2) == "last":
                await AccountStore.ChooseNotifyAccountAsync(context, null);
                context.Reply(Reply.Plain(AccountsTexts.Chosen(AccountsTexts.InLastUsed)));
                return;
            case "notify" when id is { } accountId && await AccountStore.ChooseNotifyAccountAsync(context, accountId):
                var messenger = (await AccountStore.AccountsAsync(context)).First(a => a.Id == accountId).Messenger;
                context.Reply(Reply.Plain(AccountsTexts.Chosen(AccountsTexts.In(NameOf(messenger)))));
                return;
            case "unlink" when id is { } accountId && accountId == await AccountStore.CurrentAccountAsync(context):
                context.Reply(Reply.Plain(AccountsTexts.CannotUnlinkCurrent));
                return;
            case "unlink" when id is { } accountId && await AccountStore.UnlinkAsync(context, accountId) is { } unlinked:
                context.Reply(Reply.Plain(AccountsTexts.Unlinked(NameOf(unlinked))));
                return;
            default:
                context.Reply(Reply.Plain(AccountsTexts.Stale));
                return;
        }
    }

    /// <summary>The deep links that open the bot in the other messenger with the code, where that bot's name is configured.</summary>
    private IReadOnlyList<string> DeepLinks(string messenger, string code)
    {
        var links = new List<string>();
        if (messenger != Messengers.Telegram && !string.IsNullOrWhiteSpace(options.BotUsername))
            links.Add(InviteRules.Link(options.BotUsername, StartPrefix + code));
        if (messenger != Messengers.Max && options.Max.IsConfigured && !string.IsNullOrWhiteSpace(options.Max.BotUsername))
            links.Add(InviteRules.MaxLink(options.Max.BotUsername, StartPrefix + code));
        return links;
    }

    private static string Mark(bool chosen) => chosen ? "✓ " : "";

    private static string NameOf(string messenger) => messenger switch
    {
        Messengers.Max => "MAX",
        Messengers.Console => AccountsTexts.ConsoleAccount,
        _ => "Telegram",
    };
}
