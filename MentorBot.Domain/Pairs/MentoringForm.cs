namespace MentorBot.Domain.Pairs;

/// <summary>
/// The methodology's mentoring form («форма наставничества»: методические рекомендации по внедрению целевой модели
/// наставничества педагогических работников, письмо Минпросвещения России от 21.12.2021 № АЗ-1128/08) that the curator
/// chooses for a pair or group at approval; stored as <see cref="MentoringForms.Code"/> in <c>pairs.form</c>.
/// </summary>
public enum MentoringForm
{
    /// <summary>«педагог – педагог» (the methodology's «учитель – учитель»).</summary>
    TeacherTeacher,

    /// <summary>«руководитель – педагог»: the mentor is the organisation's head.</summary>
    HeadTeacher,

    /// <summary>«студент – студент» (colleges).</summary>
    StudentStudent,

    /// <summary>«работодатель – студент» (colleges).</summary>
    EmployerStudent,

    /// <summary>Групповая форма: one mentor with several mentees together.</summary>
    Group,

    /// <summary>Виртуальное (дистанционное) наставничество.</summary>
    Virtual,

    /// <summary>Реверсивное наставничество: the younger teacher mentors the experienced one in their own strength.</summary>
    Reverse,

    /// <summary>Ситуационное наставничество: help with one situation when it arises.</summary>
    Situational,

    /// <summary>Краткосрочное (целеполагающее) наставничество: a few meetings towards one set goal.</summary>
    ShortTerm,

    /// <summary>Скоростное наставничество: one-off meetings with several mentors.</summary>
    Speed,

    /// <summary>Традиционная форма «один на один».</summary>
    Traditional,
}

/// <summary>Codes, Russian names and the approval suggestion of <see cref="MentoringForm"/>.</summary>
public static class MentoringForms
{
    /// <summary>Every form in the order the curator's list shows them.</summary>
    public static IReadOnlyList<MentoringForm> All { get; } =
    [
        MentoringForm.TeacherTeacher, MentoringForm.HeadTeacher, MentoringForm.Group, MentoringForm.Traditional, MentoringForm.Virtual,
        MentoringForm.ShortTerm, MentoringForm.Situational, MentoringForm.Reverse, MentoringForm.Speed,
        MentoringForm.StudentStudent, MentoringForm.EmployerStudent,
    ];

    /// <summary>The stored code (<c>pairs.form</c>, <c>organisations.mentoring_forms_off</c>).</summary>
    public static string Code(this MentoringForm form) => form switch
    {
        MentoringForm.TeacherTeacher => "teacher_teacher",
        MentoringForm.HeadTeacher => "head_teacher",
        MentoringForm.StudentStudent => "student_student",
        MentoringForm.EmployerStudent => "employer_student",
        MentoringForm.Group => "group",
        MentoringForm.Virtual => "virtual",
        MentoringForm.Reverse => "reverse",
        MentoringForm.Situational => "situational",
        MentoringForm.ShortTerm => "short_term",
        MentoringForm.Speed => "speed",
        MentoringForm.Traditional => "traditional",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>Reads a stored code; false for anything else.</summary>
    public static bool TryParse(string? code, out MentoringForm form)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() == code)
            {
                form = candidate;
                return true;
            }
        }

        form = default;
        return false;
    }

    /// <summary>The Russian name of a stored code, or the code itself when it is unknown.</summary>
    public static string RussianNameOf(string code) => TryParse(code, out var form) ? form.RussianName() : code;

    /// <summary>The Russian name as an order writes it («педагог – педагог», «групповая (…)»).</summary>
    public static string RussianName(this MentoringForm form) => form switch
    {
        MentoringForm.TeacherTeacher => PairsTexts.FormTeacherTeacher,
        MentoringForm.HeadTeacher => PairsTexts.FormHeadTeacher,
        MentoringForm.StudentStudent => PairsTexts.FormStudentStudent,
        MentoringForm.EmployerStudent => PairsTexts.FormEmployerStudent,
        MentoringForm.Group => PairsTexts.FormGroup,
        MentoringForm.Virtual => PairsTexts.FormVirtual,
        MentoringForm.Reverse => PairsTexts.FormReverse,
        MentoringForm.Situational => PairsTexts.FormSituational,
        MentoringForm.ShortTerm => PairsTexts.FormShortTerm,
        MentoringForm.Speed => PairsTexts.FormSpeed,
        MentoringForm.Traditional => PairsTexts.FormTraditional,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>
    /// The automatic form of an approved link: <see cref="MentoringForm.Group"/> when the mentor leads more than one
    /// live link (the methodology's group form), else «руководитель – педагог» when the mentor is the head,
    /// else «педагог – педагог».
    /// </summary>
    /// <param name="mentorLiveLinks">The mentor's approved or active links, this one included (≥ 1).</param>
    /// <param name="mentorIsHead">The mentor holds the head role.</param>
    public static MentoringForm ForApproval(int mentorLiveLinks, bool mentorIsHead) =>
        mentorLiveLinks > 1 ? MentoringForm.Group
        : mentorIsHead ? MentoringForm.HeadTeacher
        : MentoringForm.TeacherTeacher;

    /// <summary>
    /// What the curator is offered first at approval: <see cref="ForApproval"/> unless the organisation switched that
    /// form off, then the single-pair form, then the first form still on (<see cref="All"/> order).
    /// </summary>
    /// <param name="mentorLiveLinks">As in <see cref="ForApproval"/>.</param>
    /// <param name="mentorIsHead">As in <see cref="ForApproval"/>.</param>
    /// <param name="off">Forms the organisation switched off; never all of them (<see cref="CanSwitchOff"/>).</param>
    public static MentoringForm Suggest(int mentorLiveLinks, bool mentorIsHead, IReadOnlySet<MentoringForm> off)
    {
        var automatic = ForApproval(mentorLiveLinks, mentorIsHead);
        if (!off.Contains(automatic)) return automatic;
        var single = ForApproval(1, mentorIsHead);
        if (!off.Contains(single)) return single;
        return All.FirstOrDefault(f => !off.Contains(f), MentoringForm.TeacherTeacher);
    }

    /// <summary>The forms the organisation uses, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<MentoringForm> Enabled(IReadOnlySet<MentoringForm> off) => [.. All.Where(f => !off.Contains(f))];

    /// <summary>False when <paramref name="form"/> is the last one on: an organisation keeps at least one form.</summary>
    public static bool CanSwitchOff(MentoringForm form, IReadOnlySet<MentoringForm> off) => off.Contains(form) || Enabled(off).Count > 1;

    /// <summary>Reads stored codes (<c>organisations.mentoring_forms_off</c>), skipping unknown ones.</summary>
    public static IReadOnlySet<MentoringForm> ParseSet(IEnumerable<string> codes) =>
        codes.Select(c => TryParse(c, out var f) ? f : (MentoringForm?)null).OfType<MentoringForm>().ToHashSet();
}
