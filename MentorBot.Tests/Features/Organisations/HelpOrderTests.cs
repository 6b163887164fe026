using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Start;
using MentorBot.Host.Pipeline;

namespace MentorBot.Tests.Features.Organisations;

/// <summary>/help lists a curator's commands in the order the programme runs, closing it last.</summary>
public class HelpOrderTests
{
    private static MenuEntry Entry(string command, params Role[] roles) => new(command, command, roles);

    [Fact]
    public void The_curators_commands_follow_the_programmes_course_and_closing_comes_last()
    {
        // Registered in an order unlike the course, as the features happen to be.
        MenuEntry[] menu =
        [
            Entry("start"), Entry("help"), Entry("close_programme", Role.Curator), Entry("export", Role.Curator), Entry("report", Role.Curator),
            Entry("match", Role.Curator), Entry("roadmap", Role.Curator), Entry("invite", Role.Curator), Entry("digest", Role.Curator),
            Entry("order", Role.Curator, Role.Head), Entry("meeting", Role.Mentor),
        ];

        StartFeature.MenuFor(menu, new HashSet<Role> { Role.Curator }).Select(e => e.Command).Should().Equal(
            "start", "help", "roadmap", "invite", "match", "order", "digest", "export", "report", "close_programme");
    }
}
