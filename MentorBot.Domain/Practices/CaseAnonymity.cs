using System.Text.RegularExpressions;

namespace MentorBot.Domain.Practices;

/// <summary>A person a case names: their name, whether their publication consent is in force, and what stands in for them otherwise.</summary>
/// <param name="Name">The full name, or null when unknown (erased).</param>
/// <param name="PublicationConsent">The consent to publish personal data is in force (152-ФЗ ст. 10.1).</param>
/// <param name="Placeholder">What the case says instead («наставник», «молодой педагог»).</param>
public sealed record CasePerson(string? Name, bool PublicationConsent, string Placeholder)
{
    /// <summary>The name when it may be shown, else the placeholder.</summary>
    public string Display => PublicationConsent && !string.IsNullOrWhiteSpace(Name) ? Name! : Placeholder;
}

/// <summary>
/// Anonymisation of the practice library (152-ФЗ ст. 10.1: personal data are made available to everyone only with the
/// person's separate consent to publication): a case shows a person's name only when their publication consent is in
/// force; otherwise their name is replaced by a placeholder — also where the free text mentions it, in any case ending.
/// </summary>
public static partial class CaseAnonymity
{
    /// <summary>
    /// <paramref name="text"/> with every word that begins with a name part (surname, first name, patronymic; ≥ 3 letters)
    /// of a person without consent replaced by that person's placeholder. A part loses its last letters before matching
    /// (one of 4–5 letters, two of 6 or more) so that inflected forms go too («Иванов» → «Иванову», «Игорь» → «Игоря»);
    /// a full name in a row becomes one placeholder.
    /// </summary>
    public static string Scrub(string text, IEnumerable<CasePerson> people)
    {
        foreach (var person in people)
        {
            if (person.PublicationConsent || string.IsNullOrWhiteSpace(person.Name)) continue;
            foreach (var part in Words().Matches(person.Name).Select(m => m.Value).Where(w => w.Length >= 3))
            {
                var stem = part.Length >= 6 ? part[..^2] : part.Length >= 4 ? part[..^1] : part;
                text = Regex.Replace(text, @"(?<!\w)" + Regex.Escape(stem) + @"\w*", person.Placeholder, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            }

            // «Иванов Игорь» is one person: one placeholder, not two.
            var placeholder = Regex.Escape(person.Placeholder);
            text = Regex.Replace(text, placeholder + @"(?:\s+" + placeholder + ")+", person.Placeholder);
        }

        return text;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
