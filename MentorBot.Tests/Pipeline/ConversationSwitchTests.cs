using MentorBot.Domain.Organisations;
using MentorBot.Tests.Features.Questionnaires;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Pipeline;

public sealed class ConversationSwitchTests : IAsyncLifetime
{
    private const long User = 7101;
    private readonly PipelineHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Back_and_continue_with_nothing_open_say_so()
    {
        var chat = new QuestionnaireChat(harness, User);
        await chat.TypeAsync("/back");
        (await chat.LastTextAsync()).Should().Be("Сейчас нет открытого диалога — возвращаться некуда.");
        await chat.PressDataAsync("sw:keep");
        (await chat.LastTextAsync()).Should().Be("Незаконченных диалогов нет. Список команд — /help.");
        (await chat.ToastsAsync())[^1].Should().Be("Этот вопрос уже закрыт.");
    }

    [Fact]
    public async Task Another_features_open_flow_is_abandoned_only_after_the_person_agrees()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, User, "Петрова А.", [Role.Mentee]);
        await harness.ExecuteAsync("INSERT INTO conversation_states (chat_id, flow, state, data) VALUES (@User, 'meeting_checkin', 'AskDate', '{}')", new { User });
        var chat = new QuestionnaireChat(harness, User);

        await chat.PressDataAsync("q:start:mentee_intake");
        (await chat.ButtonsAsync()).Select(b => (b.Label, b.Data)).Should().Equal(("Продолжить начатое", "sw:keep"), ("Начать заново", "sw:new:q:start:mentee_intake"));
        (await harness.ScalarAsync<string>("SELECT flow FROM conversation_states")).Should().Be("meeting_checkin");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM questionnaire_responses")).Should().Be(0);

        await chat.PressAsync("Начать заново");
        (await harness.ScalarAsync<string>("SELECT flow FROM conversation_states")).Should().Be("questionnaire");
        (await chat.LastTextAsync()).Should().StartWith("1 из 18. Ваши фамилия, имя и отчество полностью.");
    }
}
