using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;

namespace MentorBot.Host.Pipeline;

/// <summary>Handles one input in a chat; effects go through <see cref="ChatContext"/> inside the update's transaction.</summary>
public delegate Task ChatHandler(ChatContext context, ChatInput input);

/// <summary>A feature's entry points: the commands, button prefixes and conversation flows it owns.</summary>
public interface IChatFeature
{
    /// <summary>Adds the feature's handlers to <paramref name="routes"/>.</summary>
    void Map(ChatRoutes routes);
}

/// <summary>
/// The routing table built from every <see cref="IChatFeature"/>: commands by name, buttons by the
/// <c>feature</c> prefix of their data, free text by the open conversation's flow, else the fallback.
/// </summary>
public sealed class ChatRoutes
{
    private readonly Dictionary<string, ChatHandler> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatHandler> choices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatHandler> flows = new(StringComparer.Ordinal);

    /// <summary>Builds the table from the features.</summary>
    /// <exception cref="InvalidOperationException">Two features claim the same command, prefix or flow.</exception>
    public ChatRoutes(IEnumerable<IChatFeature> features)
    {
        foreach (var feature in features)
            feature.Map(this);
    }

    /// <summary>Handles free text when no conversation is open (and unknown commands).</summary>
    public ChatHandler? FallbackHandler { get; private set; }

    private readonly List<MenuEntry> menu = [];

    /// <summary>Commands shown in the command menu and in /help, in registration order.</summary>
    public IReadOnlyList<MenuEntry> Menu => menu;

    /// <summary>
    /// Routes <c>/name</c> to <paramref name="handler"/>; with <paramref name="menuDescription"/> it also
    /// appears in the command menu and /help — for everyone, or only for holders of <paramref name="roles"/>.
    /// The roles here only decide what /help lists; the handler itself checks access (<c>Access.RequireAsync</c>).
    /// </summary>
    public ChatRoutes Command(string name, ChatHandler handler, string? menuDescription = null, params Role[] roles)
    {
        Add(commands, name, handler, "command");
        if (menuDescription is not null) menu.Add(new(name, menuDescription, roles));
        return this;
    }

    /// <summary>Routes buttons whose data starts with <c>prefix:</c> to <paramref name="handler"/>.</summary>
    public ChatRoutes Choice(string prefix, ChatHandler handler) => Add(choices, prefix, handler, "choice prefix");

    /// <summary>Routes free text to <paramref name="handler"/> while the chat's open conversation is <paramref name="flow"/>.</summary>
    public ChatRoutes Flow(string flow, ChatHandler handler) => Add(flows, flow, handler, "flow");

    private readonly HashSet<string> documentFlows = new(StringComparer.Ordinal);

    /// <summary>
    /// Like <see cref="Flow"/>, and documents sent while <paramref name="flow"/> is open go to <paramref name="handler"/>
    /// too (before <see cref="DocumentHandler"/>): a dialogue that collects files, such as a case's materials.
    /// </summary>
    public ChatRoutes FlowWithDocuments(string flow, ChatHandler handler)
    {
        documentFlows.Add(flow);
        return Flow(flow, handler);
    }

    /// <summary>True when documents sent while <paramref name="flow"/> is open belong to that flow.</summary>
    public bool TakesDocuments(string flow) => documentFlows.Contains(flow);

    /// <summary>
    /// Handles files sent as documents (<see cref="DocumentInput"/>), whatever conversation is open; at most
    /// one feature owns it (the road-map upload). Without one, a document reaches the open flow or the fallback.
    /// </summary>
    public ChatHandler? DocumentHandler { get; private set; }

    /// <summary>Sets the handler for documents (see <see cref="DocumentHandler"/>).</summary>
    /// <exception cref="InvalidOperationException">A document handler is already set.</exception>
    public ChatRoutes Document(ChatHandler handler)
    {
        if (DocumentHandler is not null) throw new InvalidOperationException("Two features set the document handler.");
        DocumentHandler = handler;
        return this;
    }

    /// <summary>Handles edits of earlier messages (<see cref="EditedTextInput"/>); without one they are ignored.</summary>
    public ChatHandler? EditHandler { get; private set; }

    /// <summary>Sets the handler for edited messages (see <see cref="EditHandler"/>).</summary>
    /// <exception cref="InvalidOperationException">An edit handler is already set.</exception>
    public ChatRoutes Edit(ChatHandler handler)
    {
        if (EditHandler is not null) throw new InvalidOperationException("Two features set the edit handler.");
        EditHandler = handler;
        return this;
    }

    /// <summary>Sets the handler for text outside any conversation.</summary>
    /// <exception cref="InvalidOperationException">A fallback is already set.</exception>
    public ChatRoutes Fallback(ChatHandler handler)
    {
        if (FallbackHandler is not null) throw new InvalidOperationException("Two features set the fallback handler.");
        FallbackHandler = handler;
        return this;
    }

    /// <summary>The handler for a command, or null when no feature owns it.</summary>
    public ChatHandler? ForCommand(string name) => commands.GetValueOrDefault(name);

    /// <summary>The handler for a button's data (by its prefix up to the first ':'), or null.</summary>
    public ChatHandler? ForChoice(string data)
    {
        var colon = data.IndexOf(':');
        return choices.GetValueOrDefault(colon < 0 ? data : data[..colon]);
    }

    /// <summary>The handler for text in an open conversation of <paramref name="flow"/>, or null.</summary>
    public ChatHandler? ForFlow(string flow) => flows.GetValueOrDefault(flow);

    private ChatRoutes Add(Dictionary<string, ChatHandler> table, string key, ChatHandler handler, string what)
    {
        if (!table.TryAdd(key, handler))
            throw new InvalidOperationException($"Two features claim the {what} '{key}'.");
        return this;
    }
}

/// <summary>A command as /help and the messenger's menu show it.</summary>
/// <param name="Command">The command without '/'.</param>
/// <param name="Description">Short Russian description (Bot API: 1–256 characters).</param>
/// <param name="Roles">Who it is listed for; empty = everyone.</param>
public sealed record MenuEntry(string Command, string Description, IReadOnlyList<Role> Roles);
