using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Organisations;

/// <summary>
/// The preamble of a handler that works on one item of the member's organisation (an event, a case, a draft): the role
/// check of <see cref="Access.RequireAsync"/>, the button's acknowledgement, then the item — read again on every press
/// and every typed answer, since a background message's button or an open conversation may outlive it.
/// </summary>
public static class ItemAccess
{
    /// <summary>
    /// The member holding one of <paramref name="roles"/> and the item <paramref name="load"/> finds for them; otherwise
    /// null after the reply why not: the role check's, or <paramref name="gone"/> when the item is not there (a typed
    /// answer also closes the conversation it was given in, so the person is not asked again about nothing).
    /// </summary>
    public static async Task<(Member Member, T Item)?> RequireAsync<T>(ChatContext context, ChatInput input, Role[] roles, Func<Member, Task<T?>> load, string gone)
        where T : class
    {
        if (await Access.RequireAsync(context, roles) is not { } member) return null;
        context.AnswerChoice();
        if (await load(member) is { } item) return (member, item);
        if (input is not ChoiceInput) await context.ClearConversationAsync();
        context.Reply(Reply.Plain(gone));
        return null;
    }

    /// <summary>The number at <paramref name="index"/> of a button's data split by «:» (<c>prefix:action:ID</c>), or -1 when there is none.</summary>
    public static long IdAt(ChatInput input, int index) =>
        input is ChoiceInput choice && long.TryParse(choice.Data.Split(':').ElementAtOrDefault(index), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;

    /// <summary>Opens the conversation <paramref name="flow"/> about the item <paramref name="id"/> (stored as <c>{"id":N}</c>).</summary>
    public static Task OpenConversationAsync(ChatContext context, string flow, string step, long id) =>
        context.SaveConversationAsync(new ConversationState(flow, step, JsonSerializer.Serialize(new ItemRef(id), JsonSerializerOptions.Web)));

    /// <summary>The item the open conversation <paramref name="flow"/> is about, or -1 when another one (or none) is open.</summary>
    public static async Task<long> ConversationIdAsync(ChatContext context, string flow) =>
        await context.GetConversationAsync() is { } open && open.Flow == flow ? JsonSerializer.Deserialize<ItemRef>(open.Data, JsonSerializerOptions.Web)?.Id ?? -1 : -1;

    private sealed record ItemRef(long Id);
}
