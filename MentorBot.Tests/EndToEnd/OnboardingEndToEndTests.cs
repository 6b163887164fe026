using MentorBot.Domain.Consents;
using MentorBot.Domain.Invites;
using MentorBot.Domain.Organisations;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// Joining through the emulator: a teacher opens a mentor invite, agrees to the personal-data consent,
/// sees the mentoring-duties consent, declines it, and finds the personal-data consent in /consents.
/// </summary>
public sealed class OnboardingEndToEndTests : IAsyncLifetime
{
    private const string Token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
    private const long UserId = 434343;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TestDatabase database = new();
    private TelegramEmulator emulator = null!;
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        emulator = await TelegramEmulator.StartAsync();
        var options = new MentorBotOptions { ConnectionString = database.ConnectionString, BotToken = Token, ApiBaseUrl = emulator.BaseUrl, BotUsername = "mentor_test_bot" };
        host = BotHost.Build(options, TextReader.Null, TextWriter.Null, services => services.AddSingleton(new PollingOptions { MinInterval = TimeSpan.FromMilliseconds(100) }));
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
        }
        finally
        {
            await emulator.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_mentor_opens_an_invite_and_answers_both_consent_screens()
    {
        var school = await OrganisationStore.CreateAsync(database.DataSource, "МБОУ СОШ № 42", "Asia/Omsk", DateTimeOffset.UtcNow, default);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var invite = await InviteStore.CreateAsync(connection, null, school.Id, Role.Mentor, InviteRules.DefaultLimits(Role.Mentor), null, DateTimeOffset.UtcNow, default);

        await emulator.SendTextAsync(Token, UserId, $"/start {invite.Token}");
        var joined = await emulator.WaitForBotMessagesAsync(Token, UserId, 2, Deadline);
        joined.Select(m => m.Text).Should().Equal(InviteTexts.Joined("МБОУ СОШ № 42", Role.Mentor), ConsentDocuments.PersonalData("МБОУ СОШ № 42").Text);
        joined[1].CallbackData.Should().Equal("consent:yes:personal_data", "consent:no:personal_data");

        await emulator.PressAsync(Token, UserId, joined[1].MessageId, "consent:yes:personal_data");
        var duties = (await emulator.WaitForBotMessagesAsync(Token, UserId, 1, Deadline)).Should().ContainSingle().Subject;
        duties.Text.Should().Be(ConsentDocuments.MentoringDuties("МБОУ СОШ № 42").Text);
        duties.CallbackData.Should().Equal("consent:yes:mentoring_duties", "consent:no:mentoring_duties");

        await emulator.PressAsync(Token, UserId, duties.MessageId, "consent:no:mentoring_duties");
        (await emulator.WaitForBotMessagesAsync(Token, UserId, 1, Deadline)).Select(m => m.Text).Should().Equal(ConsentTexts.DeclinedMentoringDuties);

        await emulator.SendTextAsync(Token, UserId, "/consents");
        var consents = (await emulator.WaitForBotMessagesAsync(Token, UserId, 1, Deadline)).Should().ContainSingle().Subject;
        consents.Text.Should().Contain(ConsentDocuments.TitleOf(ConsentKind.PersonalData) + " — дано")
            .And.Contain(ConsentDocuments.TitleOf(ConsentKind.MentoringDuties) + " — отказ");
        consents.CallbackData.Should().ContainSingle().Which.Should().StartWith("consents:withdraw:personal_data:");
    }
}
