using System.Globalization;

namespace MentorBot.Domain.Banks;

/// <summary>Every Russian text of the mentor and mentee banks (<c>/mentors</c>, <c>/mentees</c>, a person's card).</summary>
public static class BanksTexts
{
    /// <summary>The command-menu line of /mentors.</summary>
    public const string MentorsMenu = "Банк наставников";

    /// <summary>The command-menu line of /mentees.</summary>
    public const string MenteesMenu = "Банк наставляемых";

    /// <summary>The bank's title.</summary>
    public static string Title(Bank bank) => bank == Bank.Mentors ? "Банк наставников" : "Банк наставляемых";

    /// <summary>The counts line on top: «Присоединились: 12 · дали согласия: 10 · заполнили анкету: 7».</summary>
    public static string Counts(BankCounts counts) =>
        $"Присоединились: {counts.Joined} · дали согласия: {counts.Consented} · заполнили анкету: {counts.Completed}";

    /// <summary>«Страница 2 из 5».</summary>
    public static string PageOf(int page, int pages) => $"Страница {page} из {pages}";

    /// <summary>Shown when nobody has joined the bank yet.</summary>
    public static string Empty(Bank bank) => bank == Bank.Mentors
        ? "Пока никто не присоединился как наставник. Пригласите наставников ссылкой-приглашением."
        : "Пока никто не присоединился как наставляемый. Пригласите педагогов ссылкой-приглашением.";

    /// <summary>The previous-page button.</summary>
    public const string Previous = "‹ Назад";

    /// <summary>The next-page button.</summary>
    public const string Next = "Далее ›";

    /// <summary>The button from a card back to the list.</summary>
    public const string BackToList = "‹ К списку";

    /// <summary>A person who has not given a name yet: «участник №17» (the membership number, never a Telegram id).</summary>
    public static string Unnamed(long membershipId) => $"участник №{membershipId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The name to show for a person: the trimmed full name, else <see cref="Unnamed"/> (a name erased or never given).</summary>
    public static string NameOrUnnamed(string? fullName, long membershipId) =>
        string.IsNullOrWhiteSpace(fullName) ? Unnamed(membershipId) : fullName.Trim();

    /// <summary>The personal-data consent's label.</summary>
    public const string PersonalDataConsent = "согласие на обработку ПДн";

    /// <summary>The mentoring-duties consent's label (ТК РФ ст. 351.8).</summary>
    public const string MentoringDutiesConsent = "согласие на наставническую деятельность";

    /// <summary>A consent state in words.</summary>
    public static string Consent(ConsentState state) => state switch
    {
        ConsentState.Given => "дано",
        ConsentState.Declined => "отказ",
        ConsentState.Withdrawn => "отозвано",
        _ => "ожидается",
    };

    /// <summary>The questionnaire's label.</summary>
    public const string Questionnaire = "анкета";

    /// <summary>A questionnaire state in words.</summary>
    public static string QuestionnaireStateText(QuestionnaireState state) => state switch
    {
        QuestionnaireState.Completed => "заполнена",
        QuestionnaireState.InProgress => "заполняется",
        _ => "не начата",
    };

    /// <summary>The label of a mentee's difficulties.</summary>
    public const string Difficulties = "Трудности";

    /// <summary>Shown when a mentee named no difficulty (yet).</summary>
    public const string NoDifficulties = "не указаны";

    /// <summary>The card's «joined» line label.</summary>
    public const string Joined = "Присоединился(-ась)";

    /// <summary>The card's answers heading.</summary>
    public const string AnswersHeading = "Ответы анкеты";

    /// <summary>Shown on a card when nothing is answered yet.</summary>
    public const string NoAnswers = "Ответов пока нет.";

    /// <summary>A card asked for a person who is not (or no longer) in this bank of the curator's organisation.</summary>
    public const string NotFound = "Участник не найден: возможно, он отозвал согласие или покинул программу.";

    /// <summary>A dated questionnaire state: «заполнена 02.09.2026».</summary>
    public static string CompletedOn(DateOnly date) => $"заполнена {Date(date)}";

    /// <summary>A date as Russians write it: «02.09.2026».</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
