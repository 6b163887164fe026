using MentorBot.Domain.Consents;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Consents;

/// <summary>The publication consent (152-ФЗ ст. 10.1) as another feature would ask it: <see cref="ConsentConversation.AskPublicationAsync"/>.</summary>
public sealed class PublicationConsentTests : IAsyncLifetime
{
    private const long Teacher = 600;
    private const string Subject = "описания вашего наставнического опыта";
    private readonly PipelineHarness harness = new(services => services.AddSingleton<IChatFeature, PublishFeature>());
    private Organisation school = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("Лицей № 9");
        await harness.AddMemberAsync(school, Teacher, "Учителева Анна", [Role.Mentor]);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Theory]
    [InlineData("yes", "given", ConsentTexts.PublicationGiven, true)]
    [InlineData("no", "declined", ConsentTexts.PublicationDeclined, false)]
    public async Task The_document_names_what_is_published_and_the_answer_is_recorded(string button, string stored, string reply, bool given)
    {
        await harness.SendAsync(Teacher, "/ask_publication");
        (await harness.LastTextAsync(Teacher)).Should().Be(ConsentDocuments.Publication("Лицей № 9", Subject).Summary);
        (await harness.LastButtonsAsync(Teacher)).Select(b => b.Data).Should().Equal("consent:yes:publication", "consent:no:publication", "consent:text:publication");

        await harness.PressAsync(Teacher, $"consent:{button}:publication");

        (await harness.LastTextAsync(Teacher)).Should().Be(reply);
        (await harness.ScalarAsync<string>("SELECT event || ':' || text_version FROM current_consents WHERE kind = 'publication'")).Should().Be($"{stored}:pub-2026.1");
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var participant = await harness.ParticipantAsync(Teacher);
        (await ConsentStore.IsGivenAsync(connection, null, school.Id, participant, ConsentKind.Publication, default)).Should().Be(given);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);
    }

    /// <summary>A test-only feature that asks for the publication consent on <c>/ask_publication</c>.</summary>
    private sealed class PublishFeature : IChatFeature
    {
        public void Map(ChatRoutes routes) => routes.Command("ask_publication", async (context, _) =>
        {
            if (await Access.RequireAsync(context) is { } member)
                await ConsentConversation.AskPublicationAsync(context, member, Subject);
        });
    }
}
