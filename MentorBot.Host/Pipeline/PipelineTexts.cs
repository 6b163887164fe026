namespace MentorBot.Host.Pipeline;

/// <summary>What the pipeline itself says to people (Russian).</summary>
public static class PipelineTexts
{
    /// <summary>Sent when handling an update failed unexpectedly.</summary>
    public const string Apology = "Извините, что-то пошло не так. Попробуйте ещё раз чуть позже — мы уже разбираемся.";

    /// <summary>Toast for a button nobody handles any more (an old message).</summary>
    public const string ButtonExpired = "Эта кнопка больше не действует.";

    /// <summary>The answer to a command or button in a group: the bot works with each person in their private chat.</summary>
    public const string PrivateChatsOnly = "Я работаю только в личных сообщениях. Напишите мне в личный чат — там и продолжим.";
}
