namespace MentorBot.Domain.Pairs;

/// <summary>
/// The methodology's mentoring form («форма наставничества», целевая модель наставничества) a pair gets on
/// approval; stored as <see cref="MentoringForms.Code"/> in <c>pairs.form</c>.
/// </summary>
public enum MentoringForm
{
    /// <summary>«педагог – педагог».</summary>
    TeacherTeacher,

    /// <summary>«руководитель – педагог»: the mentor is the organisation's head.</summary>
    HeadTeacher,

    /// <summary>«студент – студент» (colleges).</summary>
    StudentStudent,

    /// <summary>«работодатель – студент» (colleges).</summary>
    EmployerStudent,

    /// <summary>Групповая форма: one mentor with several mentees.</summary>
    Group,
}

/// <summary>Codes, Russian names and the approval rule of <see cref="MentoringForm"/>.</summary>
public static class MentoringForms
{
    /// <summary>The stored code (<c>pairs.form</c>).</summary>
    public static string Code(this MentoringForm form) => form switch
    {
        MentoringForm.TeacherTeacher => "teacher_teacher",
        MentoringForm.HeadTeacher => "head_teacher",
        MentoringForm.StudentStudent => "student_student",
        MentoringForm.EmployerStudent => "employer_student",
        MentoringForm.Group => "group",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>Reads a stored code; false for anything else.</summary>
    public static bool TryParse(string? code, out MentoringForm form)
    {
        foreach (var candidate in Enum.GetValues<MentoringForm>())
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

    /// <summary>The Russian name as an order writes it («педагог – педагог», «групповая»).</summary>
    public static string RussianName(this MentoringForm form) => form switch
    {
        MentoringForm.TeacherTeacher => PairsTexts.FormTeacherTeacher,
        MentoringForm.HeadTeacher => PairsTexts.FormHeadTeacher,
        MentoringForm.StudentStudent => PairsTexts.FormStudentStudent,
        MentoringForm.EmployerStudent => PairsTexts.FormEmployerStudent,
        MentoringForm.Group => PairsTexts.FormGroup,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>
    /// The form of an approved link: <see cref="MentoringForm.Group"/> when the mentor leads more than one
    /// live link (the methodology's group form), else «руководитель – педагог» when the mentor is the head,
    /// else «педагог – педагог».
    /// </summary>
    /// <param name="mentorLiveLinks">The mentor's approved or active links, this one included (≥ 1).</param>
    /// <param name="mentorIsHead">The mentor holds the head role.</param>
    public static MentoringForm ForApproval(int mentorLiveLinks, bool mentorIsHead) =>
        mentorLiveLinks > 1 ? MentoringForm.Group
        : mentorIsHead ? MentoringForm.HeadTeacher
        : MentoringForm.TeacherTeacher;
}
