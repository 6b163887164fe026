namespace MentorBot.Domain.Meetings;

/// <summary>How a meeting took place. A message that does not say leaves it unknown (<c>null</c>).</summary>
public enum MeetingFormat
{
    /// <summary>Face to face («очно», «лично», «вживую»).</summary>
    InPerson,

    /// <summary>At a distance: video call, Zoom, Сферум, phone («онлайн», «дистанционно», «по телефону»).</summary>
    Online,
}
