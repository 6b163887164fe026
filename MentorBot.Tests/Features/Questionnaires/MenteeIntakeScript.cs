namespace MentorBot.Tests.Features.Questionnaires;

/// <summary>
/// One way through the mentee intake (18 questions) as a teacher answers it in chat — typed texts and pressed button
/// labels, each with the start of the one message that follows it. The Telegram and the MAX end-to-end tests walk it alike.
/// </summary>
public static class MenteeIntakeScript
{
    /// <summary>The first question, asked once the personal-data consent is given.</summary>
    public const string FirstQuestion = "1 из 18. Ваши фамилия, имя и отчество полностью.";

    /// <summary>The full name the script gives.</summary>
    public const string FullName = "Сидорова Мария Ивановна";

    /// <summary>One answer.</summary>
    /// <param name="Answer">The text typed, or the label of the button pressed.</param>
    /// <param name="IsPress">True for a button press.</param>
    /// <param name="Next">How the message that follows starts (the next question, or the same one drawn again).</param>
    /// <param name="Ticked">A label the keyboard that follows shows ticked (<c>✓ …</c>), or null.</param>
    public sealed record Step(string Answer, bool IsPress, string Next, string? Ticked = null);

    /// <summary>The answers in order; the last one's message thanks the teacher.</summary>
    public static IReadOnlyList<Step> Steps { get; } =
    [
        new(FullName, false, "2 из 18. Ваша должность"),
        new("учитель русского языка", false, "3 из 18. Предмет или направление"),
        new("русский язык и литература", false, "4 из 18. Ваш педагогический стаж"),
        new("1", false, "5 из 18. Какие профессиональные затруднения"),
        new("работа с родителями", true, "5 из 18. Какие профессиональные затруднения", "✓ работа с родителями"),
        new("Готово", true, "6 из 18. Какая форма наставничества вам удобнее?"),
        new("индивидуальная", true, "7 из 18. Как вам удобнее встречаться?"),
        new("очно", true, "8 из 18. Чего вы ждёте от наставничества?"),
        new("Научиться спокойно говорить с родителями", false, "9 из 18. Самооценка"),
        .. Enumerable.Range(10, 9).Select(n => new Step("6", true, $"{n} из 18. Самооценка")),
        new("8", true, "Спасибо! Все ответы записаны: Анкета наставляемого."),
    ];
}
