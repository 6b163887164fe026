namespace MentorBot.Domain.Matching;

/// <summary>
/// How a person can meet: in person, online, or either. The questionnaires' field is called «форма»
/// («очно» / «дистанционно» / «любой»); it is not the methodology's mentoring form
/// («педагог – педагог» …), which a pair gets only on approval, hence a different name here.
/// </summary>
public enum MeetingFormat
{
    /// <summary>«очно»: meetings in person only.</summary>
    InPerson,

    /// <summary>«дистанционно»: meetings online only.</summary>
    Remote,

    /// <summary>«любой»: either way suits this person.</summary>
    Any,
}

/// <summary>Rules on <see cref="MeetingFormat"/>: compatibility and the Russian labels users type.</summary>
public static class MeetingFormats
{
    /// <summary>
    /// True when two people can meet: the same format, or at least one of them accepts either.
    /// </summary>
    public static bool AreCompatible(MeetingFormat mentor, MeetingFormat mentee) =>
        mentor == mentee || mentor == MeetingFormat.Any || mentee == MeetingFormat.Any;

    /// <summary>
    /// Reads a label of <see cref="MatchingTexts.FormatLabel"/> («очно», «дистанционно», «любой») or the questionnaire's
    /// answer <see cref="MatchingTexts.AnyFormatAnswer"/>, ignoring case and surrounding or repeated whitespace.
    /// Returns false for anything else.
    /// </summary>
    public static bool TryParse(string? label, out MeetingFormat format)
    {
        var key = MatchingText.Normalize(label);
        if (key == MatchingTexts.AnyFormatAnswer)
        {
            format = MeetingFormat.Any;
            return true;
        }

        foreach (var candidate in Enum.GetValues<MeetingFormat>())
        {
            if (MatchingText.Normalize(MatchingTexts.FormatLabel(candidate)) == key)
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}
