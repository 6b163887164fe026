namespace MentorBot.Domain.Organisations;

/// <summary>
/// A person's role within one organisation's programme (the methodology's participants); one person
/// may hold several. Stored as <see cref="Roles.Code"/> in <c>membership_roles.role</c>.
/// </summary>
public enum Role
{
    /// <summary>Куратор: runs the programme, sees the banks, approves pairs.</summary>
    Curator,

    /// <summary>Наставник.</summary>
    Mentor,

    /// <summary>Наставляемый.</summary>
    Mentee,

    /// <summary>Руководитель (заведующий, директор): approves the order fixing the pairs; may write notes on a mentee's needs.</summary>
    Head,

    /// <summary>
    /// Психолог (a colleague, «третьи лица», road map stage 2): sees the mentee bank and writes notes on a mentee's needs
    /// for the curator (issue 15, «сбор информации о запросах наставляемых от третьих лиц»).
    /// </summary>
    Psychologist,
}

/// <summary>Conversions of <see cref="Role"/> to stored codes and Russian names.</summary>
public static class Roles
{
    /// <summary>The stored code: curator | mentor | mentee | head | psychologist.</summary>
    public static string Code(this Role role) => role switch
    {
        Role.Curator => "curator",
        Role.Mentor => "mentor",
        Role.Mentee => "mentee",
        Role.Head => "head",
        Role.Psychologist => "psychologist",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Parses a stored or typed code (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? code, out Role role)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "curator": role = Role.Curator; return true;
            case "mentor": role = Role.Mentor; return true;
            case "mentee": role = Role.Mentee; return true;
            case "head": role = Role.Head; return true;
            case "psychologist": role = Role.Psychologist; return true;
            default: role = default; return false;
        }
    }

    /// <summary>The Russian name in the nominative («наставник»).</summary>
    public static string RussianName(this Role role) => role switch
    {
        Role.Curator => "куратор",
        Role.Mentor => "наставник",
        Role.Mentee => "наставляемый",
        Role.Head => "руководитель",
        Role.Psychologist => "психолог",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
