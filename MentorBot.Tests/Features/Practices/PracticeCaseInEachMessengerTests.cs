using MentorBot.Domain.Organisations;
using MentorBot.Domain.Practices;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Practices;

/// <summary>
/// A practice case written in each messenger (issue 16), with its materials sent as a document and as a picture
/// (a photo of a stand is what teachers send most): both are attached and stored.
/// </summary>
public sealed class PracticeCaseInEachMessengerTests
{
    private const long Mentor = 770_001;

    [Theory]
    [MemberData(nameof(MessengerDriver.Both), MemberType = typeof(MessengerDriver))]
    public async Task A_mentor_writes_a_case_and_attaches_a_document_and_a_picture(string messenger)
    {
        var downloads = new FakeDownloads();
        await using var harness = await PipelineHarness.StartAsync(messenger, Onboarding.BotUsername, "school_mentor_bot",
            services => services.AddSingleton<IDocumentDownloads>(downloads));
        var school = await harness.CreateOrganisationAsync("МБОУ «Средняя школа № 42»");
        await harness.AddMemberAsync(school, Mentor, "Петрова Анна Сергеевна", [Role.Mentor]);
        byte[] plan = "план открытого урока"u8.ToArray(), photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        downloads.Add(harness.Messenger.ReceivedFileId("F-plan"), plan);
        downloads.Add(harness.Messenger.ReceivedFileId("F-photo"), photo);

        await harness.SendAsync(Mentor, "/case");
        await harness.PressAsync(Mentor, "case:t:2");
        foreach (var answer in new[] { "Стенд для родителей", "Родители не знали расписания консультаций", "Сделали стенд у входа", "Родители приходят в нужные часы" })
            await harness.SendAsync(Mentor, answer);
        (await harness.LastTextAsync(Mentor)).Should().Contain("файлы или фотографии");

        await harness.RecordAsync(harness.Document(Mentor, "F-plan", "План собрания.docx", plan.Length));
        await harness.ProcessAllAsync();
        (await harness.LastTextAsync(Mentor)).Should().Be(PracticesTexts.Attached("План собрания.docx", 1, CaseRules.MaxMaterials));
        await harness.RecordAsync(harness.Photo(Mentor, "F-photo", 98_000));
        await harness.ProcessAllAsync();
        // A picture has no name of its own: it gets the one Telegram's apps give a saved photo, at the time it was sent.
        var name = $"photo_{harness.Clock.GetUtcNow():yyyy-MM-dd_HH-mm-ss}.jpg";
        (await harness.LastTextAsync(Mentor)).Should().Be(PracticesTexts.Attached(name, 2, CaseRules.MaxMaterials));
        await harness.PressAsync(Mentor, "case:done");
        await harness.PressAsync(Mentor, "case:send");

        (await harness.ScalarAsync<string>("SELECT string_agg(file_id, ',' ORDER BY position) FROM practice_case_materials"))
            .Should().Be($"{harness.Messenger.ReceivedFileId("F-plan")},{harness.Messenger.ReceivedFileId("F-photo")}");
        (await harness.RowsForOtherMessengersAsync()).Should().Be(0);
    }
}
