namespace MentorBot.Domain.Meetings;

/// <summary>
/// The kind of a mentoring meeting, as stage 6 of the road maps lists them («организационная
/// (знакомство), пробная, планирование, регулярная, итоговая»).
/// </summary>
public enum MeetingKind
{
    /// <summary>The first, organizational meeting («знакомство», «организационная», «первая встреча»).</summary>
    Organizational,

    /// <summary>The trial meeting («пробная»).</summary>
    Trial,

    /// <summary>The meeting where the pair draws up its plan («планирование»).</summary>
    Planning,

    /// <summary>Any ordinary working meeting; the default when the message names no kind.</summary>
    Regular,

    /// <summary>The closing meeting («итоговая», «заключительная»).</summary>
    Final,
}
