using MentorBot.Domain.Accounts;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Persistence;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Accounts;

/// <summary>
/// <c>/link</c> joins a person's MAX account to them (issue 16): a one-time code from the messenger where they take part,
/// sent to the bot in the other within 10 minutes, once; a code typed by someone who takes part on their own is refused;
/// afterwards both accounts act as one member. <c>/settings</c> chooses where reminders go and unlinks an account.
/// </summary>
public sealed class AccountLinkingTests : IAsyncLifetime
{
    private const long Teacher = 720_001;      // Telegram, onboarded
    private const long TeacherMax = 820_001;   // the same person in MAX
    private const long Other = 720_002;        // another onboarded member, in Telegram
    private const long OtherMax = 820_002;     // someone else in MAX, onboarded there
    private const string MaxBot = "school_mentor_bot";
    private readonly PipelineHarness harness = new(services => services.AddSingleton(MessengerDriver.BothMessengers(Onboarding.BotUsername, MaxBot)));
    private long membership;

    public AccountLinkingTests() => harness.UseMessenger(MessengerDriver.Max, TeacherMax, OtherMax);

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        var school = await harness.CreateOrganisationAsync("Гимназия № 5");
        membership = await harness.AddMemberAsync(school, Teacher, "Иванова Анна", [Role.Mentor]);
        await harness.AddMemberAsync(school, Other, "Петров Пётр", [Role.Mentee]);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    /// <summary>Sends <paramref name="text"/> from a MAX user and handles it.</summary>
    private Task FromMaxAsync(long user, string text) => harness.SendAsync(user, text);

    private async Task<string> CodeAsync()
    {
        await harness.SendAsync(Teacher, "/link");
        var text = await harness.LastTextAsync(Teacher);
        var start = text.IndexOf("<code>", StringComparison.Ordinal) + "<code>".Length;
        return text[start..(start + LinkCode.Length)];
    }

    [Fact]
    public async Task A_code_sent_from_max_makes_both_accounts_one_member_who_then_acts_in_max()
    {
        await FromMaxAsync(TeacherMax, "/start");
        var stranger = await harness.ParticipantAsync(TeacherMax, MessengerDriver.Max);
        var code = await CodeAsync();

        await FromMaxAsync(TeacherMax, $"/link {code.ToLowerInvariant()}");

        (await harness.LastTextAsync(TeacherMax)).Should().Be(AccountsTexts.Linked);
        (await harness.ParticipantAsync(TeacherMax, MessengerDriver.Max)).Should().Be(await harness.ParticipantAsync(Teacher, MessengerDriver.Telegram));
        (await harness.ScalarAsync<long>("SELECT count(*) FROM participants WHERE id = @stranger", new { stranger })).Should().Be(0, "the person created by /start alone is merged away");

        // In MAX she is the same mentor: her roles answer there.
        await FromMaxAsync(TeacherMax, "/meetings");
        (await harness.LastTextAsync(TeacherMax)).Should().NotBe(Host.Features.Organisations.AccessTexts.NotAMember);

        // The code was used once.
        await FromMaxAsync(OtherMax, $"/link {code}");
        (await harness.LastTextAsync(OtherMax)).Should().Be(AccountsTexts.WrongCode);
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_wrong_codes_are_limited_per_account()
    {
        var code = await CodeAsync();
        harness.Clock.Advance(LinkCode.Lifetime);

        await FromMaxAsync(TeacherMax, $"/link {code}");
        (await harness.LastTextAsync(TeacherMax)).Should().Be(AccountsTexts.WrongCode);

        for (var i = 0; i < LinkCode.MaxWrongAttempts - 1; i++) await FromMaxAsync(TeacherMax, "/link ZZZZZZZZ");
        var fresh = await CodeAsync();
        await FromMaxAsync(TeacherMax, $"/link {fresh}");
        (await harness.LastTextAsync(TeacherMax)).Should().Be(AccountsTexts.TooManyAttempts);
        (await harness.ParticipantAsync(TeacherMax, MessengerDriver.Max)).Should().NotBe(await harness.ParticipantAsync(Teacher, MessengerDriver.Telegram));
    }

    [Fact]
    public async Task A_code_typed_by_someone_who_takes_part_on_their_own_is_refused_and_stays_usable()
    {
        var code = await CodeAsync();

        await harness.SendAsync(Other, $"/link {code}");

        (await harness.LastTextAsync(Other)).Should().Be(AccountsTexts.HasOwnMemberships);
        (await harness.ParticipantAsync(Other, MessengerDriver.Telegram)).Should().NotBe(await harness.ParticipantAsync(Teacher, MessengerDriver.Telegram));
        await FromMaxAsync(TeacherMax, $"/link {code}");
        (await harness.LastTextAsync(TeacherMax)).Should().Be(AccountsTexts.Linked);
    }

    [Fact]
    public async Task A_code_typed_in_a_messenger_where_the_person_already_has_an_account_is_refused_and_stays_usable()
    {
        const long secondTelegram = 720_099;
        var code = await CodeAsync();

        await harness.SendAsync(secondTelegram, $"/link {code}");

        (await harness.LastTextAsync(secondTelegram)).Should().Be(AccountsTexts.OtherMessengerOnly("Telegram"));
        (await harness.ParticipantAsync(secondTelegram, MessengerDriver.Telegram)).Should().NotBe(await harness.ParticipantAsync(Teacher, MessengerDriver.Telegram));
        await FromMaxAsync(TeacherMax, $"/link {code}");
        (await harness.LastTextAsync(TeacherMax)).Should().Be(AccountsTexts.Linked);
    }

    [Fact]
    public async Task Settings_choose_where_reminders_go_and_unlinking_keeps_the_person()
    {
        var code = await CodeAsync();
        await FromMaxAsync(TeacherMax, $"/link {code}");
        var person = await harness.ParticipantAsync(Teacher, MessengerDriver.Telegram);
        var maxAccount = await harness.ScalarAsync<long>("SELECT id FROM messenger_accounts WHERE messenger = 'max' AND external_user_id = @TeacherMax", new { TeacherMax });

        await harness.SendAsync(Teacher, "/settings");
        (await harness.LastTextAsync(Teacher)).Should().Be(AccountsTexts.WhereToSend);
        (await harness.LastButtonsAsync(Teacher)).Select(b => b.Label).Should().Equal("Telegram", "MAX", "✓ " + AccountsTexts.LastUsed, "Отвязать MAX");

        await harness.PressAsync(Teacher, $"accounts:notify:{maxAccount}");
        (await harness.LastTextAsync(Teacher)).Should().Be(AccountsTexts.Chosen("в MAX"));
        (await harness.ScalarAsync<long?>("SELECT notify_account_id FROM participants WHERE id = @person", new { person })).Should().Be(maxAccount);

        await harness.PressAsync(Teacher, $"accounts:unlink:{maxAccount}");
        (await harness.LastTextAsync(Teacher)).Should().Be(AccountsTexts.Unlinked("MAX"));
        (await harness.ScalarAsync<long?>("SELECT notify_account_id FROM participants WHERE id = @person", new { person })).Should().BeNull();
        (await harness.ScalarAsync<long>("SELECT count(*) FROM memberships WHERE id = @membership AND participant_id = @person", new { membership, person })).Should().Be(1);

        var telegramAccount = await harness.ScalarAsync<long>("SELECT id FROM messenger_accounts WHERE messenger = 'telegram' AND external_user_id = @Teacher", new { Teacher });
        await harness.PressAsync(Teacher, $"accounts:unlink:{telegramAccount}");
        (await harness.LastTextAsync(Teacher)).Should().Be(AccountsTexts.CannotUnlinkCurrent);
    }

    [Fact]
    public async Task The_code_comes_with_the_max_link_that_opens_the_bot_there_and_links_in_one_tap()
    {
        var code = await CodeAsync();
        var text = await harness.LastTextAsync(Teacher);
        text.Should().Contain($"https://max.ru/{MaxBot}?start=link_{code}").And.NotContain("t.me", "the link is for the other messenger");

        await harness.RecordAsync(harness.Start(TeacherMax, $"link_{code}"));
        await harness.ProcessAllAsync();

        (await harness.LastTextAsync(TeacherMax)).Should().Be(AccountsTexts.Linked);
        (await harness.ParticipantAsync(TeacherMax, MessengerDriver.Max)).Should().Be(await harness.ParticipantAsync(Teacher, MessengerDriver.Telegram));
    }
}
