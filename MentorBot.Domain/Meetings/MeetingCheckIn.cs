using System.Globalization;
using MentorBot.Domain.Conversations;
using Stateless;

namespace MentorBot.Domain.Meetings;

/// <summary>Where a meeting check-in stands (stored as text in <c>conversation_states.state</c>).</summary>
public enum CheckInState
{
    /// <summary>Not yet asked anything; the first <see cref="CheckInTrigger.Next"/> goes to the first missing part.</summary>
    Started,

    /// <summary>Every state in which the check-in is still open (a superstate).</summary>
    Open,

    /// <summary>Asking the meeting's date.</summary>
    AskingDate,

    /// <summary>Asking its duration.</summary>
    AskingDuration,

    /// <summary>Asking which mentee (the mentor has several pairs).</summary>
    AskingPair,

    /// <summary>Showing the card with «Сохранить», «Изменить», «Отмена».</summary>
    Confirming,

    /// <summary>Asking which part to change.</summary>
    ChoosingField,

    /// <summary>Asking the kind.</summary>
    AskingKind,

    /// <summary>Asking the format.</summary>
    AskingFormat,

    /// <summary>Asking the topic.</summary>
    AskingTopic,

    /// <summary>Asking the text of a «нужна помощь куратора» flag.</summary>
    AskingFlag,

    /// <summary>The mentor confirmed: the glue saves the log (final).</summary>
    Saved,

    /// <summary>The mentor cancelled (final).</summary>
    Cancelled,
}

/// <summary>What moves a check-in.</summary>
public enum CheckInTrigger
{
    /// <summary>A needed part was given (or a flag sent): go to the next missing part, else the card.</summary>
    Next,

    /// <summary>«Сохранить».</summary>
    Save,

    /// <summary>«Изменить».</summary>
    Edit,

    /// <summary>«Назад» from the change menu, or <c>/back</c> from a part being changed.</summary>
    Back,

    /// <summary>Change the date.</summary>
    ChangeDate,

    /// <summary>Change the duration.</summary>
    ChangeDuration,

    /// <summary>Change the mentee.</summary>
    ChangePair,

    /// <summary>Change the kind.</summary>
    ChangeKind,

    /// <summary>Change the format.</summary>
    ChangeFormat,

    /// <summary>Change the topic.</summary>
    ChangeTopic,

    /// <summary>«Нужна помощь куратора».</summary>
    Flag,

    /// <summary>«Отмена».</summary>
    Cancel,
}

/// <summary>What the glue must do after a step besides sending the replies and storing the state.</summary>
public enum CheckInEffect
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>Save (or, with <see cref="MeetingCheckInData.MeetingId"/>, update) the log, then close the conversation.</summary>
    Save,

    /// <summary>Close the conversation without saving.</summary>
    Close,

    /// <summary>Record <see cref="CheckInStep.FlagText"/> as a flag and tell the curators; the check-in goes on.</summary>
    RaiseFlag,
}

/// <summary>The result of one input: the new state and data, the replies, and the effect for the glue.</summary>
/// <param name="State">The state after the input.</param>
/// <param name="Data">The data after the input.</param>
/// <param name="Replies">What to send, in order.</param>
/// <param name="Effect">What the glue must do.</param>
/// <param name="FlagText">The flag's text when <paramref name="Effect"/> is <see cref="CheckInEffect.RaiseFlag"/>.</param>
public sealed record CheckInStep(CheckInState State, MeetingCheckInData Data, IReadOnlyList<Reply> Replies, CheckInEffect Effect, string? FlagText = null);

/// <summary>
/// The meeting check-in (issue 6), pure, on Stateless's <see cref="StateMachine{TState,TTrigger}"/> (synchronous actions only, docs/state-machines.md):
/// it asks for what a meeting log lacks — the date, the duration, the mentee when the mentor has
/// several — questions implausible values (<see cref="MeetingDraftRules"/>: a future date, over 8 h,
/// under 5 min) instead of accepting them, then shows the card with «Сохранить», «Изменить»,
/// «Отмена»; a flag for the curator can be raised from any open state. The diagram is in
/// docs/state-machines.md. Buttons carry <c>meet:…</c> data (see the constants).
/// </summary>
public sealed class MeetingCheckIn
{
    /// <summary>The button prefix of the meetings feature.</summary>
    public const string Prefix = "meet";

    /// <summary>Longest topic kept, in characters.</summary>
    public const int MaxTopicLength = 500;

    /// <summary>Longest flag text kept, in characters.</summary>
    public const int MaxFlagLength = 1000;

    private readonly StateMachine<CheckInState, CheckInTrigger> machine;
    private readonly List<Reply> replies = [];
    private readonly DateOnly today;
    private CheckInState state;
    private MeetingCheckInData data;
    private string? prefix;

    private MeetingCheckIn(CheckInState state, MeetingCheckInData data, DateOnly today)
    {
        this.state = state;
        this.data = data;
        this.today = today;
        machine = Build(() => this.state, s => this.state = s, this);
    }

    /// <summary>The machine's shape, for the diagram (no data behind the guards).</summary>
    public static StateMachine<CheckInState, CheckInTrigger> Describe()
    {
        var s = CheckInState.Started;
        return Build(() => s, x => s = x, flow: null);
    }

    /// <summary>
    /// Starts a check-in from <paramref name="data"/> (a parsed message, or an empty draft for
    /// <c>/meeting</c>, or a saved log being corrected). Implausible parts are questioned and cleared;
    /// when several pairs are possible, a mentee named in <see cref="MeetingCheckInData.SourceText"/>
    /// picks the pair. Asks for the first missing part, or shows the card.
    /// </summary>
    public static CheckInStep Begin(MeetingCheckInData data, DateOnly today)
    {
        var concerns = new List<string>();
        foreach (var concern in MeetingDraftRules.Concerns(data.Draft, today))
        {
            concerns.Add(MeetingsTexts.Concern(concern, data.Draft));
            data = concern == MeetingDraftConcern.DateInFuture ? data with { Date = null } : data with { DurationMinutes = null };
        }

        if (data.PairId is null && MenteeNameMatcher.Find(data.SourceText, data.Pairs) is { } pair)
            data = data with { PairId = pair };
        if (MeetingDraftRules.BeforeApproval(data.Date, data.PairId, data.Pairs) is { } approved)
        {
            concerns.Add(MeetingsTexts.BeforeApproval(data.Date!.Value, approved));
            data = data with { Date = null };
        }

        var flow = new MeetingCheckIn(CheckInState.Started, data, today) { prefix = concerns.Count > 0 ? string.Join("\n", concerns) : null };
        flow.machine.Fire(CheckInTrigger.Next);
        return flow.Result(CheckInEffect.None);
    }

    /// <summary>
    /// Handles one input in <paramref name="state"/>. Input that does not fit re-asks the current
    /// question with a hint; never throws on a person's input.
    /// </summary>
    /// <param name="state">The stored state (an open one).</param>
    /// <param name="data">The stored data.</param>
    /// <param name="input">A text or a <c>meet:…</c> button.</param>
    /// <param name="today">The organisation's local date.</param>
    public static CheckInStep Handle(CheckInState state, MeetingCheckInData data, ChatInput input, DateOnly today) =>
        new MeetingCheckIn(state, data, today).Handle(input);

    /// <summary>
    /// Asks the open step of <paramref name="state"/> again, without a hint: the mentor came back to the
    /// check-in («Продолжить начатое» after another flow wanted to start).
    /// </summary>
    /// <param name="state">The stored state (an open one).</param>
    /// <param name="data">The stored data.</param>
    /// <param name="today">The organisation's local date.</param>
    public static CheckInStep Repeat(CheckInState state, MeetingCheckInData data, DateOnly today)
    {
        var flow = new MeetingCheckIn(state, data, today);
        flow.Ask(state);
        return flow.Result(CheckInEffect.None);
    }

    /// <summary>
    /// <c>/back</c>: from the change menu back to the card; from a part being changed back to the change
    /// menu; from the flag text back to where the check-in was (as «Назад» does). The card and the first
    /// questions of a check-in have nothing before them: they are asked again with a hint.
    /// </summary>
    /// <param name="state">The stored state (an open one).</param>
    /// <param name="data">The stored data.</param>
    /// <param name="today">The organisation's local date.</param>
    public static CheckInStep Back(CheckInState state, MeetingCheckInData data, DateOnly today)
    {
        var flow = new MeetingCheckIn(state, data, today);
        if (state == CheckInState.AskingFlag) return flow.Advance(data);
        if (!flow.machine.CanFire(CheckInTrigger.Back)) return flow.Reask(MeetingsTexts.NoStepBack);
        flow.machine.Fire(CheckInTrigger.Back);
        return flow.Result(CheckInEffect.None);
    }

    private CheckInStep Handle(ChatInput input)
    {
        var choice = input is ChoiceInput c && c.Data.StartsWith(Prefix + ":", StringComparison.Ordinal) ? c.Data[(Prefix.Length + 1)..] : null;
        var text = (input as TextInput)?.Text.Trim();
        if (choice == "cancel")
        {
            machine.Fire(CheckInTrigger.Cancel);
            return Result(CheckInEffect.Close);
        }

        if (choice == "flag" && state != CheckInState.AskingFlag && machine.CanFire(CheckInTrigger.Flag))
        {
            machine.Fire(CheckInTrigger.Flag);
            return Result(CheckInEffect.None);
        }

        switch (state)
        {
            case CheckInState.AskingDate:
                var date = choice is not null && choice.StartsWith("date:", StringComparison.Ordinal) && int.TryParse(choice[5..], CultureInfo.InvariantCulture, out var back) && back is >= 0 and <= 7
                    ? today.AddDays(-back)
                    : text is not null ? MeetingMessageParser.Parse(text, today).Date : null;
                if (date is null) return Reask(MeetingsTexts.DateNotUnderstood);
                if (MeetingDraftRules.IsInFuture(date.Value, today))
                    return Reask(MeetingsTexts.Concern(MeetingDraftConcern.DateInFuture, data.Draft with { Date = date }));
                if (MeetingDraftRules.BeforeApproval(date, data.PairId, data.Pairs) is { } approvedOn)
                    return Reask(MeetingsTexts.BeforeApproval(date.Value, approvedOn));
                return Advance(data with { Date = date });

            case CheckInState.AskingDuration:
                var minutes = choice is not null && choice.StartsWith("dur:", StringComparison.Ordinal) && int.TryParse(choice[4..], CultureInfo.InvariantCulture, out var m)
                    ? m
                    : text is null ? null
                    : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare) ? bare
                    : MeetingMessageParser.Parse(text, today).DurationMinutes;
                if (minutes is null) return Reask(MeetingsTexts.DurationNotUnderstood);
                var draft = data.Draft with { DurationMinutes = minutes };
                var concerns = MeetingDraftRules.Concerns(draft, today).Where(x => x != MeetingDraftConcern.DateInFuture).ToList();
                if (concerns.Count > 0) return Reask(MeetingsTexts.Concern(concerns[0], draft));
                return Advance(data with { DurationMinutes = minutes });

            case CheckInState.AskingPair:
                long? pair = choice is not null && choice.StartsWith("pair:", StringComparison.Ordinal) && long.TryParse(choice[5..], CultureInfo.InvariantCulture, out var id)
                    ? id
                    : MenteeNameMatcher.Find(text, data.Pairs);
                if (pair is null || data.Pairs.All(p => p.PairId != pair)) return Reask(MeetingsTexts.PairNotUnderstood);
                if (MeetingDraftRules.BeforeApproval(data.Date, pair, data.Pairs) is { } pairApproved)
                {
                    // The date was given before the pair: it is asked again for this pair.
                    prefix = MeetingsTexts.BeforeApproval(data.Date!.Value, pairApproved);
                    return Advance(data with { PairId = pair, Date = null });
                }

                return Advance(data with { PairId = pair });

            case CheckInState.Confirming when choice == "save" && machine.CanFire(CheckInTrigger.Save):
                machine.Fire(CheckInTrigger.Save);
                return Result(CheckInEffect.Save);

            case CheckInState.Confirming when choice == "edit":
                machine.Fire(CheckInTrigger.Edit);
                return Result(CheckInEffect.None);

            case CheckInState.ChoosingField when choice is not null && FieldTrigger(choice) is { } trigger && machine.CanFire(trigger):
                machine.Fire(trigger);
                return Result(CheckInEffect.None);

            case CheckInState.AskingKind when choice is not null && choice.StartsWith("kind:", StringComparison.Ordinal) && KindOf(choice[5..]) is { } kind:
                return Advance(data with { Kind = kind });

            case CheckInState.AskingFormat when choice is "fmt:in_person" or "fmt:online" or "fmt:none":
                return Advance(data with { Format = choice switch { "fmt:in_person" => MeetingFormat.InPerson, "fmt:online" => MeetingFormat.Online, _ => null } });

            case CheckInState.AskingTopic when choice == "topic:none":
                return Advance(data with { Topic = null });

            case CheckInState.AskingTopic when !string.IsNullOrEmpty(text):
                return text.Length > MaxTopicLength ? Reask(MeetingsTexts.TopicTooLong(MaxTopicLength)) : Advance(data with { Topic = text });

            case CheckInState.AskingFlag when choice == "back":
                return Advance(data);

            case CheckInState.AskingFlag when !string.IsNullOrEmpty(text):
                if (text.Length > MaxFlagLength) return Reask(MeetingsTexts.FlagTextInvalid(MaxFlagLength));
                replies.Add(Reply.Plain(MeetingsTexts.FlagSent));
                machine.Fire(CheckInTrigger.Next);
                return Result(CheckInEffect.RaiseFlag, text);
        }

        return Reask(state == CheckInState.AskingFlag ? MeetingsTexts.FlagTextInvalid(MaxFlagLength) : MeetingsTexts.PressAButton);
    }

    private CheckInStep Advance(MeetingCheckInData next)
    {
        data = next;
        machine.Fire(CheckInTrigger.Next);
        return Result(CheckInEffect.None);
    }

    private CheckInStep Reask(string hint)
    {
        prefix = hint;
        Ask(state);
        return Result(CheckInEffect.None);
    }

    private CheckInStep Result(CheckInEffect effect, string? flagText = null) => new(state, data, replies.ToList(), effect, flagText);

    private static CheckInTrigger? FieldTrigger(string choice) => choice switch
    {
        "field:date" => CheckInTrigger.ChangeDate,
        "field:duration" => CheckInTrigger.ChangeDuration,
        "field:pair" => CheckInTrigger.ChangePair,
        "field:kind" => CheckInTrigger.ChangeKind,
        "field:format" => CheckInTrigger.ChangeFormat,
        "field:topic" => CheckInTrigger.ChangeTopic,
        "back" => CheckInTrigger.Back,
        _ => null,
    };

    /// <summary>The stored code of a kind («organizational», …).</summary>
    public static string KindCode(MeetingKind kind) => kind switch
    {
        MeetingKind.Organizational => "organizational",
        MeetingKind.Trial => "trial",
        MeetingKind.Planning => "planning",
        MeetingKind.Regular => "regular",
        MeetingKind.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind of a stored code, or null.</summary>
    public static MeetingKind? KindOf(string code) =>
        Enum.GetValues<MeetingKind>().Where(k => KindCode(k) == code).Select(k => (MeetingKind?)k).FirstOrDefault();

    /// <summary>The stored code of a format (<c>in_person</c> | <c>online</c>), or null.</summary>
    public static string? FormatCode(MeetingFormat? format) => format switch
    {
        MeetingFormat.InPerson => "in_person",
        MeetingFormat.Online => "online",
        _ => null,
    };

    /// <summary>The format of a stored code, or null.</summary>
    public static MeetingFormat? FormatOf(string? code) => code switch
    {
        "in_person" => MeetingFormat.InPerson,
        "online" => MeetingFormat.Online,
        _ => null,
    };

    /// <summary>Sends the question (or card) of <paramref name="at"/>, after any pending hint.</summary>
    private void Ask(CheckInState at)
    {
        var lead = prefix is null ? "" : prefix + "\n\n";
        prefix = null;
        var cancel = new Choice(MeetingsTexts.CancelLabel, Data("cancel"));
        var flag = new Choice(MeetingsTexts.FlagLabel, Data("flag"));
        Reply reply = at switch
        {
            CheckInState.AskingDate => new(lead + MeetingsTexts.AskDate,
            [
                [new(MeetingsTexts.TodayLabel, Data("date:0")), new(MeetingsTexts.YesterdayLabel, Data("date:1")), new(MeetingsTexts.DayBeforeLabel, Data("date:2"))],
                [flag], [cancel],
            ]),
            CheckInState.AskingDuration => new(lead + MeetingsTexts.AskDuration,
            [
                [.. new[] { 30, 45, 60, 90 }.Select(min => new Choice(MeetingsTexts.FormatDuration(min), Data($"dur:{min}")))],
                [flag], [cancel],
            ]),
            CheckInState.AskingPair => new(lead + MeetingsTexts.AskPair,
                [.. data.Pairs.Select(p => (IReadOnlyList<Choice>)[new Choice(p.MenteeName, Data($"pair:{p.PairId}"))]), [flag], [cancel]]),
            CheckInState.Confirming => new(lead + MeetingsTexts.Card(data, data.MeetingId is not null),
            [
                [new(MeetingsTexts.SaveLabel, Data("save")), new(MeetingsTexts.EditLabel, Data("edit")), cancel],
                [flag],
            ]),
            CheckInState.ChoosingField => new(lead + MeetingsTexts.AskField, FieldRows()),
            CheckInState.AskingKind => new(lead + MeetingsTexts.AskKind,
                [.. Enum.GetValues<MeetingKind>().Select(k => (IReadOnlyList<Choice>)[new Choice(MeetingsTexts.KindName(k), Data("kind:" + KindCode(k)))])]),
            CheckInState.AskingFormat => Reply.WithChoices(lead + MeetingsTexts.AskFormat,
                new(MeetingsTexts.FormatName(MeetingFormat.InPerson), Data("fmt:in_person")),
                new(MeetingsTexts.FormatName(MeetingFormat.Online), Data("fmt:online")),
                new(MeetingsTexts.NoFormatLabel, Data("fmt:none"))),
            CheckInState.AskingTopic => Reply.WithChoices(lead + MeetingsTexts.AskTopic, new Choice(MeetingsTexts.NoTopicLabel, Data("topic:none"))),
            CheckInState.AskingFlag => Reply.WithChoices(lead + MeetingsTexts.AskFlag, new Choice(MeetingsTexts.BackLabel, Data("back"))),
            CheckInState.Cancelled => Reply.Plain(MeetingsTexts.CheckInCancelled),
            _ => Reply.Plain(lead.TrimEnd()),
        };
        if (reply.Text.Length > 0) replies.Add(reply);
    }

    private List<IReadOnlyList<Choice>> FieldRows()
    {
        var rows = new List<IReadOnlyList<Choice>>
        {
            new Choice[] { new(MeetingsTexts.DateField, Data("field:date")), new(MeetingsTexts.DurationField, Data("field:duration")) },
            new Choice[] { new(MeetingsTexts.KindField, Data("field:kind")), new(MeetingsTexts.FormatField, Data("field:format")), new(MeetingsTexts.TopicField, Data("field:topic")) },
        };
        if (data.Pairs.Count > 1) rows.Add([new Choice(MeetingsTexts.PairField, Data("field:pair"))]);
        rows.Add([new Choice(MeetingsTexts.BackLabel, Data("back"))]);
        return rows;
    }

    private static string Data(string action) => $"{Prefix}:{action}";

    /// <summary>True when the part <paramref name="asking"/> asks for is already known (it is being changed).</summary>
    private bool Knows(CheckInState asking) => asking switch
    {
        CheckInState.AskingDate => data.Date is not null,
        CheckInState.AskingDuration => data.DurationMinutes is not null,
        CheckInState.AskingPair => data.PairId is not null,
        _ => false,
    };

    private CheckInState Needed() =>
        data.Date is null ? CheckInState.AskingDate
        : data.DurationMinutes is null ? CheckInState.AskingDuration
        : data.PairId is null ? CheckInState.AskingPair
        : CheckInState.Confirming;

    private static StateMachine<CheckInState, CheckInTrigger> Build(Func<CheckInState> read, Action<CheckInState> write, MeetingCheckIn? flow)
    {
        var sm = new StateMachine<CheckInState, CheckInTrigger>(read, write);
        // Guards and questions read the flow's data; Describe() has no flow and never fires.
        void ask(CheckInState s) => flow?.Ask(s);
        bool Needs(CheckInState s) => flow is not null && flow.Needed() == s;

        sm.Configure(CheckInState.Open)
            .PermitIf(CheckInTrigger.Next, CheckInState.AskingDate, () => Needs(CheckInState.AskingDate), "date missing")
            .PermitIf(CheckInTrigger.Next, CheckInState.AskingDuration, () => Needs(CheckInState.AskingDuration), "duration missing")
            .PermitIf(CheckInTrigger.Next, CheckInState.AskingPair, () => Needs(CheckInState.AskingPair), "pair unknown")
            .PermitIf(CheckInTrigger.Next, CheckInState.Confirming, () => Needs(CheckInState.Confirming), "all known")
            .Permit(CheckInTrigger.Flag, CheckInState.AskingFlag)
            .Permit(CheckInTrigger.Cancel, CheckInState.Cancelled);
        foreach (var open in new[] { CheckInState.Started, CheckInState.AskingDate, CheckInState.AskingDuration, CheckInState.AskingPair, CheckInState.Confirming, CheckInState.ChoosingField, CheckInState.AskingKind, CheckInState.AskingFormat, CheckInState.AskingTopic, CheckInState.AskingFlag })
            sm.Configure(open).SubstateOf(CheckInState.Open).OnEntry(() => ask(open), "ask");
        sm.Configure(CheckInState.Confirming)
            .PermitIf(CheckInTrigger.Save, CheckInState.Saved, () => flow is not null && flow.data.IsComplete && MeetingDraftRules.Concerns(flow.data.Draft, flow.today).Count == 0, "complete and plausible")
            .Permit(CheckInTrigger.Edit, CheckInState.ChoosingField);
        sm.Configure(CheckInState.ChoosingField)
            .Permit(CheckInTrigger.ChangeDate, CheckInState.AskingDate)
            .Permit(CheckInTrigger.ChangeDuration, CheckInState.AskingDuration)
            .Permit(CheckInTrigger.ChangePair, CheckInState.AskingPair)
            .Permit(CheckInTrigger.ChangeKind, CheckInState.AskingKind)
            .Permit(CheckInTrigger.ChangeFormat, CheckInState.AskingFormat)
            .Permit(CheckInTrigger.ChangeTopic, CheckInState.AskingTopic)
            .Permit(CheckInTrigger.Back, CheckInState.Confirming);
        // A part opened from the change menu goes back to it; the first questions of a check-in ask a missing part and have no way back.
        foreach (var asking in new[] { CheckInState.AskingDate, CheckInState.AskingDuration, CheckInState.AskingPair })
            sm.Configure(asking).PermitIf(CheckInTrigger.Back, CheckInState.ChoosingField, () => flow is not null && flow.Knows(asking), "changing a known part");
        foreach (var asking in new[] { CheckInState.AskingKind, CheckInState.AskingFormat, CheckInState.AskingTopic })
            sm.Configure(asking).Permit(CheckInTrigger.Back, CheckInState.ChoosingField);
        sm.Configure(CheckInState.AskingFlag).Ignore(CheckInTrigger.Flag);
        sm.Configure(CheckInState.Cancelled).OnEntry(() => ask(CheckInState.Cancelled), "say cancelled");
        return sm;
    }
}
