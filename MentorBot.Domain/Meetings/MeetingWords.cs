namespace MentorBot.Domain.Meetings;

/// <summary>
/// The vocabulary of meeting messages: what mentors write for dates, durations, kinds and formats,
/// and the filler words that carry no topic. Matching rules (typos, short words) are on
/// <see cref="Keyword"/>; plain sets here are compared after normalisation, without typos, because
/// a filler mistaken for a content word only costs a slightly longer topic.
/// </summary>
internal static class MeetingWords
{
    private const string AdjectiveEndings = "ая|ой|ую|ое|ый|ом|ые|ых|ого|ая";

    public static readonly Keyword Today = Keyword.Of("сегодня");
    public static readonly Keyword Yesterday = Keyword.Exact("вчера"); // «вечера» is one typo away
    public static readonly Keyword DayBeforeYesterday = Keyword.Of("позавчера");
    public static readonly Keyword Tomorrow = Keyword.Exact("завтра");

    /// <summary>Weekday names in the cases mentors use («в среду», «во вторник», «среда»), Monday first.</summary>
    public static readonly (Keyword Word, DayOfWeek Day)[] Weekdays =
    [
        (Keyword.Of("понедельник", "|а"), DayOfWeek.Monday),
        (Keyword.Of("вторник", "|а"), DayOfWeek.Tuesday),
        (Keyword.Exact("среда", "среду", "среды"), DayOfWeek.Wednesday), // «среди» is one typo away
        (Keyword.Of("четверг", "|а"), DayOfWeek.Thursday),
        (Keyword.Of("пятниц", "а|у|ы"), DayOfWeek.Friday),
        (Keyword.Of("суббот", "а|у|ы"), DayOfWeek.Saturday),
        (Keyword.Of("воскресенье", "|я"), DayOfWeek.Sunday),
    ];

    /// <summary>Month names (genitive as in «12 марта», nominative, common abbreviations), January first.</summary>
    public static readonly Keyword[] Months =
    [
        Keyword.Forms("января", "январь", "янв"),
        Keyword.Forms("февраля", "февраль", "фев", "февр"),
        Keyword.Forms("марта", "март", "мар"),
        Keyword.Forms("апреля", "апрель", "апр"),
        Keyword.Exact("мая", "май"),
        Keyword.Forms("июня", "июнь", "июн"),
        Keyword.Forms("июля", "июль", "июл"),
        Keyword.Forms("августа", "август", "авг"),
        Keyword.Forms("сентября", "сентябрь", "сен", "сент"),
        Keyword.Forms("октября", "октябрь", "окт"),
        Keyword.Forms("ноября", "ноябрь", "ноя", "нояб"),
        Keyword.Forms("декабря", "декабрь", "дек"),
    ];

    public static readonly Keyword YearWord = Keyword.Exact("г", "год", "года", "гг");

    /// <summary>Words that may stand before a weekday and belong to the date («в прошлую среду»).</summary>
    public static readonly HashSet<string> BeforeWeekday = ["в", "во", "на", "этот", "эту", "это", "этой"];

    /// <summary>«прошлый четверг» on a Thursday means a week ago, not today.</summary>
    public static readonly HashSet<string> LastWeek = ["прошлый", "прошлую", "прошлое", "прошлой", "прошедший", "прошедшую"];

    public static readonly Keyword MinuteUnit = Keyword.Forms("минут", "минута", "минуты", "минуту", "минутки", "минуток", "минутку", "мин");
    public static readonly Keyword MinuteLetter = Keyword.Exact("м");
    public static readonly Keyword HourUnit = Keyword.Forms("час", "часа", "часов", "часу", "часик", "часика", "ч");

    /// <summary>Hour forms that may come before their number in an approximation («часа два»); «час сорок» is 1 h 40 min.</summary>
    public static readonly Keyword HourUnitPlural = Keyword.Forms("часа", "часов", "часика");

    /// <summary>«час», «часик», «около часа» with no number: one hour.</summary>
    public static readonly Keyword OneHour = Keyword.Exact("час", "часа", "часик", "часок");

    public static readonly Keyword HalfHour = Keyword.Forms("полчаса", "получаса");
    public static readonly Keyword HalfPrefix = Keyword.Exact("пол");
    public static readonly Keyword OneAndHalf = Keyword.Forms("полтора", "полторы");
    public static readonly Keyword With = Keyword.Exact("с", "со");
    public static readonly Keyword Halves = Keyword.Forms("половиной");
    public static readonly Keyword Until = Keyword.Exact("до", "по");

    /// <summary>Words before a clock time that make it a time of day, not a duration («в 15:00», «в 3 часа»).</summary>
    public static readonly HashSet<string> BeforeClockTime = ["в", "во", "к", "после", "около", "до"];

    /// <summary>Number words up to sixty, in the forms that come before «минут»/«часа».</summary>
    public static readonly (Keyword Word, int Value)[] Units =
    [
        (Keyword.Exact("один", "одна", "одну", "одной"), 1),
        (Keyword.Exact("два", "две", "двух"), 2),
        (Keyword.Exact("три", "трех"), 3),
        (Keyword.Forms("четыре", "четырех"), 4),
        (Keyword.Exact("пять", "пяти"), 5),
        (Keyword.Forms("шесть", "шести"), 6),
        (Keyword.Exact("семь", "семи"), 7),
        (Keyword.Forms("восемь", "восьми"), 8),
        (Keyword.Forms("девять", "девяти"), 9),
    ];

    public static readonly (Keyword Word, int Value)[] TeensAndTens =
    [
        (Keyword.Forms("десять", "десяти"), 10),
        (Keyword.Forms("одиннадцать"), 11),
        (Keyword.Forms("двенадцать"), 12),
        (Keyword.Forms("тринадцать"), 13),
        (Keyword.Forms("четырнадцать"), 14),
        (Keyword.Forms("пятнадцать"), 15),
        (Keyword.Forms("шестнадцать"), 16),
        (Keyword.Forms("семнадцать"), 17),
        (Keyword.Forms("восемнадцать"), 18),
        (Keyword.Forms("девятнадцать"), 19),
        (Keyword.Forms("двадцать"), 20),
        (Keyword.Forms("тридцать"), 30),
        (Keyword.Forms("сорок"), 40),
        (Keyword.Forms("пятьдесят"), 50),
        (Keyword.Forms("шестьдесят"), 60),
    ];

    /// <summary>Kind words; see <see cref="FirstMeeting"/> and <see cref="SummingUp"/> for the two that need a neighbour.</summary>
    public static readonly (Keyword Word, MeetingKind Kind)[] Kinds =
    [
        (Keyword.Of("организационн", AdjectiveEndings), MeetingKind.Organizational),
        (Keyword.Of("знакомств", "о|а|у|е|ом"), MeetingKind.Organizational),
        (Keyword.Forms("познакомились", "оргвстреча", "оргвстречу", "оргвстрече"), MeetingKind.Organizational),
        (Keyword.Of("пробн", AdjectiveEndings), MeetingKind.Trial),
        (Keyword.Of("планировани", "е|я|ю|ем"), MeetingKind.Planning),
        (Keyword.Of("итогов", AdjectiveEndings), MeetingKind.Final),
        (Keyword.Of("заключительн", AdjectiveEndings), MeetingKind.Final),
    ];

    /// <summary>«первая» is organizational only next to a meeting noun: «первая четверть» is a topic.</summary>
    public static readonly Keyword FirstMeeting = Keyword.Exact("первая", "первую", "первой", "первое");

    /// <summary>«подвели итоги» is the final meeting; «подвели итоги года» is a topic (the same neighbour rule as kinds).</summary>
    public static readonly Keyword SummingUp = Keyword.Forms("подвели", "подведение", "подводили", "подвести");
    public static readonly Keyword Results = Keyword.Forms("итоги", "итогов");

    /// <summary>Nouns for the meeting itself; a kind adjective next to one is certainly the kind.</summary>
    public static readonly Keyword MeetingNoun = Keyword.Forms(
        "встреча", "встречу", "встречи", "встрече", "встречей", "занятие", "занятия", "беседа", "беседу",
        "сессия", "сессию", "консультация", "консультацию", "созвон");

    /// <summary>Format words; <see cref="ByWhat"/> holds those that count only after «по».</summary>
    public static readonly (Keyword Word, MeetingFormat Format)[] Formats =
    [
        (Keyword.Of("очн", "о|ая|ой|ую|ый|ом|ое"), MeetingFormat.InPerson),
        (Keyword.Forms("лично", "личная", "личную", "вживую"), MeetingFormat.InPerson),
        (Keyword.Forms("онлайн", "online", "онлайне"), MeetingFormat.Online),
        (Keyword.Of("дистанционн", "о|ая|ой|ую|ый|ом|ое"), MeetingFormat.Online),
        (Keyword.Forms("дистант", "дистанте", "дистанционка"), MeetingFormat.Online),
        (Keyword.Of("удаленн", "о|ая|ой|ую|ый|ом|ое"), MeetingFormat.Online),
        (Keyword.Of("видеосвяз", "ь|и|ью"), MeetingFormat.Online),
        (Keyword.Of("видеозвон", "ок|ку|ке|ком"), MeetingFormat.Online),
        (Keyword.Of("видеоконференци", "я|и|ю"), MeetingFormat.Online),
        (Keyword.Exact("зум", "зуме", "зуму", "зумом", "зоом", "zoom"), MeetingFormat.Online),
        (Keyword.Of("сферум", "|е|а|у|ом"), MeetingFormat.Online),
        (Keyword.Exact("sferum"), MeetingFormat.Online),
        (Keyword.Of("телемост", "|е|у"), MeetingFormat.Online),
        (Keyword.Exact("скайп", "скайпе", "скайпу", "skype"), MeetingFormat.Online),
        (Keyword.Forms("созвонились", "созванивались", "созвон"), MeetingFormat.Online),
    ];

    /// <summary>Words that are a format only after «по» («по телефону»); alone they may be a topic («видео урока»).</summary>
    public static readonly Keyword ByWhat = Keyword.Forms("телефону", "видео", "видеосвязи", "связи");
    public static readonly Keyword By = Keyword.Exact("по");

    /// <summary>Words around a format word that belong to it («в формате онлайн», «на платформе Сферум»).</summary>
    public static readonly HashSet<string> AroundFormat =
        ["по", "в", "во", "через", "на", "формате", "формат", "режиме", "платформе", "приложении"];

    /// <summary>Marks an explicit topic: «тема: …», «тема — …», «на тему …».</summary>
    public static readonly Keyword Topic = Keyword.Exact("тема", "тему", "темы", "теме", "темой");

    /// <summary>
    /// Words that say a meeting happened, how long, with whom or in what mood, but not what about;
    /// they are stripped from the edges of a topic taken from the remaining words.
    /// </summary>
    public static readonly HashSet<string> Fillers =
    [
        "встретились", "встретилась", "встретился", "встречались", "встреча", "встречу", "встречи", "встрече",
        "встречей", "провели", "провела", "провел", "проведена", "проведено", "проводили", "была", "был",
        "было", "состоялась", "состоялось", "прошла", "прошло", "мы", "я", "у", "нас", "наставляемой",
        "наставляемым", "наставляемыми", "наставляемая", "наставляемый", "наставник", "наставником",
        "наставницей", "около", "примерно", "приблизительно", "почти", "всего", "где", "то", "длительностью",
        "продолжительностью", "длительность", "продолжительность", "течение", "обсудили", "обсуждали",
        "говорили", "поговорили", "беседовали", "побеседовали", "разговаривали", "занятие", "занятия",
        "беседа", "беседу", "консультация", "консультацию", "сессия", "сессию", "созвонились", "созвон",
        "утром", "днем", "вечером", "привет", "здравствуйте", "коллеги", "спасибо",
        "вот", "ну", "еще", "опять", "снова", "формате", "формат", "режиме", "тоже", "также",
        "сегодняшняя", "переписывались", "общались", "пообщались", "виделись", "увиделись",
        "связывались", "связались",
    ];

    /// <summary>
    /// Fillers after which the topic stands in the accusative («обсудили подготовку к ОГЭ»); the topic is shown in
    /// the nominative («подготовка к ОГЭ») by <see cref="Nominative"/>.
    /// </summary>
    public static readonly HashSet<string> AccusativeVerbs = ["обсудили", "обсуждали"];

    /// <summary>
    /// The nominative of a topic that followed a verb taking the accusative: leading adjectives «-ую/-юю» become
    /// «-ая/-яя», then the first noun's feminine ending «-у/-ю» becomes «-а/-я» («новую программу» → «новая
    /// программа»). Masculine and neuter inanimate nouns and plurals are the same in both cases and stay.
    /// </summary>
    public static string Nominative(string topic)
    {
        var words = topic.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length > 3 && (word.EndsWith("ую", StringComparison.Ordinal) || word.EndsWith("юю", StringComparison.Ordinal)))
            {
                words[i] = word[..^2] + (word[^2] == 'у' ? "ая" : "яя");
                continue;
            }

            if (word.Length > 3 && word.All(char.IsLower) && (word[^1] == 'у' || word[^1] == 'ю'))
                words[i] = word[..^1] + (word[^1] == 'у' ? "а" : "я");
            break;
        }

        return string.Join(' ', words);
    }

    /// <summary>Adjectives of the meeting itself, dropped only before a meeting noun: «рабочая встреча», but «рабочая программа».</summary>
    public static readonly HashSet<string> MeetingAdjectives =
    [
        "рабочая", "рабочую", "очередная", "очередную", "регулярная", "регулярную", "плановая", "плановую",
        "обычная", "обычную",
    ];

    /// <summary>Words dropped from the start of a topic: «про родительское собрание» → «родительское собрание».</summary>
    public static readonly HashSet<string> LeadingConnectives =
        ["и", "а", "но", "о", "об", "про", "насчет", "касательно", "по", "поводу", "на", "тему"];

    /// <summary>Words dropped from the end of a topic, left dangling when a date or format after them was taken out.</summary>
    public static readonly HashSet<string> TrailingConnectives =
        ["и", "а", "но", "в", "во", "на", "по", "с", "со", "за", "о", "об", "про", "к", "у", "из", "от", "до"];

    /// <summary>Greetings that open a message and are two words long («добрый день»).</summary>
    public static readonly HashSet<string> GreetingFirstWords = ["добрый", "доброе", "доброго", "доброй"];

    /// <summary>Words describing the mentee or a colleague in «с наставляемой Анной»: a companion, not a topic.</summary>
    public static readonly HashSet<string> CompanionWords =
    [
        "наставляемой", "наставляемым", "наставляемыми", "молодым", "молодой", "специалистом", "педагогом",
        "коллегой", "ней", "ним", "ними", "учителем", "воспитателем",
    ];

    /// <summary>Words that say a message is a question about the bot or the programme, not a log.</summary>
    public static readonly HashSet<string> QuestionWords =
    [
        "как", "что", "где", "когда", "почему", "зачем", "можно", "кто", "сколько", "куда", "какой", "какая",
        "какие", "каким", "подскажите", "скажите", "чем", "ли",
    ];

    /// <summary>Words that say a meeting did not happen («не состоялась», «перенесли»).</summary>
    public static readonly HashSet<string> Cancelled =
        ["перенесли", "перенесена", "отменили", "отменилась", "отменена", "отмена", "перенос"];

    public static readonly HashSet<string> AfterNegation =
        ["получилось", "встретились", "было", "состоялась", "смогли", "успели", "встречались", "удалось"];

    /// <summary>Words that by themselves suggest a meeting log («встретились», «провели занятие»).</summary>
    public static readonly Keyword MeetingSignal = Keyword.Forms(
        "встреча", "встречу", "встречи", "встрече", "встретились", "встретилась", "встретился", "встречались",
        "провели", "провела", "занятие", "беседа", "беседу", "консультация", "консультацию", "созвонились");
}
