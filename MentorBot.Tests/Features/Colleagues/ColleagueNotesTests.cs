using MentorBot.Domain.Banks;
using MentorBot.Domain.Colleagues;
using MentorBot.Domain.Matching;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Colleagues;

/// <summary>
/// Input from colleagues through the pipeline (issue 15): the psychologist is invited like the others, sees the mentee bank
/// and writes a note; the mentee is told who wrote one, the curator reads it on the card and in the matching's reasons.
/// </summary>
public sealed class ColleagueNotesTests : IAsyncLifetime
{
    private const long Curator = 100, Psychologist = 150, Head = 160, Petrova = 201, Ivanov = 301;
    private const string Discipline = "дисциплина и управление классом";
    private const string NoteText = "Боится шумного класса, просит помочь с дисциплиной на уроках";
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;
    private long ivanov;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ «Средняя школа № 42»");
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга Ивановна", [Role.Curator]);
        await harness.AddMemberAsync(school, Psychologist, "Белова Вера Николаевна", [Role.Psychologist], "педагог-психолог");
        await harness.AddMemberAsync(school, Head, "Громов Григорий Петрович", [Role.Head], "директор");
        await harness.MentorAsync(school, Petrova, "Петрова Анна Сергеевна", "математика", ["работа с родителями", Discipline]);
        ivanov = await harness.MenteeAsync(school, Ivanov, "Иванов Игорь", "математика", ["работа с родителями"]);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private Task<IReadOnlyList<string>> SayAsync(long user, string text) => harness.SendAsync(user, harness.Text(user, text));

    private Task<IReadOnlyList<string>> PressAsync(long user, string data) => harness.SendAsync(user, harness.Press(user, data));

    private async Task WriteNoteAsync(long author)
    {
        await PressAsync(author, BankListing.CardData(Bank.Mentees, ivanov, 1));
        await PressAsync(author, $"note:add:{ivanov}");
        await PressAsync(author, "note:t:1");
        await SayAsync(author, NoteText);
    }

    [Fact]
    public async Task A_psychologists_note_reaches_the_curators_card_and_the_matching_and_the_mentee_learns_who_wrote_it()
    {
        (await SayAsync(Psychologist, "/mentees")).Single().Should().Contain("Иванов Игорь");
        (await PressAsync(Psychologist, BankListing.CardData(Bank.Mentees, ivanov, 1))).Single().Should().Contain("Иванов Игорь");
        (await harness.LastButtonsAsync(Psychologist)).Should().Contain((ColleaguesTexts.NoteButton, $"note:add:{ivanov}"));
        (await PressAsync(Psychologist, $"note:add:{ivanov}")).Single().Should().Be(ColleaguesTexts.AskTopic("Иванов Игорь"));
        (await harness.LastButtonsAsync(Psychologist)).Select(b => b.Label).Should().StartWith(["планирование уроков", Discipline]).And.EndWith("другое");
        (await SayAsync(Psychologist, "текст до темы")).Should().StartWith(ColleaguesTexts.PressATopic);
        (await PressAsync(Psychologist, "note:t:1")).Single().Should().Be(ColleaguesTexts.AskText("Иванов Игорь", Discipline));
        (await SayAsync(Psychologist, new string('я', MenteeNotes.MaxLength + 1))).Should().Equal(ColleaguesTexts.TextHint);
        (await SayAsync(Psychologist, NoteText)).Should().Equal(ColleaguesTexts.Saved("Иванов Игорь"));

        var toMentee = (await harness.QueuedTextsAsync(Ivanov)).Single();
        toMentee.Should().Be(ColleaguesTexts.ToMentee(Role.Psychologist, "Белова Вера Николаевна", Discipline)).And.StartWith("Психолог Белова Вера Николаевна оставил(а)");
        toMentee.Should().NotContain("шумного", "the mentee learns that a note exists and who wrote it, not its text");

        var card = (await PressAsync(Curator, BankListing.CardData(Bank.Mentees, ivanov, 1))).Single();
        card.Should().Contain(ColleaguesTexts.CardHeading).And.Contain($"психолог Белова Вера Николаевна, тема «{Discipline}»: {NoteText}").And.Contain(ColleaguesTexts.ScoreState(false));
        (await harness.LastButtonsAsync(Curator)).Select(b => b.Data).Should().Contain("note:score").And.NotContain($"note:add:{ivanov}");

        var proposal = (await SayAsync(Curator, "/match")).Single(t => t.Contains("Иванов Игорь") && t.Contains("Наставник:"));
        proposal.Should().Contain(ColleaguesTexts.Reason(Discipline, mentorHelps: true));

        (await PressAsync(Curator, "note:score")).Should().Equal(ColleaguesTexts.ScoreSwitched(true));
        (await harness.ScalarAsync<bool>("SELECT notes_in_matching FROM organisations")).Should().BeTrue();
    }

    [Fact]
    public async Task The_head_writes_notes_too_and_each_author_sees_only_their_own()
    {
        await WriteNoteAsync(Psychologist);
        await WriteNoteAsync(Head);

        var headCard = (await PressAsync(Head, BankListing.CardData(Bank.Mentees, ivanov, 1))).Single();
        headCard.Should().Contain("руководитель Громов Григорий Петрович").And.NotContain("Белова");
        (await harness.QueuedTextsAsync(Ivanov))[^1].Should().StartWith("Руководитель Громов Григорий Петрович оставил(а)");
        (await PressAsync(Curator, BankListing.CardData(Bank.Mentees, ivanov, 1))).Single().Should().Contain("Белова").And.Contain("Громов");
    }

    [Fact]
    public async Task Every_command_and_button_checks_the_role()
    {
        (await SayAsync(Petrova, "/mentees")).Should().Equal(AccessTexts.NotAllowed);
        (await SayAsync(Psychologist, "/mentors")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Ivanov, $"note:add:{ivanov}")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Curator, $"note:add:{ivanov}")).Should().ContainSingle().Which.Should().Be(AccessTexts.NotAllowed, "the curator reads colleagues' notes; colleagues write them");
        (await PressAsync(Psychologist, "note:score")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Psychologist, $"note:add:{ivanov + 999}")).Should().Equal(ColleaguesTexts.MenteeGone);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM mentee_notes")).Should().Be(0);
        (await harness.ScalarAsync<bool>("SELECT notes_in_matching FROM organisations")).Should().BeFalse();
    }

    [Fact]
    public async Task A_psychologist_is_invited_like_the_others()
    {
        await SayAsync(Curator, "/invite");
        (await harness.LastButtonsAsync(Curator)).Should().Contain(("Психолога", "invite:new:psychologist"));
        await PressAsync(Curator, "invite:new:psychologist");
        var token = await harness.ScalarAsync<string>("SELECT token FROM invites WHERE role = 'psychologist'");
        (await harness.ScalarAsync<int?>("SELECT max_uses FROM invites WHERE role = 'psychologist'")).Should().Be(1, "a colleague's link reads others' data: one use (152-ФЗ ст. 19)");

        (await SayAsync(777, $"/start {token}"))[0].Should().Be(InviteTexts.Joined("МБОУ «Средняя школа № 42»", Role.Psychologist)).And.EndWith("Ваша роль: психолог.");
    }

    [Fact]
    public void Topics_of_notes_count_as_requests_only_when_asked_and_explain_the_pair()
    {
        var notes = new[]
        {
            new MenteeNote(1, 7, Role.Psychologist, "Белова", Discipline, "a", DateTime.UnixEpoch),
            new MenteeNote(2, 7, Role.Head, "Громов", "Дисциплина  и управление классом", "b", DateTime.UnixEpoch),
            new MenteeNote(3, 7, Role.Head, "Громов", null, "c", DateTime.UnixEpoch),
        };
        var mentee = new MenteeProfile("7", "математика", ["работа с родителями"], MeetingFormat.Any, 1, []);
        var mentor = new MentorProfile("5", "математика", [Discipline], 1, MeetingFormat.Any, 10, []);

        MenteeNotes.WithNeeds(mentee, notes).Difficulties.Should().Equal("работа с родителями", Discipline);
        MenteeNotes.WithNeeds(mentee with { Difficulties = [Discipline] }, notes).Difficulties.Should().Equal(Discipline);
        MenteeNotes.Reasons(notes, mentor).Should().Equal(ColleaguesTexts.Reason(Discipline, true));
        MenteeNotes.Reasons(notes, mentor with { Competencies = ["работа с родителями"] }).Should().Equal(ColleaguesTexts.Reason(Discipline, false));
        var weights = MatchingWeights.Default;
        new PairScorer(weights, [mentor], [MenteeNotes.WithNeeds(mentee, notes)]).Score(0, 0).Score
            .Should().BeGreaterThan(new PairScorer(weights, [mentor], [mentee]).Score(0, 0).Score, "a note's topic the mentor covers raises the score when counted");
    }
}
