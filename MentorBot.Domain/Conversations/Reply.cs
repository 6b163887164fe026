using System.Text;

namespace MentorBot.Domain.Conversations;

/// <summary>
/// A message a flow wants to send, independent of the messenger (DESIGN.md decision 2).
/// The messenger adapter renders it (Telegram: inline keyboard, HTML, 4096-character split).
/// </summary>
/// <param name="Text">The message text. Plain text unless <paramref name="IsHtml"/>; never empty.</param>
/// <param name="Choices">Rows of buttons under the message; empty for none.</param>
/// <param name="IsHtml">True when <paramref name="Text"/> is already HTML of the Bot API's subset (b, i, u, s, a, code, pre, blockquote) with user data escaped by <see cref="Html.Escape"/>.</param>
public sealed record Reply(string Text, IReadOnlyList<IReadOnlyList<Choice>> Choices, bool IsHtml = false)
{
    /// <summary>The maximum length of a choice's data in UTF-8 bytes (Bot API: callback_data is 1–64 bytes).</summary>
    public const int MaxChoiceDataBytes = 64;

    /// <summary>A plain-text reply without buttons.</summary>
    public static Reply Plain(string text) => new(text, []);

    /// <summary>A plain-text reply with one button per row.</summary>
    public static Reply WithChoices(string text, params Choice[] choices) => new(text, choices.Select(c => (IReadOnlyList<Choice>)[c]).ToArray());

    /// <summary>An HTML reply (see <see cref="IsHtml"/>).</summary>
    public static Reply Formatted(string html, IReadOnlyList<IReadOnlyList<Choice>>? choices = null) => new(html, choices ?? [], true);
}

/// <summary>A button under a reply: pressing it sends <see cref="Data"/> back as a <see cref="ChoiceInput"/>.</summary>
/// <param name="Label">What the person reads on the button.</param>
/// <param name="Data"><c>feature:action[:id]</c>, at most <see cref="Reply.MaxChoiceDataBytes"/> UTF-8 bytes (a Cyrillic letter is 2).</param>
public sealed record Choice(string Label, string Data)
{
    /// <summary>True when <see cref="Data"/> fits the Bot API's 1–64-byte callback_data limit.</summary>
    public bool HasValidData => Data.Length > 0 && Encoding.UTF8.GetByteCount(Data) <= Reply.MaxChoiceDataBytes;
}

/// <summary>HTML escaping for the Bot API's HTML parse mode.</summary>
public static class Html
{
    /// <summary>Escapes <c>&amp;</c> first, then <c>&lt;</c>, <c>&gt;</c> and <c>"</c> (Bot API, "HTML style").</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
