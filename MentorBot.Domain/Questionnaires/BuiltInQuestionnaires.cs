using MentorBot.Domain.Matching;
using MentorBot.Domain.Organisations;

namespace MentorBot.Domain.Questionnaires;

/// <summary>
/// The built-in questionnaires in the methodology's terms (issue 4: intake of mentees and mentors;
/// issue 6: satisfaction survey, road map 6.8, and the second measurement of the impact monitoring,
/// stage 7). Ids and question ids are the PREAMBLE answers contract other features read. Choice
/// options drawn from the competency taxonomy depend on the organisation's <see cref="CompetencyTaxonomy"/>.
/// </summary>
public static class BuiltInQuestionnaires
{
    /// <summary>«Анкета наставляемого» (road map stage 2).</summary>
    public const string MenteeIntake = "mentee_intake";

    /// <summary>«Анкета наставника» (road map stage 3).</summary>
    public const string MentorIntake = "mentor_intake";

    /// <summary>A curator's or head's profile: full name and position.</summary>
    public const string Profile = "profile";

    /// <summary>The mentee's satisfaction survey (road map 6.8; context key <c>pair:&lt;pairId&gt;</c>).</summary>
    public const string SatisfactionMentee = "satisfaction_mentee";

    /// <summary>The mentor's satisfaction survey (road map 6.8; context key <c>pair:&lt;pairId&gt;</c>).</summary>
    public const string SatisfactionMentor = "satisfaction_mentor";

    /// <summary>The final self-assessment, second measurement of the impact monitoring (stage 7; context key <c>pair:&lt;pairId&gt;</c>).</summary>
    public const string FinalSelfAssessment = "final_self_assessment";

    /// <summary>
    /// «Анкета куратора» (issue 14, stage 1 of the monitoring): were the programme's conditions and principles met;
    /// once per programme year (context key <c>year:&lt;Y&gt;</c>, see <c>ProgrammeYear.ContextKey</c>).
    /// </summary>
    public const string CuratorQuestionnaire = "curator_questionnaire";

    /// <summary>Every built-in questionnaire id.</summary>
    public static readonly IReadOnlyList<string> Ids = [MenteeIntake, MentorIntake, Profile, SatisfactionMentee, SatisfactionMentor, FinalSelfAssessment, CuratorQuestionnaire];

    /// <summary>The curator questionnaire's answers to a condition: met, partly met, not met.</summary>
    public static readonly IReadOnlyList<string> ConditionAnswers = ["да", "частично", "нет"];

    /// <summary>
    /// The conditions of the curator questionnaire, in order: each is a single choice of <see cref="ConditionAnswers"/>
    /// (question id = the condition) followed by an optional comment (<c>&lt;id&gt;_comment</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> CuratorConditions = ["local_acts", "consents", "pairs_order", "plans", "meetings", "unpaired_support"];

    /// <summary>The newest version of each questionnaire: new responses start under it.</summary>
    public static int CurrentVersion(string id) => 1;

    /// <summary>
    /// The definition of <paramref name="id"/> in <paramref name="version"/> (default: the current one)
    /// over <paramref name="taxonomy"/>, or null for an unknown id or version.
    /// </summary>
    public static QuestionnaireDefinition? Find(string id, CompetencyTaxonomy taxonomy, int? version = null)
    {
        if ((version ?? CurrentVersion(id)) != 1) return null;
        return id switch
        {
            MenteeIntake => MenteeIntakeV1(taxonomy),
            MentorIntake => MentorIntakeV1(taxonomy),
            Profile => ProfileV1(),
            SatisfactionMentee => SatisfactionV1(SatisfactionMentee, Role.Mentee, mentor: false),
            SatisfactionMentor => SatisfactionV1(SatisfactionMentor, Role.Mentor, mentor: true),
            FinalSelfAssessment => FinalSelfAssessmentV1(taxonomy),
            CuratorQuestionnaire => CuratorQuestionnaireV1(),
            _ => null,
        };
    }

    private const string Controls =
        "На вопросы с вариантами отвечайте кнопками, на остальные — сообщением. /back — вернуться к предыдущему вопросу, " +
        "/cancel — прервать (ответы сохранятся; продолжить — /questionnaire).";

    private static Question FullName() => Question.FreeText("full_name", "Ваши фамилия, имя и отчество полностью.", 200) with { Label = "ФИО", MinWords = 2 };

    private static Question Position() => Question.FreeText("position", "Ваша должность (например, «учитель математики», «воспитатель», «мастер производственного обучения»).", 200) with { Label = "Должность" };

    private static Question Subject() => Question.FreeText("subject", "Предмет или направление, которое вы ведёте.", 200) with { Label = "Предмет" };

    private static Question Experience() => Question.Number("experience_years", "Ваш педагогический стаж — сколько полных лет вы работаете педагогом?", 0, 60) with { Label = "Педагогический стаж, лет" };

    private static Question FormSize() => Question.SingleChoice("form_size", "Какая форма наставничества вам удобнее?", "индивидуальная", "групповая", "любая") with { Label = "Форма наставничества" };

    private static Question FormMode() => Question.SingleChoice("form_mode", "Как вам удобнее встречаться?", "очно", "дистанционно", MatchingTexts.AnyFormatAnswer) with { Label = "Формат встреч" };

    private static AnswerCondition ChoseOther(string questionId) => new(questionId, [CompetencyTaxonomy.Other]);

    /// <summary>One 1–10 scale per taxonomy label; «другое» only when <paramref name="otherIf"/> holds (or optional when null).</summary>
    private static IEnumerable<Question> SelfAssessment(CompetencyTaxonomy taxonomy, AnswerCondition? otherIf, string note)
    {
        var first = true;
        foreach (var label in taxonomy.Labels)
        {
            var other = CompetencyTaxonomy.IsOther(label);
            var prompt = other
                ? "Самооценка: насколько уверенно вы справляетесь с тем, что отметили как «другое»? 1 — совсем не уверенно, 10 — полностью уверенно."
                : $"Самооценка: насколько уверенно вы владеете компетенцией «{label}»? 1 — совсем не уверенно, 10 — полностью уверенно.";
            yield return Question.Scale(CompetencyTaxonomy.SelfAssessmentId(label), prompt, 1, 10) with
            {
                Label = "Самооценка: " + label,
                ShowIf = other ? otherIf : null,
                Optional = other && otherIf is null,
                Note = first ? note : null,
            };
            first = false;
        }
    }

    private static QuestionnaireDefinition MenteeIntakeV1(CompetencyTaxonomy taxonomy) => new(
        MenteeIntake, 1, "Анкета наставляемого",
        "Анкета наставляемого поможет куратору подобрать вам наставника и составить персонализированную программу наставничества. " +
        "Ответы видят только вы и куратор программы. Это займёт 5–7 минут.\n\n" + Controls,
        "Что дальше: куратор увидит вашу анкету в банке наставляемых и подберёт вам наставника. " +
        "Когда пара будет утверждена, я напишу, кто ваш наставник, и помогу договориться о первой встрече.",
        [Role.Mentee],
        [
            FullName(), Position(), Subject(), Experience(),
            Question.MultipleChoice("difficulties", "Какие профессиональные затруднения вы испытываете? С чем нужна помощь наставника?", taxonomy.Labels) with { Label = "Трудности" },
            Question.FreeText("difficulties_other", "Опишите коротко, какие ещё затруднения вы испытываете.", 500) with { ShowIf = ChoseOther("difficulties"), Label = "Другие трудности" },
            FormSize(), FormMode(),
            Question.FreeText("expectations", "Чего вы ждёте от наставничества? Какого результата хотите достичь?") with { Label = "Ожидания" },
            .. SelfAssessment(taxonomy, ChoseOther("difficulties"),
                "Это первый замер мониторинга влияния программы: в конце программы я попрошу оценить себя ещё раз."),
        ]);

    private static QuestionnaireDefinition MentorIntakeV1(CompetencyTaxonomy taxonomy) => new(
        MentorIntake, 1, "Анкета наставника",
        "Анкета наставника поможет куратору подобрать вам наставляемых, которым нужен именно ваш опыт. " +
        "Ответы видят только вы и куратор программы. Это займёт 3–5 минут.\n\n" + Controls,
        "Что дальше: куратор увидит вашу анкету в банке наставников. Когда вас закрепят за наставляемым " +
        "(приказом о закреплении наставнических пар), я напишу, с кем вы работаете, и помогу спланировать первую встречу.",
        [Role.Mentor],
        [
            FullName(), Position(), Subject(), Experience(),
            Question.SingleChoice("qualification_category", "Ваша квалификационная категория.",
                "без категории", "первая", "высшая", "педагог-методист", "педагог-наставник") with { Label = "Квалификационная категория" },
            Question.MultipleChoice("competencies", "Какими компетенциями вы готовы делиться с наставляемыми?", taxonomy.Labels) with { Label = "Компетенции" },
            Question.FreeText("competencies_other", "Опишите коротко, чем ещё вы готовы делиться.", 500) with { ShowIf = ChoseOther("competencies"), Label = "Другие компетенции" },
            Question.Scale("capacity", "Сколько наставляемых вы готовы вести одновременно?", 1, 5) with { Label = "Сколько наставляемых готов(а) взять" },
            FormSize(), FormMode(),
            Question.FreeText("free_time", "Когда вам обычно удобно встречаться? Напишите дни недели и время.", 500) with { Label = "Свободное время" },
        ]);

    private static QuestionnaireDefinition ProfileV1() => new(
        Profile, 1, "Профиль участника программы",
        "Два вопроса о вас: они нужны для документов программы наставничества (приказов, отчётов). " + Controls,
        "Ваши ФИО и должность сохранены. Список команд — /help.",
        [Role.Curator, Role.Head, Role.Psychologist],
        [FullName(), Position()]);

    private static QuestionnaireDefinition SatisfactionV1(string id, Role role, bool mentor) => new(
        id, 1, mentor ? "Анкета удовлетворённости наставника" : "Анкета удовлетворённости наставляемого",
        "Программа наставничества подходит к концу. Оцените, пожалуйста, как она прошла: это мониторинг качества " +
        "программы (анкета удовлетворённости). Куратор видит только обобщённые итоги, когда ответили не меньше 5 человек. " +
        "Это займёт 3 минуты.\n\n" + Controls,
        "Ваши ответы войдут в мониторинг качества программы наставничества. Итоги куратор обсудит на итоговом круглом столе.",
        [role],
        [
            Question.Scale("effectiveness", mentor
                ? "Насколько эффективной была программа наставничества для вашего наставляемого? 1 — совсем нет, 10 — очень."
                : "Насколько эффективной была для вас программа наставничества? 1 — совсем нет, 10 — очень.", 1, 10),
            Question.Scale("comfort", mentor
                ? "Насколько комфортным было общение с наставляемым?"
                : "Насколько комфортным было общение с наставником?", 1, 10),
            Question.Scale("usefulness", mentor
                ? "Насколько полезными, по-вашему, были встречи для наставляемого?"
                : "Насколько полезными были для вас встречи с наставником?", 1, 10),
            Question.Scale("support", mentor
                ? "Насколько вы чувствовали поддержку куратора и администрации?"
                : "Насколько вы чувствовали поддержку наставника?", 1, 10),
            Question.Scale("plan_clarity", "Насколько понятным был план работы (персонализированная программа наставничества)?", 1, 10),
            Question.Scale("safety", mentor
                ? "Насколько доверительной была атмосфера встреч?"
                : "Насколько безопасно вы себя чувствовали: можно было ошибаться и задавать любые вопросы?", 1, 10),
            Question.SingleChoice("meeting_frequency", "Как вы оцениваете частоту встреч?", "слишком редко", "в самый раз", "слишком часто"),
            Question.FreeText("valuable", "Что было самым ценным в программе?"),
            Question.FreeText("missing", "Чего не хватило? Что стоит изменить?") with { Optional = true },
            Question.YesNo("would_continue", mentor
                ? "Хотели бы вы продолжить работу с этим наставляемым?"
                : "Хотели бы вы продолжить работу с наставником?"),
            Question.YesNo("would_become_mentor", mentor
                ? "Готовы ли вы снова стать наставником в следующем цикле программы?"
                : "Хотели бы вы в будущем сами стать наставником?"),
        ]);

    private static QuestionnaireDefinition FinalSelfAssessmentV1(CompetencyTaxonomy taxonomy) => new(
        FinalSelfAssessment, 1, "Итоговая самооценка",
        "Программа наставничества подходит к концу. Оцените, пожалуйста, свои компетенции ещё раз — по той же шкале, что и в анкете " +
        "в начале программы. Это второй замер мониторинга влияния программы.\n\n" + Controls,
        "Сравнение с первой самооценкой войдёт в мониторинг влияния программы. В отчётах показываются только обобщённые итоги, " +
        "когда ответили не меньше 5 человек.",
        [Role.Mentee],
        [.. SelfAssessment(taxonomy, null, "1 — совсем не уверенно, 10 — полностью уверенно.")]);

    private static QuestionnaireDefinition CuratorQuestionnaireV1()
    {
        (string Id, string Label, string Prompt)[] conditions =
        [
            ("local_acts", "Локальные акты приняты", "Приняты ли локальные акты программы наставничества (положение, приказ о программе, дорожная карта)?"),
            ("consents", "Согласия собраны", "Собраны ли согласия участников: на обработку персональных данных, а у наставников — на наставническую деятельность?"),
            ("pairs_order", "Пары закреплены приказом", "Закреплены ли наставнические пары (группы) приказом руководителя?"),
            ("plans", "Планы составлены", "Составлены ли персонализированные программы наставничества для каждой пары?"),
            ("meetings", "Встречи проводились по плану", "Проводились ли встречи пар так, как запланировано?"),
            ("unpaired_support", "Поддержка оставшимся без пары", "Получили ли поддержку педагоги, оставшиеся без пары?"),
        ];
        return new QuestionnaireDefinition(
            CuratorQuestionnaire, 1, "Анкета куратора",
            "Анкета куратора — часть мониторинга качества реализации программы наставничества: выполнены ли условия и принципы программы. " +
            "На каждый вопрос ответьте «да», «частично» или «нет» и при желании добавьте комментарий. Ответы войдут в отчёт о мониторинге " +
            "и в SWOT-анализ.\n\n" + Controls,
            "Ответы сохранены. Отчёт о мониторинге качества и SWOT-анализ — в /reports.",
            [Role.Curator],
            [
                .. conditions.SelectMany(c => new[]
                {
                    Question.SingleChoice(c.Id, c.Prompt, [.. ConditionAnswers]) with { Label = c.Label },
                    Question.FreeText(c.Id + "_comment", "Комментарий: что сделано, что мешает? (или «Пропустить»)", 500) with { Optional = true, Label = c.Label + ": комментарий" },
                }),
            ]);
    }
}
