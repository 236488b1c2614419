using System.CommandLine;
using Territory.Cli.Infrastructure;

namespace Territory.Cli.Commands;

/// <summary><c>territory plan sites|rounds</c>: where to place presence points, and the mobile agency's week.</summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console) => new("plan", PlanCli.T(console, "cli_plan_description"))
    {
        PlanSitesCommand.Create(console),
        PlanRoundsCommand.Create(console),
    };
}
