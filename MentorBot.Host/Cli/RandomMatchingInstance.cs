using MentorBot.Domain.Matching;

namespace MentorBot.Host.Cli;

/// <summary>
/// Seeded random mentor and mentee banks with realistic Russian requests, for <c>bench match</c> and for tests
/// that compare the matcher with exhaustive search. The same arguments always give the same instance.
/// </summary>
public static class RandomMatchingInstance
{
    private static readonly string[] Requests =
    [
        "работа с родителями", "планирование уроков", "дисциплина на уроке", "оценивание", "проектная деятельность",
        "инклюзивное образование", "цифровые инструменты", "классное руководство", "подготовка к ОГЭ и ЕГЭ",
        "работа с одарёнными детьми", "рабочая программа по ФГОС", "самоанализ урока",
    ];

    private static readonly string[] Subjects =
    [
        "математика", "русский язык", "история", "биология", "английский язык", "начальные классы", "физика", "информатика",
    ];

    private static readonly MeetingFormat[] Formats = Enum.GetValues<MeetingFormat>();

    /// <summary>
    /// Builds an instance. Mentors get 2–5 competencies, capacity 0…<paramref name="maxCapacity"/>, 3–30 years;
    /// mentees get 1–3 difficulties, 0–5 years and up to three preferred mentors; some mentors name up to two mentees.
    /// A small <paramref name="vocabulary"/> (requests and subjects drawn from its first entries) makes overlaps and ties common.
    /// </summary>
    /// <param name="menteeCount">Number of mentees, ≥ 0.</param>
    /// <param name="mentorCount">Number of mentors, ≥ 0.</param>
    /// <param name="seed">Seed of <see cref="Random"/>.</param>
    /// <param name="maxCapacity">Largest mentor capacity, ≥ 0.</param>
    /// <param name="vocabulary">How many distinct requests and subjects to draw from, 1…12.</param>
    public static (IReadOnlyList<MentorProfile> Mentors, IReadOnlyList<MenteeProfile> Mentees) Create(
        int menteeCount, int mentorCount, int seed, int maxCapacity = 4, int vocabulary = 12)
    {
        var random = new Random(seed);
        var requests = Requests[..Math.Clamp(vocabulary, 1, Requests.Length)];
        var subjects = Subjects[..Math.Clamp(vocabulary, 1, Subjects.Length)];
        var mentorIds = Enumerable.Range(1, mentorCount).Select(k => $"mentor-{k}").ToArray();
        var menteeIds = Enumerable.Range(1, menteeCount).Select(k => $"mentee-{k}").ToArray();

        var mentors = mentorIds.Select(id => new MentorProfile(
            id,
            Pick(random, subjects),
            Sample(random, requests, random.Next(2, 6)),
            random.Next(0, maxCapacity + 1),
            Pick(random, Formats),
            random.Next(3, 31),
            random.Next(3) == 0 ? Sample(random, menteeIds, random.Next(1, 3)) : [])).ToList();

        var mentees = menteeIds.Select(id => new MenteeProfile(
            id,
            Pick(random, subjects),
            Sample(random, requests, random.Next(1, 4)),
            Pick(random, Formats),
            random.Next(0, 6),
            Sample(random, mentorIds, random.Next(0, 4)))).ToList();

        return (mentors, mentees);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string[] Sample(Random random, string[] items, int count)
    {
        var copy = (string[])items.Clone();
        random.Shuffle(copy);
        return copy[..Math.Min(count, copy.Length)];
    }
}
