using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentorBot.Domain.Conversations;
using Stateless;

namespace MentorBot.Domain.Questionnaires;

/// <summary>The stages of a questionnaire conversation (the state of <see cref="QuestionnaireFlow.Machine"/>).</summary>
public enum QuestionnaireStage
{
    /// <summary>A question is open.</summary>
    Asking,

    /// <summary>Every applicable question was answered or skipped.</summary>
    Completed,
}

/// <summary>What moves a questionnaire conversation.</summary>
public enum QuestionnaireTrigger
{
    /// <summary>A valid answer was recorded.</summary>
    Answer,

    /// <summary>An optional question was skipped.</summary>
    Skip,

    /// <summary><c>/back</c>.</summary>
    Back,

    /// <summary>A multiple-choice option was ticked or unticked.</summary>
    Toggle,

    /// <summary>The answer was invalid; nothing is stored.</summary>
    Invalid,

    /// <summary>The open question is asked again (start or resume).</summary>
    Resume,
}

/// <summary>What handling one input produced.</summary>
/// <param name="Replies">Messages to send, in order.</param>
/// <param name="Toast">A short acknowledgement of a button press («этот вопрос уже закрыт»), or null.</param>
/// <param name="Changed">True when the progress changed and must be saved.</param>
public sealed record QuestionnaireStep(IReadOnlyList<Reply> Replies, string? Toast, bool Changed);

/// <summary>
/// The questionnaire conversation (issue 4), pure: a <see cref="StateMachine{TState,TTrigger}"/> over
/// <see cref="QuestionnaireProgress"/> (its state lives in the progress, which lives in PostgreSQL).
/// Each <see cref="Handle"/> reads one input, validates it with <see cref="AnswerReader"/>, moves the
/// progress and returns the replies: the next question with its buttons, the same question with a
/// hint, or the thanks. Invalid input never throws and never stores anything; a button of a question
/// that is no longer open changes nothing and is answered «этот вопрос уже закрыт».
/// </summary>
public sealed class QuestionnaireFlow
{
    private const int ScaleButtonsPerRow = 5;
    private readonly QuestionnaireDefinition definition;
    private readonly QuestionnaireProgress progress;
    private readonly long responseId;
    private readonly DateOnly today;
    private readonly List<Reply> replies = [];
    private string? preface;

    /// <summary>A flow over <paramref name="progress"/> of <paramref name="definition"/>.</summary>
    /// <param name="definition">The questionnaire, in the version the response was started under.</param>
    /// <param name="progress">The person's progress; changed in place.</param>
    /// <param name="responseId"><c>questionnaire_responses.id</c>, carried by the buttons.</param>
    /// <param name="today">The organisation's local date (for «сегодня», «вчера» and date ranges).</param>
    public QuestionnaireFlow(QuestionnaireDefinition definition, QuestionnaireProgress progress, long responseId, DateOnly today)
    {
        this.definition = definition;
        this.progress = progress;
        this.responseId = responseId;
        this.today = today;
        Machine = new StateMachine<QuestionnaireStage, QuestionnaireTrigger>(
            () => progress.Completed ? QuestionnaireStage.Completed : QuestionnaireStage.Asking,
            stage => progress.Completed = stage == QuestionnaireStage.Completed);
        Configure();
    }

    /// <summary>The machine, for diagrams (docs/state-machines.md) and tests.</summary>
    public StateMachine<QuestionnaireStage, QuestionnaireTrigger> Machine { get; }

    /// <summary>The open question, or null when completed.</summary>
    public Question? Current => progress.Completed ? null : Find(progress.Current);

    /// <summary>Handles one input; see the class summary.</summary>
    public QuestionnaireStep Handle(QuestionnaireInput input)
    {
        replies.Clear();
        preface = null;
        if (input.QuestionIndex is { } index && (progress.Completed || index != definition.IndexOf(progress.Current)))
            return new QuestionnaireStep([], QuestionnaireTexts.QuestionClosed, false);
        if (!progress.Completed && Current is null)
            throw new InvalidOperationException($"Response {responseId}: the open question '{progress.Current}' is not in {definition.Id} v{definition.Version}.");

        var trigger = Read(input);
        Machine.Fire(trigger);
        var changed = trigger is QuestionnaireTrigger.Answer or QuestionnaireTrigger.Skip or QuestionnaireTrigger.Toggle
                      || (trigger is QuestionnaireTrigger.Back && replies.Count > 0 && preface is null);
        return new QuestionnaireStep(replies.ToList(), null, changed);
    }

    /// <summary>Decides the trigger; records a valid answer (before firing, so guards see it) or keeps the problem.</summary>
    private QuestionnaireTrigger Read(QuestionnaireInput input)
    {
        if (progress.Completed) return input is QuestionnaireInput.Resume ? QuestionnaireTrigger.Resume : QuestionnaireTrigger.Answer;
        var question = Current!;
        switch (input)
        {
            case QuestionnaireInput.Resume resume:
                if (resume.Fresh) replies.Add(Reply.Plain(definition.Intro));
                else preface = QuestionnaireTexts.Continuing(definition.Title);
                return QuestionnaireTrigger.Resume;
            case QuestionnaireInput.Back:
                return QuestionnaireTrigger.Back;
            case QuestionnaireInput.Skip:
                return question.Optional ? Skip(question) : Invalid(QuestionnaireTexts.NotOptional);
            case QuestionnaireInput.Toggle toggle when question.Kind == QuestionKind.MultipleChoice && toggle.Option >= 0 && toggle.Option < question.Options.Count:
                var label = question.Options[toggle.Option];
                if (!progress.Ticks.Remove(label)) progress.Ticks.Add(label);
                return QuestionnaireTrigger.Toggle;
            case QuestionnaireInput.Done when question.Kind == QuestionKind.MultipleChoice:
                return ConfirmTicks(question);
            case QuestionnaireInput.Pick pick:
                return Accept(question, AnswerReader.Press(question, pick.Option));
            case QuestionnaireInput.Typed typed:
                var word = typed.Text.Trim().TrimEnd('.', '!').ToLowerInvariant();
                if (question.Optional && word == QuestionnaireTexts.SkipWord) return Skip(question);
                if (question.Kind == QuestionKind.MultipleChoice && word == QuestionnaireTexts.DoneWord) return ConfirmTicks(question);
                return Accept(question, AnswerReader.Read(question, typed.Text, today));
            default:
                return Invalid(QuestionnaireTexts.UseButtons);
        }
    }

    private QuestionnaireTrigger ConfirmTicks(Question question) =>
        progress.Ticks.Count == 0
            ? Invalid(QuestionnaireTexts.TickAtLeastOne)
            : Accept(question, AnswerCheck.Valid(AnswerReader.Selection(question, progress.Ticks)));

    private QuestionnaireTrigger Accept(Question question, AnswerCheck check)
    {
        if (!check.IsValid) return Invalid(check.Problem!);
        progress.Answers[question.Id] = check.Value;
        Close(question);
        return QuestionnaireTrigger.Answer;
    }

    private QuestionnaireTrigger Skip(Question question)
    {
        progress.Answers.Remove(question.Id);
        Close(question);
        return QuestionnaireTrigger.Skip;
    }

    private void Close(Question question)
    {
        progress.History.Add(question.Id);
        progress.Ticks.Clear();
    }

    private QuestionnaireTrigger Invalid(string hint)
    {
        preface = hint;
        return QuestionnaireTrigger.Invalid;
    }

    private void Configure()
    {
        Machine.Configure(QuestionnaireStage.Asking)
            .PermitReentryIf(QuestionnaireTrigger.Answer, HasNext, "more questions")
            .PermitIf(QuestionnaireTrigger.Answer, QuestionnaireStage.Completed, IsLast, "last question")
            .PermitReentryIf(QuestionnaireTrigger.Skip, HasNext, "more questions")
            .PermitIf(QuestionnaireTrigger.Skip, QuestionnaireStage.Completed, IsLast, "last question")
            .PermitReentryIf(QuestionnaireTrigger.Back, () => progress.History.Count > 0, "an earlier question")
            .InternalTransition(QuestionnaireTrigger.Toggle, () => AskCurrent())
            .InternalTransition(QuestionnaireTrigger.Invalid, () => AskCurrent())
            .InternalTransition(QuestionnaireTrigger.Resume, () => AskCurrent())
            .OnEntry(t => { if (t.Trigger == QuestionnaireTrigger.Back) MoveBack(); else MoveOn(); }, "ask the next question (after Back: the previous one)");
        Machine.Configure(QuestionnaireStage.Completed)
            .OnEntryFrom(QuestionnaireTrigger.Answer, Finish, "thank, say what is next")
            .OnEntryFrom(QuestionnaireTrigger.Skip, Finish, "thank, say what is next")
            .InternalTransition(QuestionnaireTrigger.Resume, () => replies.Add(Reply.Plain(QuestionnaireTexts.AlreadyCompleted(definition.Title))));
        Machine.OnUnhandledTrigger((stage, trigger) =>
        {
            if (stage == QuestionnaireStage.Completed)
            {
                replies.Add(Reply.Plain(QuestionnaireTexts.AlreadyCompleted(definition.Title)));
                return;
            }

            // Only /back on the first question gets here.
            preface = QuestionnaireTexts.FirstQuestion;
            AskCurrent();
        });
    }

    private bool HasNext() => Next() is not null;

    private bool IsLast() => Next() is null;

    /// <summary>The next applicable question after the open one (in definition order), given the answers so far.</summary>
    private Question? Next()
    {
        var from = definition.IndexOf(progress.Current);
        for (var i = from + 1; i < definition.Questions.Count; i++)
            if (definition.Questions[i].AppliesTo(progress.Answers)) return definition.Questions[i];
        return null;
    }

    private void MoveOn()
    {
        progress.Current = Next()!.Id;
        AskCurrent();
    }

    private void MoveBack()
    {
        var previous = progress.History[^1];
        progress.History.RemoveAt(progress.History.Count - 1);
        progress.Current = previous;
        progress.Ticks.Clear();
        if (Find(previous) is { Kind: QuestionKind.MultipleChoice } && progress.Answers[previous] is JsonArray chosen)
            progress.Ticks.AddRange(chosen.Select(n => n!.GetValue<string>()));
        AskCurrent();
    }

    private void Finish()
    {
        progress.Current = null;
        progress.Ticks.Clear();
        // An answer changed after /back may switch a conditional question off: its answer must not stay.
        var kept = new JsonObject();
        foreach (var question in definition.Questions)
        {
            if (question.AppliesTo(kept) && progress.Answers.TryGetPropertyValue(question.Id, out var value) && value is not null)
                kept[question.Id] = value.DeepClone();
        }

        progress.Answers.Clear();
        foreach (var (id, value) in kept) progress.Answers[id] = value?.DeepClone();
        progress.History.RemoveAll(id => !definition.Asks(id));
        replies.Add(Reply.Plain(QuestionnaireTexts.Thanks(definition.Title) + "\n\n" + definition.Completion));
    }

    /// <summary>Adds the open question (after the hint or note, if any) with its buttons.</summary>
    private void AskCurrent()
    {
        var question = Current!;
        var index = definition.IndexOf(question.Id);
        var text = new StringBuilder();
        if (preface is not null) text.Append(preface).Append("\n\n");
        text.Append(QuestionnaireTexts.Position(progress.History.Count + 1, Total())).Append(question.Prompt);
        if (question.Note is not null) text.Append('\n').Append(question.Note);
        if (KindHint(question) is { } hint) text.Append('\n').Append(hint);
        if (question.Kind == QuestionKind.MultipleChoice && progress.Ticks.Count > 0)
            text.Append('\n').Append(QuestionnaireTexts.Ticked(AnswerReader.Selection(question, progress.Ticks).Select(n => n!.GetValue<string>())));
        else if (progress.Answers.TryGetPropertyValue(question.Id, out var earlier) && earlier is not null)
            text.Append('\n').Append(QuestionnaireTexts.EarlierAnswer(AnswerSummary.Text(earlier)));
        replies.Add(new Reply(text.ToString(), Buttons(question, index)));
    }

    /// <summary>Questions answered so far plus those still to come, given the answers so far.</summary>
    private int Total()
    {
        var from = definition.IndexOf(progress.Current);
        return progress.History.Count + definition.Questions.Skip(from).Count(q => q == definition.Questions[from] || q.AppliesTo(progress.Answers));
    }

    private static string? KindHint(Question question) => question.Kind switch
    {
        QuestionKind.MultipleChoice => QuestionnaireTexts.MultipleHint,
        QuestionKind.FreeText => QuestionnaireTexts.TextHint(question.MaxLength),
        QuestionKind.Number => QuestionnaireTexts.NumberHint(question.Min, question.Max),
        QuestionKind.Date => QuestionnaireTexts.DateHint,
        _ => null,
    };

    private IReadOnlyList<IReadOnlyList<Choice>> Buttons(Question question, int index)
    {
        var rows = new List<IReadOnlyList<Choice>>();
        var labels = question.ButtonLabels;
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice:
                rows.AddRange(labels.Select((label, i) => (IReadOnlyList<Choice>)[new Choice(label, QuestionnaireButtons.Pick(responseId, index, i))]));
                break;
            case QuestionKind.MultipleChoice:
                rows.AddRange(labels.Select((label, i) => (IReadOnlyList<Choice>)[new Choice(
                    progress.Ticks.Contains(label) ? QuestionnaireTexts.Tick + label : label, QuestionnaireButtons.Toggle(responseId, index, i))]));
                rows.Add([new Choice(QuestionnaireTexts.DoneButton, QuestionnaireButtons.Done(responseId, index))]);
                break;
            case QuestionKind.Scale or QuestionKind.YesNo:
                rows.AddRange(labels.Select((label, i) => new Choice(label, QuestionnaireButtons.Pick(responseId, index, i)))
                    .Chunk(ScaleButtonsPerRow).Select(row => (IReadOnlyList<Choice>)row));
                break;
        }

        if (question.Optional) rows.Add([new Choice(QuestionnaireTexts.SkipButton, QuestionnaireButtons.Skip(responseId, index))]);
        return rows;
    }

    private Question? Find(string? id) => definition.IndexOf(id) is var i and >= 0 ? definition.Questions[i] : null;
}
