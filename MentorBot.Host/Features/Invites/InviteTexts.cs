using MentorBot.Domain.Organisations;

namespace MentorBot.Host.Features.Invites;

/// <summary>What invites and their redemption say (Russian).</summary>
public static class InviteTexts
{
    /// <summary>Reply to /start with a token no invite has (or a malformed one).</summary>
    public const string Unknown =
        "Не удалось распознать ссылку-приглашение. Возможно, она скопирована не полностью — попросите у куратора новую.";

    /// <summary>Reply to an expired invite.</summary>
    public const string Expired = "Срок действия этой ссылки-приглашения истёк. Попросите у куратора новую.";

    /// <summary>Reply to an invite whose uses are all taken.</summary>
    public const string UsedUp = "По этой ссылке-приглашению уже присоединилось разрешённое число участников. Попросите у куратора новую.";

    /// <summary>Greeting after a successful redemption.</summary>
    public static string Joined(string organisation, Role role) =>
        $"Добро пожаловать в программу наставничества «{organisation}»! Ваша роль: {role.RussianName()}.";

    /// <summary>Reply when the person already holds the invite's role there (no use is counted).</summary>
    public static string AlreadyJoined(string organisation, Role role) =>
        $"Вы уже участвуете в программе наставничества «{organisation}» как {role.RussianName()}.";

    /// <summary>Command menu entry of /invite.</summary>
    public const string InviteMenu = "Пригласить участников (ссылка-приглашение)";

    /// <summary>The question of /invite.</summary>
    public static string WhomToInvite(string organisation) => $"Кого пригласить в «{organisation}»? Выберите роль — я пришлю ссылку.";

    /// <summary>The role buttons of /invite (accusative).</summary>
    public static string RoleButton(Role role) => role switch
    {
        Role.Mentee => "Наставляемого",
        Role.Mentor => "Наставника",
        Role.Curator => "Куратора",
        Role.Psychologist => "Психолога",
        _ => "Руководителя",
    };

    /// <summary>
    /// When no link can be made (no bot name is configured; the operator's log says so): what
    /// the participant does with the <c>/start</c> command instead, in plain words.
    /// </summary>
    public const string CommandInstead = "Перешлите участнику эту команду. Пусть он откроет чат с этим ботом в мессенджере (имя бота — вверху этого чата) и отправит её боту целиком:\n";

    /// <summary>The link for the curator, with its limits.</summary>
    public static string Link(string organisation, Role role, string link, string? expires, int? maxUses, bool isCommand) =>
        $"Приглашение в «{organisation}», роль: {role.RussianName()}.\n" +
        (isCommand ? CommandInstead : "Перешлите ссылку участнику:\n") +
        link + "\n\n" +
        (expires is null ? "Срок действия не ограничен" : $"Действует до {expires}") + "; " +
        (maxUses is { } n ? $"число использований: {n}." : "число использований не ограничено.");
}
