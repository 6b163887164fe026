using System.Text.Json.Nodes;
using MentorBot.Domain.Banks;
using MentorBot.Domain.Questionnaires;
using MentorBot.Domain.Reports;
using MentorBot.Domain.Scheduling;
using H = MentorBot.Domain.Exports.ExportTexts.Headers;

namespace MentorBot.Domain.Exports;

/// <summary>
/// The column definitions and row shaping of every export (issue 7 «Exports»). Pure: the glue loads the
/// records, this turns them into an <see cref="ExportTable"/>; instants become the organisation's local time.
/// Anonymity (issue 6; the methodology's satisfaction survey is anonymous):
/// satisfaction rows carry no name, pair, date or order of answering, and feedback rows no mentee; a group
/// with fewer than <see cref="Anonymity.Threshold"/> answers is replaced by one row saying so. Impact is
/// per person (the curator's monitoring tool; exports are curator only), plus organisation-wide averages per
/// competency only where at least <see cref="Anonymity.Threshold"/> people have both measurements.
/// </summary>
public static class ExportTables
{
    /// <summary>The export kind of a bank.</summary>
    public static ExportKind Kind(this Bank bank) => bank == Bank.Mentors ? ExportKind.Mentors : ExportKind.Mentees;

    /// <summary>
    /// The mentor or mentee bank: who, consents, questionnaire state and the intake answers, headed by the
    /// questions' labels in <paramref name="intake"/> (the bank's intake definition).
    /// </summary>
    public static ExportTable BankMembers(Bank bank, IReadOnlyList<BankMember> members, TimeZoneInfo timeZone, QuestionnaireDefinition intake)
    {
        var columns = new List<ExportColumn>
        {
            new(H.FullName, ExportValueKind.Text), new(H.Position, ExportValueKind.Text), new(H.Subject, ExportValueKind.Text),
            new(H.Joined, ExportValueKind.Date), new(H.PersonalData, ExportValueKind.Text),
        };
        if (bank == Bank.Mentors) columns.Add(new(H.MentoringDuties, ExportValueKind.Text));
        columns.Add(new(H.Questionnaire, ExportValueKind.Text));
        columns.Add(new(H.CompletedOn, ExportValueKind.Date));
        var answers = bank == Bank.Mentors
            ? new[] { "experience_years", "qualification_category", "competencies", "capacity", "form_mode", "form_size", "free_time" }
            : ["experience_years", "difficulties", "form_mode", "form_size", "expectations"];
        var numeric = new HashSet<string> { "experience_years", "capacity" };
        columns.AddRange(answers.Select(id => new ExportColumn(intake.Questions.FirstOrDefault(q => q.Id == id)?.Label ?? id,
            numeric.Contains(id) ? ExportValueKind.Number : ExportValueKind.Text)));

        var rows = members.Select(member =>
        {
            var row = new List<object?>
            {
                BankListing.Name(member), member.Position, member.Subject, LocalDates.OfUtc(member.JoinedAt.UtcDateTime, timeZone),
                BanksTexts.Consent(member.PersonalData),
            };
            if (member.MentoringDuties is { } duties) row.Add(BanksTexts.Consent(duties));
            row.Add(BanksTexts.QuestionnaireStateText(member.Questionnaire));
            row.Add(member.CompletedAt is { } done ? LocalDates.OfUtc(done.UtcDateTime, timeZone) : null);
            row.AddRange(answers.Select(id => Value(member.Answers, id, numeric.Contains(id))));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new ExportTable(ExportTexts.Name(bank.Kind()), columns, rows);
    }

    /// <summary>Pairs: who with whom, form, status, term, cadence, goals, meetings so far.</summary>
    public static ExportTable Pairs(IReadOnlyList<PairRecord> pairs, TimeZoneInfo timeZone)
    {
        ExportColumn[] columns =
        [
            new(H.Pair, ExportValueKind.Number), new(H.Mentor, ExportValueKind.Text), new(H.Mentee, ExportValueKind.Text),
            new(H.Form, ExportValueKind.Text), new(H.Status, ExportValueKind.Text), new(H.StartsOn, ExportValueKind.Date),
            new(H.EndsOn, ExportValueKind.Date), new(H.Cadence, ExportValueKind.Number), new(H.Goals, ExportValueKind.Text),
            new(H.MeetingCount, ExportValueKind.Number), new(H.LastMeeting, ExportValueKind.Date), new(H.ApprovedAt, ExportValueKind.DateTime),
        ];
        var rows = pairs.Select(p => (IReadOnlyList<object?>)
        [
            p.Id, Person(p.MentorName, p.MentorMembershipId), Person(p.MenteeName, p.MenteeMembershipId),
            ExportTexts.Form(p.Form), ExportTexts.PairStatus(p.Status), Date(p.StartsOn), Date(p.EndsOn), (long)p.MeetingCadenceDays,
            p.Goals.Length == 0 ? null : string.Join("; ", p.Goals), p.Meetings, Date(p.LastMeetingOn),
            p.ApprovedAt is { } approved ? LocalDates.TimeOfUtc(approved, timeZone) : null,
        ]).ToList();
        return new ExportTable(ExportTexts.Name(ExportKind.Pairs), columns, rows);
    }

    /// <summary>Logged meetings, oldest first as given.</summary>
    public static ExportTable Meetings(IReadOnlyList<MeetingRecord> meetings, TimeZoneInfo timeZone)
    {
        ExportColumn[] columns =
        [
            new(H.Meeting, ExportValueKind.Number), new(H.Pair, ExportValueKind.Number), new(H.Mentor, ExportValueKind.Text),
            new(H.Mentee, ExportValueKind.Text), new(H.HeldOn, ExportValueKind.Date), new(H.Duration, ExportValueKind.Number),
            new(H.MeetingKind, ExportValueKind.Text), new(H.MeetingFormat, ExportValueKind.Text), new(H.Topic, ExportValueKind.Text),
            new(H.LoggedAt, ExportValueKind.DateTime),
        ];
        var rows = meetings.Select(m => (IReadOnlyList<object?>)
        [
            m.Id, m.PairId, Person(m.MentorName, m.MentorMembershipId), Person(m.MenteeName, m.MenteeMembershipId),
            DateOnly.FromDateTime(m.HeldOn), (long)m.DurationMinutes, ExportTexts.MeetingKind(m.Kind), ExportTexts.MeetingFormat(m.Format),
            m.Topic, LocalDates.TimeOfUtc(m.CreatedAt, timeZone),
        ]).ToList();
        return new ExportTable(ExportTexts.Name(ExportKind.Meetings), columns, rows);
    }

    /// <summary>Answered feedback polls: the meeting, the pair and its mentor, the score and comment — never the mentee's name.</summary>
    public static ExportTable Feedback(IReadOnlyList<FeedbackRecord> answers, TimeZoneInfo timeZone)
    {
        ExportColumn[] columns =
        [
            new(H.HeldOn, ExportValueKind.Date), new(H.MeetingKind, ExportValueKind.Text), new(H.Pair, ExportValueKind.Number),
            new(H.Mentor, ExportValueKind.Text), new(H.Score, ExportValueKind.Number), new(H.Comment, ExportValueKind.Text),
            new(H.AnsweredAt, ExportValueKind.DateTime),
        ];
        if (Anonymity.Withholds(answers.Count))
            return new ExportTable(ExportTexts.Name(ExportKind.Feedback), columns, answers.Count == 0 ? [] : [WithheldRow(columns.Length, 1, "все встречи", answers.Count)]);
        var rows = answers.Select(f => (IReadOnlyList<object?>)
        [
            DateOnly.FromDateTime(f.HeldOn), ExportTexts.MeetingKind(f.Kind), f.PairId, Person(f.MentorName, f.MentorMembershipId),
            f.Score is { } score ? (long)score : null, f.Comment, LocalDates.TimeOfUtc(f.AnsweredAt, timeZone),
        ]).ToList();
        return new ExportTable(ExportTexts.Name(ExportKind.Feedback), columns, rows);
    }

    /// <summary>
    /// Satisfaction surveys, anonymous: one row per completed survey with no name, pair or date, grouped
    /// by whose survey it is and sorted by the answers (so the order says nothing of who answered when);
    /// a group with fewer than <see cref="Anonymity.Threshold"/> answers becomes one «withheld» row.
    /// </summary>
    public static ExportTable Satisfaction(IReadOnlyList<SurveyRecord> surveys)
    {
        var columns = new List<ExportColumn> { new(H.Respondent, ExportValueKind.Text) };
        columns.AddRange(ExportTexts.SurveyQuestions.Select(q => new ExportColumn(q.Header,
            q.Id is "effectiveness" or "comfort" or "usefulness" or "support" or "plan_clarity" or "safety" ? ExportValueKind.Number : ExportValueKind.Text)));
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var group in surveys.GroupBy(s => s.Questionnaire).OrderBy(g => g.Key == "satisfaction_mentor" ? 1 : 0))
        {
            var name = ExportTexts.SurveyGroup(group.Key);
            var responses = group.ToList();
            if (Anonymity.Withholds(responses.Count))
            {
                rows.Add(WithheldRow(columns.Count, 0, name, responses.Count));
                continue;
            }

            var shaped = responses.Select(s =>
            {
                var row = new object?[columns.Count];
                row[0] = name;
                for (var i = 0; i < ExportTexts.SurveyQuestions.Count; i++)
                {
                    var id = ExportTexts.SurveyQuestions[i].Id;
                    row[i + 1] = Value(s.Answers, id, columns[i + 1].Kind == ExportValueKind.Number);
                }

                return (IReadOnlyList<object?>)row;
            });
            rows.AddRange(shaped.OrderBy(r => string.Join("\u001f", r.Select(ExportTable.Text)), StringComparer.Ordinal));
        }

        return new ExportTable(ExportTexts.Name(ExportKind.Satisfaction), columns, rows);
    }

    /// <summary>
    /// Impact monitoring: per mentee and competency the self-assessment before (intake) and after (final),
    /// and the change; then, per competency with at least <see cref="Anonymity.Threshold"/> people measured
    /// twice, the organisation's averages.
    /// </summary>
    public static ExportTable Impact(IReadOnlyList<ImpactRecord> people, TimeZoneInfo timeZone)
    {
        ExportColumn[] columns =
        [
            new(H.FullName, ExportValueKind.Text), new(H.Competency, ExportValueKind.Text), new(H.Before, ExportValueKind.Number),
            new(H.After, ExportValueKind.Number), new(H.Change, ExportValueKind.Number), new(H.BeforeOn, ExportValueKind.Date),
            new(H.AfterOn, ExportValueKind.Date),
        ];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var person in people)
        {
            var before = ImpactMonitoring.Scores(person.Before);
            var after = ImpactMonitoring.Scores(person.After);
            foreach (var competency in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
            {
                long? first = before.TryGetValue(competency, out var b) ? b : null;
                long? second = after.TryGetValue(competency, out var a) ? a : null;
                rows.Add(
                [
                    Person(person.FullName, person.MembershipId), competency, first, second, second - first,
                    person.BeforeAt is { } at1 ? LocalDates.OfUtc(at1, timeZone) : null, person.AfterAt is { } at2 ? LocalDates.OfUtc(at2, timeZone) : null,
                ]);
            }
        }

        // The organisation's averages come from the one implementation the reports and the digest use.
        var impact = ImpactMonitoring.Compute(people.Select(p => p.Measurements));
        foreach (var aggregate in impact.Competencies.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            rows.Add([ExportTexts.AllMentees(aggregate.Respondents), aggregate.Name, Math.Round(aggregate.AverageBefore!.Value, 2),
                Math.Round(aggregate.AverageAfter!.Value, 2), Math.Round(aggregate.AverageChange!.Value, 2), null, null]);
        }

        return new ExportTable(ExportTexts.Name(ExportKind.Impact), columns, rows);
    }

    private static IReadOnlyList<object?> WithheldRow(int width, int at, string group, int answers)
    {
        var row = new object?[width];
        row[at] = ExportTexts.Withheld(group, answers);
        return row;
    }

    /// <summary>An answer as an export cell: a number for a numeric column (null when it is not an integer), else the text a card shows.</summary>
    private static object? Value(JsonObject answers, string id, bool numeric) => answers[id] switch
    {
        null => null,
        JsonValue value when numeric => value.TryGetValue<long>(out var number) ? number : null,
        _ when numeric => null,
        var node => AnswerSummary.Text(node),
    };

    private static string Person(string? fullName, long membershipId) => BanksTexts.NameOrUnnamed(fullName, membershipId);

    private static DateOnly? Date(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
