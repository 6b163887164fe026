using System.Text;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Tests.Roadmaps;

public class RoadMapDocumentTextTests
{
    private const string Sample = "№\tЭтап\tСроки\n1\tПодготовка условий\tсентябрь";

    [Fact]
    public void Utf8_with_a_bom_is_read_without_it() =>
        RoadMapDocumentText.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)]).Should().Be(new TextDecoding(Sample, null, 0));

    [Fact]
    public void Windows_1251_from_word_is_read_as_russian_text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        RoadMapDocumentText.Decode(Encoding.GetEncoding(1251).GetBytes(Sample)).Text.Should().Be(Sample);
    }

    [Fact]
    public void Utf16_with_a_bom_is_read() =>
        RoadMapDocumentText.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)]).Text.Should().Be(Sample);

    [Fact]
    public void A_nul_byte_is_a_binary_file_with_its_line() =>
        RoadMapDocumentText.Decode([.. "a\nb\n"u8.ToArray(), 0, 1]).Should().Be(new TextDecoding(null, TextDecodingProblem.Binary, 3));

    [Fact]
    public void Latin_1_text_is_neither_utf8_nor_russian() =>
        RoadMapDocumentText.Decode(Encoding.Latin1.GetBytes("caf\u00e9 \u00fcber alles")).Problem.Should().Be(TextDecodingProblem.UnknownEncoding);
}
