using System.Globalization;
using MentorBot.Domain.Organisations;

namespace MentorBot.Domain.Colleagues;

/// <summary>Every Russian text of colleagues' notes on a mentee's needs (issue 15).</summary>
public static class ColleaguesTexts
{
    /// <summary>Button on a mentee's card: write a note (psychologist, head).</summary>
    public const string NoteButton = "📝 Заметка о запросах";

    /// <summary>The first question: the topic.</summary>
    public static string AskTopic(string mentee) =>
        $"Заметка для куратора о запросах наставляемого: {mentee}. О чём она? Выберите тему. /cancel — отмена.";

    /// <summary>The second question: the text.</summary>
    public static string AskText(string mentee, string topic) =>
        $"Тема: {topic}. Коротко опишите, в чём {mentee} нужна поддержка (до {MenteeNotes.MaxLength} символов). "
        + "Текст увидит куратор; наставляемому я сообщу, что заметка есть и кто её написал. /back — другая тема, /cancel — отмена.";

    /// <summary>A text too long or not a text.</summary>
    public const string TextHint = "Нужен текст до 1000 символов одним сообщением.";

    /// <summary>A topic button is expected.</summary>
    public const string PressATopic = "Выберите тему кнопкой под вопросом.";

    /// <summary>The «другое» topic's name.</summary>
    public const string OtherTopic = Questionnaires.CompetencyTaxonomy.Other;

    /// <summary>After saving.</summary>
    public static string Saved(string mentee) =>
        $"Заметка сохранена. Куратор увидит её в карточке наставляемого и в пояснениях к подбору наставника; {mentee} получит сообщение, что заметка есть и кто её написал.";

    /// <summary>To the mentee: a note exists and who wrote it (never silently; the text stays with the curator).</summary>
    public static string ToMentee(Role authorRole, string author, string? topic) =>
        $"{Capitalised(authorRole.RussianName())} {author} оставил(а) куратору программы наставничества заметку о ваших профессиональных запросах"
        + (topic is null ? "" : $" (тема: «{topic}»)")
        + ". Она поможет подобрать вам наставника. Текст заметки видит только куратор; вопросы — /curator.";

    /// <summary>The mentee is no longer an active mentee of the organisation.</summary>
    public const string MenteeGone = "Этого наставляемого уже нет в банке наставляемых.";

    /// <summary>Heading of the notes on a card.</summary>
    public const string CardHeading = "Заметки коллег о запросах";

    /// <summary>One note on the curator's card.</summary>
    public static string CardLine(Role authorRole, string? author, DateOnly date, string? topic, string text) =>
        $"{date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}, {authorRole.RussianName()} {author ?? "(имя удалено)"}"
        + (topic is null ? "" : $", тема «{topic}»") + $": {text}";

    /// <summary>Under the curator's notes: whether they count in the matching score.</summary>
    public static string ScoreState(bool on) => on
        ? "Темы заметок учитываются в баллах подбора как запросы наставляемого."
        : "Темы заметок показываются в пояснениях к подбору, но не меняют баллы.";

    /// <summary>Button: switch counting notes in the score.</summary>
    public static string ScoreButton(bool on) => on ? "Не учитывать заметки в баллах" : "Учитывать заметки в баллах подбора";

    /// <summary>After the switch.</summary>
    public static string ScoreSwitched(bool on) => on
        ? "Готово: темы заметок коллег теперь учитываются в баллах подбора (/match) как запросы наставляемых."
        : "Готово: заметки коллег больше не меняют баллы подбора; они остаются в пояснениях.";

    /// <summary>A reason of a proposed pair from a note's topic.</summary>
    public static string Reason(string topic, bool mentorHelps) => mentorHelps
        ? $"по заметке коллеги: запрос «{topic}» — наставник помогает с этим"
        : $"по заметке коллеги: запрос «{topic}»";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
