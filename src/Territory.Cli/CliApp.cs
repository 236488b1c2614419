using System.CommandLine;
using Territory.Cli.Infrastructure;

namespace Territory.Cli;

/// <summary>Builds the <c>territory</c> command tree; each command lives in <c>Commands/</c>.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("Territory — typologie des territoires et présence de proximité des bailleurs sociaux.");
        // One line per command; each command file owns its options and its action.
        return root;
    }

    /// <summary>Runs the command line with the process console.</summary>
    public static int Run(string[] args) => Run(args, CliConsole.System());

    /// <summary>Runs the command line writing to the given console (tests capture it).</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var root = BuildRoot(console);
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        return root.Parse(args).Invoke(config);
    }
}
