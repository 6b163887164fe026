using MentorBot.Domain.Meetings;
using static MentorBot.Domain.Meetings.MeetingFormat;
using static MentorBot.Domain.Meetings.MeetingKind;

namespace MentorBot.Tests.Meetings;

/// <summary>
/// Hand-written meeting messages as mentors write them, with what the parser must read.
/// «Today» is Thursday 19 March 2026 unless a row says otherwise, so: Wed = 18, Tue = 17, Mon = 16,
/// Sun = 15, Sat = 14, Fri = 13.
/// </summary>
public static class MeetingMessageCorpus
{
    public const string Today = "2026-03-19";

    /// <summary>text, today, date, minutes, kind, format, topic.</summary>
    public static TheoryData<string, string, string?, int?, MeetingKind, MeetingFormat?, string?> Logs => new()
    {
        // The examples of issue 6.
        { "Встретились сегодня, 45 минут, тема: самоанализ урока", Today, "2026-03-19", 45, Regular, null, "самоанализ урока" },
        { "14.03 пробная встреча по видеосвязи 1,5 часа — посетили урок", Today, "2026-03-14", 90, Trial, Online, "посетили урок" },
        { "вчера час очно, готовились к педсовету", Today, "2026-03-18", 60, Regular, InPerson, "готовились к педсовету" },
        { "в четверг минут 30 по телефону про родительское собрание", Today, "2026-03-19", 30, Regular, Online, "родительское собрание" },

        // Relative days.
        { "Сегодня 40 минут, разбирали технологическую карту урока", Today, "2026-03-19", 40, Regular, null, "разбирали технологическую карту урока" },
        { "позавчера 50 мин очно анализ контрольной работы", Today, "2026-03-17", 50, Regular, InPerson, "анализ контрольной работы" },
        { "ВЧЕРА ПОЛТОРА ЧАСА ОНЛАЙН. ТЕМА: ПОРТФОЛИО", Today, "2026-03-18", 90, Regular, Online, "ПОРТФОЛИО" },
        { "вчера вечером созвонились минут на 20, обсудили рабочую программу", Today, "2026-03-18", 20, Regular, Online, "рабочая программа" },
        // After «обсудили» the topic is shown in the nominative; a trailing «созванивались» is not a topic (issue 17).
        { "вчера 40 минут обсудили подготовку к ОГЭ, созванивались", Today, "2026-03-18", 40, Regular, Online, "подготовка к ОГЭ" },
        { "вчера час, обсуждали новую методику, общались очно", Today, "2026-03-18", 60, Regular, InPerson, "новая методика" },
        { "встреча завтра, 40 минут", Today, "2026-03-20", 40, Regular, null, null },

        // Weekdays in any case; today's weekday is today.
        { "в среду 45 минут очно, классное руководство", Today, "2026-03-18", 45, Regular, InPerson, "классное руководство" },
        { "во вторник провели встречу 40 мин", Today, "2026-03-17", 40, Regular, null, null },
        { "В понедельник час, дисциплина на уроке", Today, "2026-03-16", 60, Regular, null, "дисциплина на уроке" },
        { "в пятницу полчаса по зуму: оформление журнала", Today, "2026-03-13", 30, Regular, Online, "оформление журнала" },
        { "в субботу 2 часа очно, подготовка к олимпиаде", Today, "2026-03-14", 120, Regular, InPerson, "подготовка к олимпиаде" },
        { "в воскресенье созвонились на 15 минут", Today, "2026-03-15", 15, Regular, Online, null },
        { "Четверг, 35 минут, работа с родителями", Today, "2026-03-19", 35, Regular, null, "работа с родителями" },
        { "в прошлый четверг 40 минут очно", Today, "2026-03-12", 40, Regular, InPerson, null },
        { "в прошлую среду час онлайн", Today, "2026-03-11", 60, Regular, Online, null },
        { "среда, 1 час, тема — рефлексия на уроке", Today, "2026-03-18", 60, Regular, null, "рефлексия на уроке" },
        { "в четверг 40 минут", "2026-03-23", "2026-03-19", 40, Regular, null, null },

        // Numeric and word dates.
        { "12.03 40 минут очно", Today, "2026-03-12", 40, Regular, InPerson, null },
        { "12.03.2026 встреча 1 час, тема: ФГОС", Today, "2026-03-12", 60, Regular, null, "ФГОС" },
        { "12.03.26 - 45 мин, дистанционно", Today, "2026-03-12", 45, Regular, Online, null },
        { "12 марта провели пробную встречу, 40 минут", Today, "2026-03-12", 40, Trial, null, null },
        { "12 марта 2026 г. итоговая встреча 2 часа", Today, "2026-03-12", 120, Final, null, null },
        { "5 марта 2026 года, 1ч 15мин, очно, составление отчета", Today, "2026-03-05", 75, Regular, InPerson, "составление отчета" },
        { "03.02 — знакомство, 30 мин", Today, "2026-02-03", 30, Organizational, null, null },
        { "1 сентября организационная встреча 45 минут", "2026-09-10", "2026-09-01", 45, Organizational, null, null },
        { "28.12 итоговая, час", "2026-01-10", "2025-12-28", 60, Final, null, null },
        { "25.03 40 минут очно", Today, "2026-03-25", 40, Regular, InPerson, null },
        { "31.02 встреча 40 минут", Today, null, 40, Regular, null, null },
        { "12/03 час онлайн", Today, "2026-03-12", 60, Regular, Online, null },
        { "10 мар 30 мин", Today, "2026-03-10", 30, Regular, null, null },

        // Durations.
        { "вчера 40 минут", Today, "2026-03-18", 40, Regular, null, null },
        { "вчера 40 мин.", Today, "2026-03-18", 40, Regular, null, null },
        { "вчера 40мин", Today, "2026-03-18", 40, Regular, null, null },
        { "вчера минут 40", Today, "2026-03-18", 40, Regular, null, null },
        { "вчера 1,5 часа", Today, "2026-03-18", 90, Regular, null, null },
        { "вчера 1.5 ч", Today, "2026-03-18", 90, Regular, null, null },
        { "вчера полтора часа", Today, "2026-03-18", 90, Regular, null, null },
        { "вчера час", Today, "2026-03-18", 60, Regular, null, null },
        { "вчера 2ч", Today, "2026-03-18", 120, Regular, null, null },
        { "вчера 1ч 15мин", Today, "2026-03-18", 75, Regular, null, null },
        { "вчера 1ч15м", Today, "2026-03-18", 75, Regular, null, null },
        { "вчера 2 часа 30 минут", Today, "2026-03-18", 150, Regular, null, null },
        { "вчера полчаса", Today, "2026-03-18", 30, Regular, null, null },
        { "вчера пол часа", Today, "2026-03-18", 30, Regular, null, null },
        { "вчера сорок пять минут", Today, "2026-03-18", 45, Regular, null, null },
        { "вчера двадцать минут", Today, "2026-03-18", 20, Regular, null, null },
        { "вчера пятнадцать минут", Today, "2026-03-18", 15, Regular, null, null },
        { "вчера шестьдесят минут", Today, "2026-03-18", 60, Regular, null, null },
        { "вчера минут сорок", Today, "2026-03-18", 40, Regular, null, null },
        { "вчера часа два", Today, "2026-03-18", 120, Regular, null, null },
        { "вчера два с половиной часа", Today, "2026-03-18", 150, Regular, null, null },
        { "вчера час сорок", Today, "2026-03-18", 100, Regular, null, null },
        { "вчера около часа", Today, "2026-03-18", 60, Regular, null, null },
        { "вчера 30-40 минут", Today, "2026-03-18", 35, Regular, null, null },
        { "вчера с 15:00 до 15:45 очно", Today, "2026-03-18", 45, Regular, InPerson, null },
        { "вчера в 15:00, 40 минут", Today, "2026-03-18", 40, Regular, null, null },
        { "вчера в 3 часа встретились, тема: самообразование", Today, "2026-03-18", null, Regular, null, "самообразование" },
        { "вчера 10 часов", Today, "2026-03-18", 600, Regular, null, null },
        { "вчера 3 минуты", Today, "2026-03-18", 3, Regular, null, null },

        // Kinds.
        { "Первая встреча, знакомство, вчера 40 минут", Today, "2026-03-18", 40, Organizational, null, null },
        { "провели организационную встречу сегодня 30 мин", Today, "2026-03-19", 30, Organizational, null, null },
        { "сегодня планирование, 1 час, составили план на полугодие", Today, "2026-03-19", 60, Planning, null, "составили план на полугодие" },
        { "встреча по планированию вчера 45 минут", Today, "2026-03-18", 45, Planning, null, null },
        { "заключительная встреча сегодня, 1,5 часа, подвели итоги года", Today, "2026-03-19", 90, Final, null, "подвели итоги года" },
        { "сегодня подвели итоги, 40 минут", Today, "2026-03-19", 40, Final, null, null },
        { "сегодня 40 минут, планирование уроков на четверть", Today, "2026-03-19", 40, Regular, null, "планирование уроков на четверть" },
        { "вчера 45 минут: подготовка к итоговой аттестации", Today, "2026-03-18", 45, Regular, null, "подготовка к итоговой аттестации" },
        { "вчера 45 минут, тема: подготовка к пробной встрече с родителями", Today, "2026-03-18", 45, Regular, null, "подготовка к пробной встрече с родителями" },
        { "вчера час, первая четверть и её итоги", Today, "2026-03-18", 60, Regular, null, "первая четверть и её итоги" },

        // Formats.
        { "сегодня 40 минут очная встреча", Today, "2026-03-19", 40, Regular, InPerson, null },
        { "сегодня 40 минут лично", Today, "2026-03-19", 40, Regular, InPerson, null },
        { "сегодня 40 минут в Zoom", Today, "2026-03-19", 40, Regular, Online, null },
        { "сегодня 40 минут в зуме", Today, "2026-03-19", 40, Regular, Online, null },
        { "сегодня 40 минут в Сферуме, тема: электронный журнал", Today, "2026-03-19", 40, Regular, Online, "электронный журнал" },
        { "сегодня 40 минут дистанционно", Today, "2026-03-19", 40, Regular, Online, null },
        { "сегодня 40 минут в формате онлайн", Today, "2026-03-19", 40, Regular, Online, null },
        { "сегодня онлайн-встреча 40 минут", Today, "2026-03-19", 40, Regular, Online, null },
        { "сегодня 40 минут, разбирали видео урока", Today, "2026-03-19", 40, Regular, null, "разбирали видео урока" },

        // Typos, Latin look-alikes, odd punctuation.
        { "вчера 40 минт очно", Today, "2026-03-18", 40, Regular, InPerson, null },
        { "вчера 2 чaса онлаин", Today, "2026-03-18", 120, Regular, Online, null },
        { "сегодня пробнная встреча 30 мин", Today, "2026-03-19", 30, Trial, null, null },
        { "сегодня в зуме полтора часа!!!", Today, "2026-03-19", 90, Regular, Online, null },
        { "СегоднЯ,45минут,Очно,Тема:Проектная деятельность", Today, "2026-03-19", 45, Regular, InPerson, "Проектная деятельность" },
        { "  вчера   —   час ,  по видеосвязи ;  работа с   одарёнными детьми  ", Today, "2026-03-18", 60, Regular, Online, "работа с одарёнными детьми" },
        { "итоговоя встреча вчера 1 час", Today, "2026-03-18", 60, Final, null, null },
        { "в четверк 40 минут", Today, "2026-03-19", 40, Regular, null, null },
        { "12 марат 40 минут", Today, "2026-03-12", 40, Regular, null, null },
        { "сегодня дистанционо 40 минут", Today, "2026-03-19", 40, Regular, Online, null },

        // Missing parts and topic shapes.
        { "встретились с наставляемой, обсудили план работы", Today, null, null, Regular, null, "план работы" },
        { "провели встречу с Анной Петровной сегодня, обсуждали портфолио", Today, "2026-03-19", null, Regular, null, "портфолио" },
        { "Добрый день! Вчера встретились с Ивановой М.П., 40 минут, говорили о проблемах дисциплины", Today, "2026-03-18", 40, Regular, null, "проблемах дисциплины" },
        { "очно, 45 минут, на тему «Современный урок»", Today, null, 45, Regular, InPerson, "Современный урок" },
        { "тема встречи: адаптация молодого специалиста. вчера, 50 минут", Today, "2026-03-18", 50, Regular, null, "адаптация молодого специалиста" },
        { "Пробная встреча", Today, null, null, Trial, null, null },
        { "провели рабочую встречу вчера, 40 минут", Today, "2026-03-18", 40, Regular, null, null },
        { "Вчера встретились на 40 минут в 9:00", Today, "2026-03-18", 40, Regular, null, null },
        { "вчера часик по скайпу", Today, "2026-03-18", 60, Regular, Online, null },
        { "Встреча с наставляемой 17.03.2026 (40 мин.), тема «Оценивание»", Today, "2026-03-17", 40, Regular, null, "Оценивание" },
        { "пробнная встреча в сферуме 1.5ч тема - анализ урока", Today, null, 90, Trial, Online, "анализ урока" },
        { "онлайн 1 час 20 минут вчера", Today, "2026-03-18", 80, Regular, Online, null },
        { "Вчера созвон 15 мин", Today, "2026-03-18", 15, Regular, Online, null },
        { "Вчера пробная 40 минут, итоговая контрольная", Today, "2026-03-18", 40, Trial, null, "итоговая контрольная" },
        { "Сегодня посетили урок математики в 5Б, потом разбор 40 минут", Today, "2026-03-19", 40, Regular, null, "посетили урок математики в 5Б, потом разбор" },
    };

    /// <summary>Messages that are clearly not a meeting log: the bot answers with a short help.</summary>
    public static TheoryData<string> NotLogs => new()
    {
        "Привет",
        "привет!",
        "Добрый день!",
        "как дела?",
        "Спасибо!",
        "ок",
        "",
        "   ",
        "/start",
        "Когда следующая встреча?",
        "Как записать встречу за вчера?",
        "Сегодня не получилось встретиться",
        "встречу перенесли на пятницу",
        "Подскажите, где найти анкету",
        "👍",
    };
}
