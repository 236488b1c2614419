using System.CommandLine;
using Territory.Cli.Commands;
using Territory.Cli.Infrastructure;

namespace Territory.Cli;

/// <summary>Builds the <c>territory</c> command tree; each command lives in <c>Commands/</c>.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand(console.T("cli_root_description"));
        var lang = new Option<string>(CliLang.OptionName) { Description = console.T("cli_option_lang"), Recursive = true, HelpName = "fr|en" };
        lang.AcceptOnlyFromAmong("fr", "en");
        root.Add(lang);
        CliHelp.Install(root, console);
        // One line per command; each command file owns its options and its action.
        root.Add(DemoCommand.Create(console));
        root.Add(ImportCommand.Create(console));
        root.Add(InspectCommand.Create(console));
        root.Add(RoadsCommand.Create(console));
        root.Add(RouteCommand.Create(console));
        root.Add(TravelTimesCommand.Create(console));
        root.Add(IsochronesCommand.Create(console));
        root.Add(AnalyseCommand.Create(console));
        root.Add(CommunesCommand.Create(console));
        root.Add(ServeCommand.Create(console));
        root.Add(CopyCommand.Create(console));
        root.Add(DepartementsCommand.Create(console));
        root.Add(BackupCommand.Create(console));
        root.Add(PlanCommand.Create(console));
        root.Add(ScenarioCommand.Create(console));
        root.Add(UsersCommand.Create(console));
        root.Add(AuditCommand.Create(console));
        return root;
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is System.CommandLine.Parsing.CommandResult c)
                names.Push(c.Parent is null ? "territory" : c.Command.Name);
        return names;
    }

    /// <summary>Runs the command line with the process console.</summary>
    public static int Run(string[] args) => Run(args, CliConsole.System());

    /// <summary>Runs the command line writing to the given console (tests capture it), in the language of <c>--lang</c>.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        // Projects and sources may be PostgreSQL URIs: the PostGIS store joins the factory once per process.
        Territory.PostGis.PostGisStores.Register();
        console = console with { Lang = CliLang.From(args) };
        var root = BuildRoot(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            // A one-line reason per problem and a pointer to the help, never the whole help text.
            foreach (var error in parsed.Errors)
                console.Error.WriteLine($"territory: {CliParseErrors.Render(error.Message, console.Lang)}");
            console.Error.WriteLine(console.T("see_help", ("command", string.Join(' ', CommandPath(parsed.CommandResult)))));
            return CommandRunner.BadInput;
        }
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        return parsed.Invoke(config);
    }
}
