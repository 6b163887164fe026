namespace MentorBot.Tests.Integration;

/// <summary>Files of the repository the tests read (docs, calendars, golden JSON, the emulator, scripts) and the shared road maps beside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding MentorBot.sln, found upwards from the test assembly.</summary>
    /// <exception cref="InvalidOperationException">No MentorBot.sln above the test assembly.</exception>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MentorBot.sln")))
                return dir.FullName;
        throw new InvalidOperationException("MentorBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A path inside the repository: <c>Combine("docs", "state-machines.md")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root(), .. parts]);

    /// <summary>One of the real road maps in <c>../shared/roadmaps</c> (<paramref name="name"/> without «.txt»).</summary>
    public static string SharedRoadmap(string name) =>
        System.IO.Path.Combine(Directory.GetParent(Root())!.FullName, "shared", "roadmaps", name + ".txt");
}
