using System.Globalization;
using System.Text;
using MentorBot.Domain.Conversations;

namespace MentorBot.Domain.Pairs;

/// <summary>
/// Every Russian text of forming pairs (issue 5): the curator's /match screens, the preference survey, the messages
/// to the pair, the personal plan and the order draft. Texts marked HTML escape the names they quote.
/// </summary>
public static class PairsTexts
{
    // ---- menu ----

    /// <summary>Menu entry of /match.</summary>
    public const string MatchMenu = "Подбор и утверждение наставнических пар";

    /// <summary>Menu entry of /order.</summary>
    public const string OrderMenu = "Проект приказа о закреплении пар";

    /// <summary>Menu entry of /plan.</summary>
    public const string PlanMenu = "Персональный план наставничества";

    // ---- forms (methodology) ----

    /// <summary>«педагог – педагог».</summary>
    public const string FormTeacherTeacher = "педагог – педагог";

    /// <summary>«руководитель – педагог».</summary>
    public const string FormHeadTeacher = "руководитель – педагог";

    /// <summary>«студент – студент».</summary>
    public const string FormStudentStudent = "студент – студент";

    /// <summary>«работодатель – студент».</summary>
    public const string FormEmployerStudent = "работодатель – студент";

    /// <summary>The group form.</summary>
    public const string FormGroup = "групповая (наставник и группа наставляемых)";

    /// <summary>Виртуальное (дистанционное) наставничество.</summary>
    public const string FormVirtual = "виртуальная (дистанционная)";

    /// <summary>Реверсивное наставничество.</summary>
    public const string FormReverse = "реверсивная";

    /// <summary>Ситуационное наставничество.</summary>
    public const string FormSituational = "ситуационная";

    /// <summary>Краткосрочное (целеполагающее) наставничество.</summary>
    public const string FormShortTerm = "краткосрочная (целеполагающая)";

    /// <summary>Скоростное наставничество.</summary>
    public const string FormSpeed = "скоростная";

    /// <summary>Традиционная форма «один на один».</summary>
    public const string FormTraditional = "традиционная (один на один)";

    /// <summary>Menu entry of /forms.</summary>
    public const string FormsMenu = "Формы наставничества в организации";

    /// <summary>/forms: the list with toggles.</summary>
    public const string FormsScreen =
        "Формы наставничества, которые куратор выбирает при утверждении пары. Нажмите на форму, чтобы отключить её " +
        "в вашей организации или включить снова (✅ — используется). Уже утверждённые пары свою форму сохраняют.";

    /// <summary>A form as a toggle button.</summary>
    public static string FormToggle(MentoringForm form, bool on) => (on ? "✅ " : "▫️ ") + form.RussianName();

    /// <summary>Toast: the last form cannot be switched off.</summary>
    public const string LastFormStays = "Хотя бы одна форма должна остаться включённой.";

    /// <summary>Proposal card: the suggested form.</summary>
    public static string SuggestedForm(MentoringForm form) => $"Форма (предлагается): {form.RussianName()}";

    /// <summary>Button: approve with another form.</summary>
    public const string OtherFormButton = "📋 Другая форма";

    /// <summary>Question: which form for this link.</summary>
    public static string ChooseForm(string mentee, string mentor, MentoringForm suggested) =>
        $"Форма наставничества для пары «{mentor} — {mentee}». Предлагается: {suggested.RussianName()}. Выберите форму — пара будет утверждена с ней.";

    /// <summary>A form as a choice, the suggestion marked.</summary>
    public static string FormOption(MentoringForm form, bool suggested) => form.RussianName() + (suggested ? " (предлагается)" : "");

    /// <summary>
    /// Asked before a mentor's pair becomes a group (issue 17 item 10): approving one more link for a mentor who already
    /// has live ones.
    /// </summary>
    public static string GroupQuestion(string mentor, string newMentee, IReadOnlyList<string> current) =>
        $"У наставника {mentor} уже есть наставляемые: {string.Join(", ", current)}. Как утвердить пару с участником «{newMentee}»?\n" +
        "• «Объединить в группу» — все его пары станут одной группой (форма «групповая»); наставляемые получат сообщение об этом.\n" +
        "• «Отдельная пара» — прежние пары не изменятся.";

    /// <summary>Button: make a group.</summary>
    public const string MakeGroupButton = "👥 Объединить в группу";

    /// <summary>Button: a separate pair with the given form.</summary>
    public static string SeparatePairButton(MentoringForm form) => $"Отдельная пара ({form.RussianName()})";

    /// <summary>To a mentee whose pair became a group.</summary>
    public static string BecameGroup(string mentor, string newMentee) =>
        $"Куратор изменил форму наставничества: к вашему наставнику ({mentor}) присоединился ещё один наставляемый — {newMentee}. " +
        $"Теперь это групповая форма: {FormGroup}. Ваш план (/plan) остаётся прежним.";

    /// <summary>To the remaining mentee when their group shrank to one link.</summary>
    public static string GroupBecamePair(string mentor, MentoringForm form) =>
        $"Ваша наставническая группа с наставником {mentor} стала парой: форма наставничества теперь «{form.RussianName()}». План (/plan) остаётся прежним.";

    /// <summary>After «approve all»: links left for a decision because they would turn a pair into a group.</summary>
    public static string LeftForGroupDecision(IReadOnlyList<string> mentees) =>
        $"Не утверждены без вашего решения (у наставника уже есть пара — утвердите их по одной, чтобы решить, станет ли она группой): {string.Join(", ", mentees)}.";

    /// <summary>Button on a live pair: change its form.</summary>
    public static string ChangeFormButton(long id) => $"Форма № {id}";

    /// <summary>The curator's line after a form change.</summary>
    public static string FormChanged(string mentee, string mentor, MentoringForm form) =>
        $"Форма пары «{mentor} — {mentee}» теперь «{form.RussianName()}». Она будет в приказе и выгрузках.";

    /// <summary>To both of a pair whose form the curator changed.</summary>
    public static string FormChangedToPerson(MentoringForm form) =>
        $"Куратор изменил форму наставничества вашей пары: теперь «{form.RussianName()}».";

    // ---- plan items (road map stage 6) ----

    /// <summary>Plan item: the organizational meeting.</summary>
    public const string OrganizationalMeeting = "Организационная встреча (знакомство)";

    /// <summary>Plan item: the trial meeting.</summary>
    public const string TrialMeeting = "Пробная встреча";

    /// <summary>Plan item: the planning meeting.</summary>
    public const string PlanningMeeting = "Встреча-планирование";

    /// <summary>Plan item: the final meeting.</summary>
    public const string FinalMeeting = "Итоговая встреча";

    /// <summary>Plan item: the satisfaction survey (road map 6.8).</summary>
    public const string SatisfactionSurvey = "Анкета удовлетворённости";

    /// <summary>Plan item: the <paramref name="number"/>-th regular meeting.</summary>
    public static string RegularMeeting(int number) => $"Регулярная встреча № {number}";

    // ---- people ----

    /// <summary>Unmatched: the mentee has not completed the intake questionnaire.</summary>
    public const string NoIntake = "анкета наставляемого ещё не заполнена";

    /// <summary>Unmatched: a mentor would fit now (after a rejection or a dissolution).</summary>
    public const string CanBeMatchedNow = "есть подходящий наставник со свободным местом — нажмите «Пересчитать» или подберите вручную";

    /// <summary>First reason of a link the curator chose.</summary>
    public const string ChosenByHand = "подобрано куратором вручную";

    // ---- /match ----

    /// <summary>A button whose screen is out of date.</summary>
    public const string StaleButton = "Эта кнопка устарела. Откройте экран заново.";

    /// <summary>HTML: the /match header.</summary>
    public static string MatchHeader(string organisation, int mentors, int mentorsInBank, int mentees, int menteesInBank, int live, int proposed) =>
        $"<b>Подбор наставнических пар — {Html.Escape(organisation)}</b>\n" +
        $"Наставники: {mentors} (анкета заполнена у {mentorsInBank}). Наставляемые: {mentees} (анкета заполнена у {menteesInBank}).\n" +
        $"Утверждено пар: {live}. Ждут решения: {proposed}.\n" +
        (proposed > 0 ? "Ниже — предложения по одному; ничего не закрепляется, пока вы не утвердите." : "Новых предложений нет.");

    /// <summary>More proposals than one screen shows.</summary>
    public static string MoreProposals(int more) => $"И ещё предложений: {more}. Решите по этим и снова откройте /match.";

    /// <summary>HTML: one proposal.</summary>
    public static string ProposalCard(long id, string mentee, string mentor, double? score, IReadOnlyList<string> reasons, bool mentorConsent)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<b>Предложение № {id}</b>\n")
            .Append(CultureInfo.InvariantCulture, $"Наставляемый: {Html.Escape(mentee)}\n")
            .Append(CultureInfo.InvariantCulture, $"Наставник: {Html.Escape(mentor)}\n");
        if (score is { } s) text.Append(CultureInfo.InvariantCulture, $"Оценка: {Decimal(s)}\n");
        if (reasons.Count > 0) text.Append("Почему: ").Append(Html.Escape(string.Join("; ", reasons))).Append('\n');
        if (!mentorConsent) text.Append(NoConsentWarning);
        return text.ToString().TrimEnd();
    }

    /// <summary>The warning on a mentor without the written consent to mentoring duties.</summary>
    public const string NoConsentWarning =
        "⚠️ Нет письменного согласия наставника на наставническую деятельность (ТК РФ ст. 351.8): пару можно утвердить, " +
        "но закрепить приказом — только после согласия (в проекте приказа она будет в отдельном списке).";

    /// <summary>Button: approve.</summary>
    public const string ApproveButton = "✅ Утвердить";

    /// <summary>Button: reject.</summary>
    public const string RejectButton = "✖️ Отклонить";

    /// <summary>Button: another mentor.</summary>
    public const string SwapButton = "🔄 Другой наставник";

    /// <summary>Button: approve all.</summary>
    public static string ApproveAllButton(int count) => $"✅ Утвердить все ({count})";

    /// <summary>Button: pair by hand.</summary>
    public const string HandButton = "✋ Подобрать вручную";

    /// <summary>Button: recompute.</summary>
    public const string RedoButton = "🔁 Пересчитать";

    /// <summary>Button: forget rejections and recompute.</summary>
    public const string ResetButton = "🔁 Пересчитать с нуля (забыть отклонённые)";

    /// <summary>Button: preference survey.</summary>
    public const string SurveyButton = "📝 Опрос предпочтений";

    /// <summary>Button: the approved pairs.</summary>
    public const string LiveButton = "👥 Утверждённые пары";

    /// <summary>HTML: the footer with the unmatched mentees and mentors not in the bank.</summary>
    public static string MatchFooter(IReadOnlyList<(string Name, string Reason)> unmatched, IReadOnlyList<string> mentorsWithoutIntake)
    {
        var text = new StringBuilder();
        if (unmatched.Count == 0)
        {
            text.Append("Все наставляемые распределены или ждут решения.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"<b>Без наставника ({unmatched.Count}):</b>\n");
            foreach (var (name, reason) in unmatched)
                text.Append("• ").Append(Html.Escape(name)).Append(" — ").Append(Html.Escape(reason)).Append('\n');
        }

        if (mentorsWithoutIntake.Count > 0)
            text.Append("\nНе заполнили анкету наставника: ").Append(Html.Escape(string.Join(", ", mentorsWithoutIntake))).Append('.');
        return text.ToString().TrimEnd();
    }

    /// <summary>A proposal that is no longer open.</summary>
    public const string ProposalGone = "Это предложение уже не действует (его утвердили, отклонили или пересчитали). Откройте /match.";

    /// <summary>HTML: the curator's line on an approval.</summary>
    public static string Approved(string mentee, string mentor, MentoringForm form, PairTerm term, int planItems, bool mentorConsent) =>
        $"Утверждена пара: наставник {Html.Escape(mentor)} — наставляемый {Html.Escape(mentee)}; форма «{form.RussianName()}», " +
        $"срок {TermText(term)}; в плане {planItems} пунктов. Оба участника получат сообщение." +
        (mentorConsent ? "" : "\n" + NoConsentWarning);

    /// <summary>HTML: after «approve all».</summary>
    public static string ApprovedAll(IReadOnlyList<string> lines, int skipped) =>
        (lines.Count == 0 ? "Утверждать нечего." : string.Join("\n\n", lines)) +
        (skipped > 0 ? $"\n\nНе утверждено (у наставляемого уже есть пара или предложение устарело): {skipped}." : "");

    /// <summary>To the mentor on approval.</summary>
    public static string ApprovedToMentor(string mentee, MentoringForm form, PairTerm term, DateOnly? first) =>
        $"Куратор утвердил наставническую пару. Ваш наставляемый: {mentee}.\nФорма наставничества: {form.RussianName()}. Срок: {TermText(term)}.\n" +
        NextSteps(first) + " Цели пары задаёте вы: откройте план и нажмите «Цели».";

    /// <summary>To the mentee on approval.</summary>
    public static string ApprovedToMentee(string mentor, MentoringForm form, PairTerm term, DateOnly? first) =>
        $"Куратор утвердил наставническую пару. Ваш наставник: {mentor}.\nФорма наставничества: {form.RussianName()}. Срок: {TermText(term)}.\n" +
        NextSteps(first);

    private static string NextSteps(DateOnly? first) =>
        "Что дальше: по приказу руководителя пара закрепляется официально; первая — организационная — встреча" +
        (first is { } d ? $" запланирована на {Date(d)}" : " будет назначена в плане") +
        ". Персональный план — команда /plan.";

    /// <summary>Button: open the plan.</summary>
    public const string OpenPlanButton = "Открыть план";

    /// <summary>After a rejection.</summary>
    public const string Rejected = "Предложение отклонено: этого наставника этому наставляемому больше не предложу. Подберите вручную или пересчитайте.";

    /// <summary>A mentor as a choice: name, score, places left.</summary>
    public static string MentorOption(string name, double? score, int places) =>
        $"{name}{(score is { } s ? " — " + Decimal(s) : "")} (мест: {places})";

    /// <summary>Question: which mentor for this mentee.</summary>
    public static string ChooseMentorFor(string mentee) => $"Кого назначить наставником для: {mentee}? Сверху — лучшие по оценке.";

    /// <summary>No other mentor has a place.</summary>
    public const string NoOtherMentor = "Нет других наставников со свободными местами.";

    /// <summary>Question: which mentee (pair by hand).</summary>
    public const string ChooseMentee = "Кого из наставляемых без пары закрепить вручную?";

    /// <summary>No mentee is free.</summary>
    public const string NoFreeMentees = "Все наставляемые уже в парах или в предложениях.";

    /// <summary>The mentee chosen by hand is no longer free.</summary>
    public const string MenteeNotFree = "Этого наставляемого уже нельзя закрепить: у него есть пара или предложение. Откройте /match.";

    /// <summary>No live pair.</summary>
    public const string NoLivePairs = "Утверждённых пар пока нет.";

    /// <summary>Button: dissolve pair №id.</summary>
    public static string DissolveButton(long id) => $"Расформировать № {id}";

    /// <summary>HTML: one live pair.</summary>
    public static string LivePairLine(long id, string mentee, string mentor, MentoringForm form, PairTerm? term, bool mentorConsent) =>
        $"№ {id}: наставник {Html.Escape(mentor)} — наставляемый {Html.Escape(mentee)}; «{form.RussianName()}»" +
        (term is null ? "" : $"; {TermText(term)}") + (mentorConsent ? "" : "; ⚠️ нет согласия наставника");

    /// <summary>HTML: the live pairs.</summary>
    public static string LivePairs(IReadOnlyList<string> lines) => "<b>Утверждённые пары</b>\n" + string.Join("\n", lines);

    /// <summary>A pair that is not live (any more).</summary>
    public const string PairGone = "Эта пара уже не действует.";

    /// <summary>Question: why dissolve.</summary>
    public static string DissolveWhy(string mentee, string mentor) => $"Почему расформировать пару «{mentor} — {mentee}»?";

    /// <summary>Reasons of a dissolution by button code (the code is in the button's data).</summary>
    public static IReadOnlyDictionary<string, string> DissolveReasons { get; } = new Dictionary<string, string>
    {
        ["mentor"] = "по инициативе наставника",
        ["mentee"] = "по инициативе наставляемого",
        ["fit"] = "не сложилось взаимодействие",
        ["leave"] = "увольнение или длительное отсутствие",
        ["curator"] = "по решению куратора",
    };

    /// <summary>To each of the pair on a dissolution.</summary>
    public static string DissolvedToPerson(string other, string reason) =>
        $"Наставническая пара с участником «{other}» расформирована ({reason}). Куратор свяжется с вами о дальнейших шагах.";

    /// <summary>To the curator on a dissolution.</summary>
    public static string Dissolved(string mentee, string mentor, string reason) =>
        $"Пара «{mentor} — {mentee}» расформирована ({reason}). Оба участника получат сообщение. Чтобы подобрать новую пару, нажмите «Пересчитать».";

    // ---- preference survey ----

    /// <summary>Invitation to mentees.</summary>
    public const string SurveyToMentee =
        "Опрос предпочтений: после общей встречи наставников и наставляемых назовите до трёх наставников, с которыми хотели бы работать. " +
        "Ваш выбор повысит шансы на такую пару.";

    /// <summary>Invitation to mentors.</summary>
    public const string SurveyToMentor =
        "Опрос предпочтений: если после общей встречи вы хотели бы работать с кем-то из наставляемых, назовите до трёх. Это необязательно.";

    /// <summary>Button of the mentee invitation.</summary>
    public const string SurveyMenteeButton = "Выбрать наставников";

    /// <summary>Button of the mentor invitation.</summary>
    public const string SurveyMentorButton = "Выбрать наставляемых";

    /// <summary>To the curator.</summary>
    public static string SurveyStarted(int mentees, int mentors) =>
        $"Опрос предпочтений отправлен: наставляемым — {mentees}, наставникам — {mentors}. Выбор учитывается при следующем пересчёте пар.";

    /// <summary>The survey question.</summary>
    public static string SurveyQuestion(bool mentee, int chosen, int max) =>
        (mentee ? "Выберите наставников, с которыми хотели бы работать." : "Выберите наставляемых, с которыми хотели бы работать.") +
        $" Повторное нажатие снимает выбор. Выбрано: {chosen} из {max}.";

    /// <summary>A toggle button.</summary>
    public static string Toggle(string name, bool chosen) => chosen ? "✅ " + name : name;

    /// <summary>Button: done.</summary>
    public const string DoneButton = "Готово";

    /// <summary>Toast: the limit.</summary>
    public const string TooManyChoices = "Можно выбрать не больше трёх. Снимите один из выбранных.";

    /// <summary>After «Готово».</summary>
    public static string SurveyThanks(IReadOnlyList<string> chosen, bool mentee) => chosen.Count == 0
        ? (mentee ? "Вы никого не выбрали — куратор подберёт наставника по анкете." : "Вы никого не выбрали — это необязательно.")
        : $"Спасибо! Ваш выбор учтём при подборе пар: {string.Join(", ", chosen)}.";

    /// <summary>No mentor in the bank yet.</summary>
    public const string NoMentorsYet = "В банке наставников пока никого нет. Загляните позже.";

    /// <summary>No mentee in the bank yet.</summary>
    public const string NoMenteesYet = "В банке наставляемых пока никого нет. Загляните позже.";

    // ---- /plan ----

    /// <summary>The curator's /plan: which pair.</summary>
    public const string ChoosePairForPlan = "Чей план открыть? Выберите пару:";

    /// <summary>A pair as a button of the curator's /plan.</summary>
    public static string PairOption(string mentor, string mentee) => $"{mentor} — {mentee}";

    /// <summary>No live pair for /plan.</summary>
    public const string NoPlan = "У вас пока нет утверждённой наставнической пары — план появится после утверждения куратором.";

    /// <summary>
    /// /plan when the person's pair was dissolved: since when (null for pairs dissolved before that was recorded)
    /// and why. <paramref name="reason"/> is the stored reason: a withdrawal code or the curator's Russian reason.
    /// </summary>
    public static string NoPlanDissolved(DateOnly? on, string reason, bool viewerWasMentor) =>
        $"Ваша наставническая пара расформирована{(on is { } d ? " " + Date(d) : "")}: {DissolvedReason(reason, viewerWasMentor)}, поэтому плана сейчас нет. " +
        (viewerWasMentor ? "Новую пару утверждает куратор, план появится вместе с ней." : "Куратор подберёт вам нового наставника, план появится вместе с новой парой.");

    /// <summary>The Russian wording of a stored dissolution reason, as seen by the person who stayed.</summary>
    public static string DissolvedReason(string reason, bool viewerWasMentor) => reason switch
    {
        "consent_withdrawn" => (viewerWasMentor ? "наставляемый" : "наставник") + " отозвал согласие на обработку персональных данных и вышел из программы",
        "mentor_consent_withdrawn" => "наставник отозвал согласие на выполнение обязанностей наставника",
        "mentor_consent_declined" => "наставник не дал согласия на выполнение обязанностей наставника",
        _ => reason,
    };

    /// <summary>HTML: the plan of one pair.</summary>
    public static string Plan(string mentor, string mentee, PairTerm? term, IReadOnlyList<string> goals, IReadOnlyList<(DateOnly Due, string Title, bool Done)> items)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<b>Персональный план наставничества</b>\nНаставник: {Html.Escape(mentor)}\nНаставляемый: {Html.Escape(mentee)}\n");
        if (term is not null) text.Append(CultureInfo.InvariantCulture, $"Срок: {TermText(term)}\n");
        text.Append("\n<b>Цели</b>\n");
        if (goals.Count == 0) text.Append("пока не заданы (их задаёт наставник)\n");
        for (var k = 0; k < goals.Count; k++) text.Append(CultureInfo.InvariantCulture, $"{k + 1}. {Html.Escape(goals[k])}\n");
        text.Append("\n<b>План</b>\n");
        if (items.Count == 0) text.Append("пунктов нет\n");
        foreach (var (due, title, done) in items)
            text.Append(done ? "✅ " : "▫️ ").Append(Date(due)).Append(" — ").Append(Html.Escape(title)).Append('\n');
        return text.ToString().TrimEnd();
    }

    /// <summary>Button: move an item.</summary>
    public const string MoveButton = "Перенести пункт";

    /// <summary>Button: add an item.</summary>
    public const string AddButton = "Добавить пункт";

    /// <summary>Button: goals.</summary>
    public const string GoalsButton = "Цели";

    /// <summary>Question: which item to move.</summary>
    public const string ChooseItem = "Какой пункт перенести?";

    /// <summary>An item as a choice.</summary>
    public static string ItemOption(string title, DateOnly due) => $"{Date(due)} — {title}";

    /// <summary>Question: the new date.</summary>
    public static string AskDate(PairTerm term) => $"Напишите новую дату в формате ДД.ММ.ГГГГ (в пределах срока {TermText(term)}). /cancel — отмена.";

    /// <summary>Question: a new item.</summary>
    public static string AskItem(PairTerm term) => $"Напишите дату и название пункта, например: «{Date(term.Start)} Открытый урок наставника». /cancel — отмена.";

    /// <summary>Question: the goals.</summary>
    public static string AskGoals(int max) => $"Напишите цели пары — каждую с новой строки, не больше {max}. Они заменят прежние. /cancel — отмена.";

    /// <summary>Hint for a bad date.</summary>
    public static string DateHint(PairTerm term) => $"Не понял дату. Напишите её как ДД.ММ.ГГГГ, например {Date(term.Start)}.";

    /// <summary>Hint: outside the term.</summary>
    public static string OutsideTerm(PairTerm term) => $"Эта дата вне срока работы пары ({TermText(term)}). Напишите другую.";

    /// <summary>Hint: a day off.</summary>
    public static string NotWorkingDay(DateOnly date) => $"{Date(date)} — выходной или праздничный день. Напишите рабочий день.";

    /// <summary>Hint for a bad new item.</summary>
    public static string ItemHint(PairTerm term) => $"Нужны дата и название через пробел, например: «{Date(term.Start)} Открытый урок наставника» (название до 200 символов).";

    /// <summary>Hint for bad goals.</summary>
    public static string GoalsHint(int max, int maxLength) => $"Нужна хотя бы одна цель и не больше {max}, каждая с новой строки и не длиннее {maxLength} символов.";

    /// <summary>After a change.</summary>
    public const string Saved = "Сохранено.";

    // ---- order ----

    /// <summary>/order without live pairs.</summary>
    public const string OrderNoPairs = "Утверждённых пар пока нет — проект приказа будет готов после утверждения пар в /match.";

    /// <summary>Caption of the order document.</summary>
    public static string OrderCaption(int ready, int lacking) =>
        $"Проект приказа о закреплении наставнических пар (групп): пар к закреплению — {ready}" + (lacking > 0 ? $", без письменного согласия — {lacking} (отдельным списком)." : ".");

    /// <summary>Order: the word.</summary>
    public const string OrderWord = "ПРИКАЗ";

    /// <summary>Order: date and number to fill in.</summary>
    public const string OrderNumberLine = "от «___» ____________ 20___ г.                                        № ______";

    /// <summary>Order: title.</summary>
    public const string OrderTitle = "О закреплении наставнических пар (групп)";

    /// <summary>Order: preamble.</summary>
    public const string OrderPreamble =
        "В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации, Положением о системе наставничества педагогических " +
        "работников и дорожной картой реализации программы наставничества, на основании письменного согласия участников ПРИКАЗЫВАЮ:";

    /// <summary>Order: a clause with its number (clauses are numbered in order, whatever is left out).</summary>
    public static string OrderClause(int number, string text) => $"{number}. {text}";

    /// <summary>Order: the clause fixing the pairs.</summary>
    public const string OrderFixClause = "Закрепить наставнические пары (группы) в следующем составе:";

    /// <summary>Order: the fixing clause without any ready pair.</summary>
    public const string OrderNoReadyPairs = "(пар с полным набором письменных согласий пока нет)";

    /// <summary>Order: the separate list.</summary>
    public const string OrderLackingClause =
        "Следующие пары (группы) закрепить после получения недостающих письменных согласий (до этого в приказ не включаются):";

    /// <summary>Order: table columns.</summary>
    public static IReadOnlyList<string> OrderColumns { get; } = ["№", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества", "Срок", "Письменное согласие"];

    /// <summary>Order: a person with position.</summary>
    public static string OrderPerson(string name, string? position) => string.IsNullOrWhiteSpace(position) ? name : $"{name}, {position}";

    /// <summary>Order: a group's mentee, numbered within the group.</summary>
    public static string OrderGroupMentee(int number, string person) => $"{number}) {person}";

    /// <summary>Order: the mentor's consents of an entry.</summary>
    public static string OrderMentorConsents(bool duties, bool data) =>
        $"наставник: на наставническую деятельность — {YesNo(duties)}, на обработку ПДн — {YesNo(data)}";

    /// <summary>Order: a mentee's consent of an entry; <paramref name="name"/> is given in a group, null for a pair.</summary>
    public static string OrderMenteeConsent(string? name, bool data) =>
        $"наставляемый{(name is null ? "" : " " + name)}: на обработку ПДн — {YesNo(data)}";

    /// <summary>Order: the curator clause.</summary>
    public static string OrderCuratorClause(IReadOnlyList<string> curators) =>
        "Куратор программы наставничества: " + (curators.Count == 0 ? "____________________" : string.Join(", ", curators)) +
        ". Куратору обеспечить разработку персонализированных программ наставничества и мониторинг работы пар (групп).";

    /// <summary>Order: the plan clause.</summary>
    public const string OrderPlanClause = "Наставникам совместно с наставляемыми в течение двух недель утвердить персонализированные программы наставничества.";

    /// <summary>Order: control clause.</summary>
    public const string OrderControlClause = "Контроль за исполнением приказа оставляю за собой.";

    /// <summary>Order: signature line.</summary>
    public static string OrderSignature(string? head) => $"Руководитель  ______________  / {head ?? "____________________"} /";

    /// <summary>Order: acquainted heading.</summary>
    public const string OrderAcquainted = "С приказом ознакомлены:";

    /// <summary>Order: one acquainted line.</summary>
    public static string OrderAcquaintedLine(string name) => $"{name}  ____________  «___» ________ 20___ г.";

    /// <summary>Order: the draft note.</summary>
    public static string OrderDraftNote(DateOnly today) => $"Проект подготовлен MentorBot {Date(today)}.";

    // ---- shared ----

    /// <summary>A term as «01.11.2026 – 30.04.2027».</summary>
    public static string TermText(PairTerm term) => $"{Date(term.Start)} – {Date(term.End)}";

    /// <summary>A date as ДД.ММ.ГГГГ.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string YesNo(bool given) => given ? "дано" : "НЕТ";

    // Russian decimal comma, independent of the machine's culture.
    private static string Decimal(double value) => value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
