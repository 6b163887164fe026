namespace MentorBot.Domain.Consents;

/// <summary>One consent document as shown to a person before «Согласен» / «Не согласен».</summary>
/// <param name="Kind">Which consent.</param>
/// <param name="Version">The text's version, stored with every ledger event (<c>consent_events.text_version</c>).</param>
/// <param name="Title">Its short Russian name («Согласие на обработку персональных данных»).</param>
/// <param name="Text">The full Russian text, naming the organisation as operator (plain text, under 4,096 characters).</param>
public sealed record ConsentDocument(ConsentKind Kind, string Version, string Title, string Text)
{
    /// <summary>
    /// What a phone screen shows first: three lines — the document and the operator, what is processed and why,
    /// the term and how to withdraw — ending with a pointer to the full text, which stays one tap away and is what
    /// «Согласен» agrees to (152-ФЗ ст. 9 ч. 4 asks the full text, not the summary, to be given).
    /// </summary>
    public string Summary { get; init; } = "";
}

/// <summary>
/// The full texts of the three consent documents (Russian). Each is separate from any other document
/// (152-ФЗ ст. 9 ч. 1 as amended by 156-ФЗ of 24.06.2025, in force 01.09.2025) and states what ст. 9
/// ч. 4 asks for: the operator, the purpose, the data, the actions and how they are done, the term and
/// how to withdraw. A changed text gets a new version; the ledger keeps the version each event was given under.
/// </summary>
public static class ConsentDocuments
{
    /// <summary>Version of the personal-data consent text (pd-2026.2 names the MAX account beside Telegram's, issue 16).</summary>
    public const string PersonalDataVersion = "pd-2026.2";

    /// <summary>Version of the mentoring-duties consent text.</summary>
    public const string MentoringDutiesVersion = "md-2026.1";

    /// <summary>Version of the publication consent text.</summary>
    public const string PublicationVersion = "pub-2026.1";

    /// <summary>The current version of <paramref name="kind"/>'s text.</summary>
    public static string VersionOf(ConsentKind kind) => kind switch
    {
        ConsentKind.PersonalData => PersonalDataVersion,
        ConsentKind.MentoringDuties => MentoringDutiesVersion,
        ConsentKind.Publication => PublicationVersion,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The short Russian name of <paramref name="kind"/>'s document.</summary>
    public static string TitleOf(ConsentKind kind) => kind switch
    {
        ConsentKind.PersonalData => "Согласие на обработку персональных данных",
        ConsentKind.MentoringDuties => "Согласие на выполнение обязанностей наставника",
        ConsentKind.Publication => "Согласие на распространение персональных данных",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The document of <paramref name="kind"/> with <paramref name="organisationName"/> as operator
    /// (employer for mentoring duties). <paramref name="publicationSubject"/> says what is to be
    /// published («описание вашего наставнического опыта»); used only by <see cref="ConsentKind.Publication"/>.
    /// </summary>
    public static ConsentDocument For(ConsentKind kind, string organisationName, string? publicationSubject = null) => kind switch
    {
        ConsentKind.PersonalData => PersonalData(organisationName),
        ConsentKind.MentoringDuties => MentoringDuties(organisationName),
        ConsentKind.Publication => Publication(organisationName, publicationSubject ?? "материалов о программе наставничества с моим участием"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The personal-data consent (152-ФЗ ст. 9).</summary>
    public static ConsentDocument PersonalData(string organisationName) => new(ConsentKind.PersonalData, PersonalDataVersion, TitleOf(ConsentKind.PersonalData), PersonalDataText(organisationName))
    {
        Summary = $"{TitleOf(ConsentKind.PersonalData)}, оператор — {organisationName}.\n" +
            "Что и зачем: ФИО, должность, предмет, стаж, ответы анкет и сведения о встречах — только для программы наставничества, без публикации.\n" +
            "Срок: до конца участия в программе (не больше трёх лет); отозвать можно в любой момент командой /consents. " + FullTextPointer,
    };

    /// <summary>What the summaries end with: where the full text is and that «Согласен» agrees to it.</summary>
    public const string FullTextPointer = "Нажимая «Согласен», вы соглашаетесь с полным текстом — он по кнопке «Полный текст».";

    private static string PersonalDataText(string organisationName) => $"""
        СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ
        (редакция {PersonalDataVersion})

        В соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» я свободно, своей волей и в своём интересе даю согласие оператору — {organisationName} (далее — Оператор) — на обработку моих персональных данных на следующих условиях.

        1. Цель обработки: организация и сопровождение программы наставничества педагогических работников Оператора — формирование банков наставников и наставляемых, подбор наставнических пар и групп, планирование и учёт встреч, обратная связь, мониторинг качества и результатов программы, подготовка отчётов и проектов распорядительных документов.

        2. Персональные данные: фамилия, имя, отчество; должность; преподаваемый предмет или направление работы; педагогический стаж; квалификационная категория; профессиональные затруднения и компетенции; предпочтения по форме наставничества и удобное время; ответы на анкеты, в том числе самооценка; сведения о встречах наставнической пары и отзывы о них; идентификаторы, имена и имена пользователя в мессенджерах Telegram и MAX, через которые я обращаюсь к боту.

        3. Действия: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) куратору программы, руководителю Оператора и закреплённому за мной наставнику или наставляемому — в объёме, нужном для работы пары; обезличивание, блокирование, удаление, уничтожение. Обработка автоматизированная, с помощью чат-бота MentorBot; данные хранятся в базе данных Оператора. Распространение (публикация) моих данных этим согласием не разрешается — для неё нужно отдельное согласие.

        4. Срок: со дня предоставления согласия до окончания моего участия в программе наставничества, но не более трёх лет, либо до отзыва согласия. По достижении цели обработки или после отзыва мои персональные данные уничтожаются, об уничтожении составляется акт.

        5. Отзыв: я могу отозвать согласие в любой момент командой /consents в этом чат-боте или письменным заявлением Оператору. После отзыва обработка прекращается, мои ответы и сведения обо мне удаляются. Отзыв не влияет на законность обработки до него.

        Согласие даётся в электронной форме нажатием кнопки «Согласен». Если нажать «Не согласен», участие в программе через бот не начнётся и ваши данные не будут сохранены.
        """;

    /// <summary>The written consent to mentoring duties (ТК РФ ст. 351.8).</summary>
    public static ConsentDocument MentoringDuties(string organisationName) => new(ConsentKind.MentoringDuties, MentoringDutiesVersion, TitleOf(ConsentKind.MentoringDuties), MentoringDutiesText(organisationName))
    {
        Summary = $"{TitleOf(ConsentKind.MentoringDuties)} (ст. 351.8 ТК РФ), работодатель — {organisationName}.\n" +
            "Что это значит: приказом за вами могут закрепить наставляемых; вы помогаете им, проводите встречи и ведёте персонализированную программу, без освобождения от основной работы.\n" +
            "Оплата — по трудовому договору или локальному акту; отказаться можно в любой момент командой /consents. " + FullTextPointer,
    };

    private static string MentoringDutiesText(string organisationName) => $"""
        СОГЛАСИЕ НА ВЫПОЛНЕНИЕ ОБЯЗАННОСТЕЙ НАСТАВНИКА
        (редакция {MentoringDutiesVersion})

        В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации даю согласие работодателю — {organisationName} — на выполнение мною работы по наставничеству в программе наставничества педагогических работников.

        1. Содержание работы: помощь закреплённому за мной наставляемому (наставляемым) в освоении профессиональных знаний и навыков и в адаптации к условиям работы; участие в составлении и выполнении персонализированной программы наставничества; проведение встреч; обратная связь куратору программы.

        2. Наставник и наставляемые закрепляются распорядительным актом (приказом) руководителя. Работа ведётся в течение срока, указанного в этом акте, без освобождения от основной работы.

        3. Условия и размер оплаты работы по наставничеству определяются трудовым договором, дополнительным соглашением к нему, коллективным договором или локальным нормативным актом работодателя.

        4. Я могу отказаться от наставничества, отозвав это согласие командой /consents в чат-боте или письменным заявлением работодателю. После отзыва меня не назначают наставником, а наставнические пары с моим участием расформировываются.

        Согласие даётся в электронной форме нажатием кнопки «Согласен». Если нажать «Не согласен», вас не смогут назначить наставником.
        """;

    /// <summary>
    /// The consent to publish personal data (152-ФЗ ст. 10.1): the categories allowed, where they are
    /// published, the prohibitions, the term and how to stop the publication (ч. 12, 14).
    /// </summary>
    public static ConsentDocument Publication(string organisationName, string publicationSubject) => new(ConsentKind.Publication, PublicationVersion, TitleOf(ConsentKind.Publication), PublicationText(organisationName, publicationSubject))
    {
        Summary = $"{TitleOf(ConsentKind.Publication)}, оператор — {organisationName}.\n" +
            $"Что и где: публикация {publicationSubject} — ФИО, должность, предмет и описание опыта на сайте и в официальных сообществах.\n" +
            "Срок: до отзыва; отозвать можно в любой момент командой /consents, публикация прекратится за три рабочих дня. " + FullTextPointer,
    };

    private static string PublicationText(string organisationName, string publicationSubject) => $"""
        СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ, РАЗРЕШЁННЫХ ДЛЯ РАСПРОСТРАНЕНИЯ
        (редакция {PublicationVersion})

        В соответствии со статьёй 10.1 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие оператору — {organisationName} (далее — Оператор) — на распространение моих персональных данных на следующих условиях.

        1. Цель: информационное сопровождение программы наставничества — публикация {publicationSubject}.

        2. Где публикуется: официальный сайт Оператора, официальные сообщества Оператора в социальных сетях, методическая копилка программы наставничества.

        3. Данные, разрешённые к распространению: фамилия, имя, отчество; должность; преподаваемый предмет; описание моего опыта в программе наставничества в объёме публикуемого материала.

        4. Запреты и условия: иные мои персональные данные не распространяются; передача данных неограниченному кругу лиц иначе, чем публикацией на ресурсах из пункта 2, запрещена.

        5. Срок: до отзыва согласия. Отозвать его можно в любой момент командой /consents в чат-боте или требованием Оператору; публикация прекращается не позднее трёх рабочих дней с получения требования.

        Согласие даётся в электронной форме нажатием кнопки «Согласен». Если нажать «Не согласен», материалы будут опубликованы без ваших персональных данных или не будут опубликованы.
        """;
}
