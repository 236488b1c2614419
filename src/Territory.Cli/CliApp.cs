using System.CommandLine;

namespace Territory.Cli;

/// <summary>Builds the <c>territory</c> command tree; each command lives in <c>Commands/</c>.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Territory — typologie des territoires et présence de proximité des bailleurs sociaux.");
        // Commands register here, one line each.
        return root;
    }

    public static int Run(string[] args) => BuildRoot().Parse(args).Invoke();
}
