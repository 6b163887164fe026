using MentorBot.Domain.Consents;

namespace MentorBot.Host.Features.Consents;

/// <summary>What the consent screens and /consents say (Russian). The documents themselves are in <see cref="ConsentDocuments"/>.</summary>
public static class ConsentTexts
{
    /// <summary>The agree button under a document.</summary>
    public const string Agree = "Согласен";

    /// <summary>The decline button under a document.</summary>
    public const string Disagree = "Не согласен";

    /// <summary>The button that shows a consent's full text under its summary.</summary>
    public const string FullText = "Полный текст";

    /// <summary>Text typed while a document waits for a button.</summary>
    public const string PressAButton = "Пожалуйста, ответьте кнопкой под текстом согласия: «Согласен» или «Не согласен».";

    /// <summary>Toast for a button of a consent screen that is no longer open.</summary>
    public const string Closed = "Этот вопрос уже закрыт.";

    /// <summary>After the personal-data consent was declined.</summary>
    public const string DeclinedPersonalData =
        "Понимаю. Без согласия на обработку персональных данных участвовать в программе через бот нельзя, поэтому я ничего о вас не сохранил, кроме самого отказа.\n\n" +
        "Если передумаете, снова откройте ссылку-приглашение. Спасибо, что заглянули!";

    /// <summary>After the mentoring-duties consent was declined.</summary>
    public const string DeclinedMentoringDuties =
        "Понимаю. Без этого согласия вас не смогут назначить наставником (ст. 351.8 ТК РФ), роль наставника снята. " +
        "Если передумаете, попросите у куратора новое приглашение наставника.";

    /// <summary>After the publication consent was given.</summary>
    public const string PublicationGiven = "Спасибо! Согласие на публикацию записано. Отозвать его можно командой /consents.";

    /// <summary>After the publication consent was declined.</summary>
    public const string PublicationDeclined = "Хорошо, ваши персональные данные публиковаться не будут.";

    /// <summary>After all onboarding consents, before the questionnaire.</summary>
    public const string AllGiven = "Спасибо, согласие записано. Отозвать его можно в любой момент командой /consents.";

    /// <summary>After all onboarding consents when no questionnaire follows.</summary>
    public const string NothingMoreToAsk = "Всё готово. Список ваших команд — /help.";

    /// <summary>Command menu entry of /consents.</summary>
    public const string ConsentsMenu = "Мои согласия: посмотреть или отозвать";

    /// <summary>/consents when no consent was ever asked.</summary>
    public static string NoConsents(string organisation) => $"В «{organisation}» у вас пока нет записанных согласий.";

    /// <summary>The heading of /consents.</summary>
    public static string Heading(string organisation) => $"Ваши согласия в «{organisation}»:";

    /// <summary>One line of /consents: the document, its state, the date and the text version.</summary>
    public static string Line(ConsentKind kind, ConsentEvent consentEvent, string date, string version) =>
        $"• {ConsentDocuments.TitleOf(kind)} — {consentEvent switch
        {
            ConsentEvent.Given => "дано",
            ConsentEvent.Declined => "отказ",
            _ => "отозвано",
        }} {date} (редакция {version})";

    /// <summary>A line of /consents for an onboarding consent not given yet (the screen was left with /cancel).</summary>
    public static string NotYetGiven(ConsentKind kind) => $"• {ConsentDocuments.TitleOf(kind)} — ещё не дано, без него работа в программе не начнётся";

    /// <summary>The hint under /consents when something can be withdrawn.</summary>
    public const string WithdrawHint = "Чтобы отозвать согласие, нажмите кнопку ниже.";

    /// <summary>The withdraw button of a consent.</summary>
    public static string WithdrawButton(ConsentKind kind) => kind switch
    {
        ConsentKind.PersonalData => "Отозвать: обработка персональных данных",
        ConsentKind.MentoringDuties => "Отозвать: обязанности наставника",
        _ => "Отозвать: публикация",
    };

    /// <summary>The confirmation asked before a withdrawal.</summary>
    public static string ConfirmWithdrawal(ConsentKind kind, string organisation) => kind switch
    {
        ConsentKind.PersonalData =>
            $"Отозвать согласие на обработку персональных данных в «{organisation}»?\n\n" +
            "Обработка прекратится: ваше имя, должность, ответы анкет и сведения о встречах будут удалены без возможности восстановления, участие в программе завершится.",
        ConsentKind.MentoringDuties =>
            $"Отозвать согласие на выполнение обязанностей наставника в «{organisation}»?\n\nРоль наставника будет снята, ваши наставнические пары — расформированы.",
        _ => $"Отозвать согласие на распространение персональных данных в «{organisation}»?\n\nПубликация ваших данных будет прекращена.",
    };

    /// <summary>The button that confirms a withdrawal.</summary>
    public const string ConfirmButton = "Да, отозвать";

    /// <summary>The button that keeps the consent.</summary>
    public const string KeepButton = "Нет, оставить";

    /// <summary>After «Нет, оставить».</summary>
    public const string Kept = "Хорошо, согласие остаётся в силе.";

    /// <summary>Toast when the consent is not in force any more.</summary>
    public const string NotInForce = "Это согласие уже не действует.";

    /// <summary>After the personal-data consent was withdrawn and the data destroyed.</summary>
    public const string PersonalDataWithdrawn =
        "Согласие отозвано. Обработка ваших персональных данных прекращена: ответы, имя и сведения о вас удалены, об уничтожении составлен акт.\n\n" +
        "Если захотите вернуться в программу, попросите у куратора новую ссылку-приглашение.";

    /// <summary>After the mentoring-duties consent was withdrawn; <paramref name="hadPairs"/> when pairs were dissolved.</summary>
    public static string MentoringDutiesWithdrawn(bool hadPairs) => hadPairs
        ? "Согласие отозвано: роль наставника снята, ваши наставнические пары расформированы. Наставляемые и куратор получат сообщение."
        : "Согласие отозвано: роль наставника снята.";

    /// <summary>
    /// To the mentor whose mentee withdrew the personal-data consent: no name (it was destroyed with the rest,
    /// 152-ФЗ ст. 21); <paramref name="group"/> when the mentor has or had other mentees.
    /// </summary>
    public static string PairEndedToMentor(bool group) =>
        $"Наставническая пара расформирована: {(group ? "один из ваших наставляемых" : "ваш наставляемый")} отозвал согласие на обработку персональных данных и вышел из программы. " +
        "Его данные удалены по закону, поэтому имя здесь не указано. Встречи с ним больше не записываются; куратор знает об этом.";

    /// <summary>To the mentee whose mentor withdrew <paramref name="kind"/>.</summary>
    public static string PairEndedToMentee(ConsentKind kind) =>
        "Наставническая пара расформирована: ваш наставник " +
        (kind == ConsentKind.PersonalData ? "вышел из программы (отозвал согласие на обработку персональных данных)" : "отозвал согласие на выполнение обязанностей наставника") +
        ". Куратор подберёт вам нового наставника.";

    /// <summary>To the curator: a mentee of <paramref name="mentor"/> withdrew the personal-data consent.</summary>
    public static string PairEndedMenteeLeftToCurator(string mentor) =>
        $"Пара с наставником «{mentor}» расформирована: наставляемый отозвал согласие на обработку персональных данных и вышел из программы. " +
        "Его данные удалены, об уничтожении составлен акт. Наставник получил сообщение.";

    /// <summary>To the curator: the mentor of <paramref name="mentee"/> withdrew <paramref name="kind"/>.</summary>
    public static string PairEndedMentorLeftToCurator(string mentee, ConsentKind kind) =>
        $"Пара с наставляемым «{mentee}» расформирована: наставник " +
        (kind == ConsentKind.PersonalData ? "отозвал согласие на обработку персональных данных и вышел из программы (его данные удалены, об уничтожении составлен акт)" : "отозвал согласие на выполнение обязанностей наставника (ст. 351.8 ТК РФ)") +
        ". Наставляемый получил сообщение — подберите ему нового наставника в /match.";

    /// <summary>After the publication consent was withdrawn.</summary>
    public const string PublicationWithdrawn = "Согласие на распространение отозвано. Публикация ваших данных будет прекращена в течение трёх рабочих дней.";

    /// <summary>Who destroyed the data, as the destruction record says.</summary>
    public const string PerformedByBot = "бот (автоматически)";

    // ---- the destruction act (152-ФЗ ст. 21; its particulars as приказ Роскомнадзора от 28.10.2022 № 179 lists them) ----

    /// <summary>Act: the head's approval stamp.</summary>
    public const string ActApproved = "УТВЕРЖДАЮ";

    /// <summary>Act: the head's signature, the name when known.</summary>
    public static string ActHeadSignature(string? head) => $"Руководитель  ______________  / {head ?? "____________________"} /";

    /// <summary>Act: a date to fill in.</summary>
    public const string ActDateBlank = "«___» ____________ 20___ г.";

    /// <summary>Act: the document's kind.</summary>
    public const string ActWord = "АКТ";

    /// <summary>Act: the title.</summary>
    public const string ActTitle = "об уничтожении персональных данных";

    /// <summary>Act: date and number to fill in.</summary>
    public const string ActNumberLine = "«___» ____________ 20___ г.                                        № ______";

    /// <summary>Act: the operator.</summary>
    public static string ActOperator(string organisation) => $"Оператор: {organisation}";

    /// <summary>Act: the information system.</summary>
    public const string ActSystem = "Информационная система: чат-бот программы наставничества MentorBot (база данных PostgreSQL).";

    /// <summary>Act: the method.</summary>
    public const string ActMethod = "Способ уничтожения: удаление записей из базы данных без возможности восстановления, выполняется автоматически при отзыве согласия.";

    /// <summary>Act: the legal ground.</summary>
    public const string ActGround = "Основание: часть 5 статьи 21 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»; требования к акту — приказ Роскомнадзора от 28.10.2022 № 179.";

    /// <summary>Act: how subjects are named.</summary>
    public const string ActSubjects = "Субъекты персональных данных указаны номерами в пределах настоящего акта: после уничтожения их имена в системе не хранятся.";

    /// <summary>Act: table columns.</summary>
    public static IReadOnlyList<string> ActColumns { get; } = ["№", "Субъект персональных данных", "Уничтоженные категории данных", "Причина", "Дата и время уничтожения", "Кем уничтожено"];

    /// <summary>Act: a subject, numbered within the act.</summary>
    public static string ActSubject(int number) => $"участник № {number}";

    /// <summary>Act: the responsible person's heading.</summary>
    public const string ActResponsible = "Лицо, ответственное за организацию обработки персональных данных:";

    /// <summary>Act: the commission's heading.</summary>
    public const string ActCommission = "Члены комиссии:";

    /// <summary>Act: a signature with a name to fill in.</summary>
    public const string ActSignatureBlank = "______________  / ____________________ /";

    /// <summary>Act: the draft note.</summary>
    public static string ActDraftNote(string date) => $"Проект подготовлен MentorBot {date}.";
}
