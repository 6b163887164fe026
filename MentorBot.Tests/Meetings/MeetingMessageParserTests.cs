using MentorBot.Domain.Meetings;

namespace MentorBot.Tests.Meetings;

public class MeetingMessageParserTests
{
    [Theory]
    [MemberData(nameof(MeetingMessageCorpus.Logs), MemberType = typeof(MeetingMessageCorpus))]
    public void Reads_a_meeting_message(string text, string today, string? date, int? minutes, MeetingKind kind, MeetingFormat? format, string? topic)
    {
        var draft = MeetingMessageParser.Parse(text, DateOnly.Parse(today));

        draft.Should().Be(new MeetingDraft(date is null ? null : DateOnly.Parse(date), minutes, kind, format, topic));
        MeetingMessageParser.IsLikelyMeetingLog(text).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(MeetingMessageCorpus.NotLogs), MemberType = typeof(MeetingMessageCorpus))]
    public void Tells_a_message_that_is_not_a_meeting_log(string text)
    {
        MeetingMessageParser.IsLikelyMeetingLog(text).Should().BeFalse();
    }

    [Fact]
    public void A_question_stating_date_and_duration_is_still_a_log()
    {
        MeetingMessageParser.IsLikelyMeetingLog("Встретились вчера на 40 минут, так записать?").Should().BeTrue();
    }

    [Fact]
    public void Corpus_is_large_enough()
    {
        (((IEnumerable<object[]>)MeetingMessageCorpus.Logs).Count() + ((IEnumerable<object[]>)MeetingMessageCorpus.NotLogs).Count()).Should().BeGreaterThanOrEqualTo(80);
    }

    [Fact]
    public void Odd_text_never_throws()
    {
        foreach (var text in new[] { "", "?", "99999999999999999999999 минут", "1.2.3.4.5", "с до", "час", "—", "тема:", "12 марта 99999", "в" })
        {
            var parse = () => MeetingMessageParser.Parse(text, new DateOnly(2026, 3, 19));
            parse.Should().NotThrow(text);
        }
    }
}
