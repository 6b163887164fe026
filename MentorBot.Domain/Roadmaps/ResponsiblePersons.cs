namespace MentorBot.Domain.Roadmaps;

/// <summary>
/// Splits a «Ответственный» cell into persons. Documents separate them by commas, semicolons, line
/// breaks, or only by a capitalised position word («Заведующий ДОУ Старший воспитатель» is two).
/// </summary>
internal static class ResponsiblePersons
{
    // Capitalised words that open a position in Russian school staffing; a name («Иванова») or an
    // abbreviation («ДОУ», «УВР») does not start a new person.
    private static readonly HashSet<string> PositionWords = new(StringComparer.Ordinal)
    {
        "Директор", "Заместитель", "Зам.", "Заведующий", "Заведующая", "Старший", "Старшая", "Воспитатель", "Воспитатели",
        "Руководитель", "Руководители", "Рук.", "Куратор", "Кураторы", "Педагог", "Педагоги", "Педагог-психолог", "Учитель", "Учителя",
        "Методист", "Методисты", "Председатель", "Социальный", "Музыкальный", "Инструктор", "Специалист", "Преподаватель",
        "Преподаватели", "Мастер", "Наставник", "Наставники", "Секретарь", "Главный", "Советник", "Администрация",
        "Классный", "Классные", "Психолог", "Логопед", "Учитель-логопед", "Тьютор", "Библиотекарь",
    };

    /// <summary>The persons in order, deduplicated (case-insensitive), as written.</summary>
    public static IReadOnlyList<string> Split(string cell)
    {
        var persons = new List<string>();
        foreach (var part in cell.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var current = new List<string>();
            foreach (var word in part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (current.Count > 0 && PositionWords.Contains(word))
                {
                    persons.Add(string.Join(' ', current));
                    current.Clear();
                }

                current.Add(word);
            }

            if (current.Count > 0)
            {
                persons.Add(string.Join(' ', current));
            }
        }

        return persons
            .DistinctBy(person => person.ToLowerInvariant())
            .ToList();
    }
}
