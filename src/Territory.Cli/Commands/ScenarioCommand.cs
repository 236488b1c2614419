using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Store;
using Territory.Store.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory scenario list|show|compare|delete|add|close|move|apply</c>: the project's named scenarios of the presence network,
/// built from a plan (<c>plan sites --save-scenario</c>), on the map, or here point by point.
/// </summary>
internal static class ScenarioCommand
{
    public static Command Create(CliConsole console) => new("scenario", PlanCli.T(console, "cli_scenario_description"))
    {
        List(console),
        Show(console),
        ScenarioCompareCommand.Create(console),
        Delete(console),
        ScenarioEditCommands.Add(console),
        ScenarioEditCommands.Close(console),
        ScenarioEditCommands.Move(console),
        ScenarioApplyCommand.Create(console),
    };

    private static Command List(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var json = CommonOptions.Json(console);
        var command = new Command("list", PlanCli.T(console, "cli_scenario_list")) { project, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var store = ProjectStores.Open(CommonOptions.ExistingProject(parse.GetValue(project)!));
            // The list holds no changes: each scenario is read whole for its count.
            var scenarios = store.ListScenarios().Select(s => store.ReadScenario(s.Name) ?? s).ToList();
            ScenarioPrinter.List(console, parse.GetValue(json), scenarios, store.DataVersion);
            return 0;
        }));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var names = Names(console);
        var json = CommonOptions.Json(console);
        var command = new Command("show", PlanCli.T(console, "cli_scenario_show")) { project, names, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var store = ProjectStores.Open(CommonOptions.ExistingProject(parse.GetValue(project)!));
            var scenarios = parse.GetValue(names)!.Select(n => store.ReadScenario(n) ?? throw PlanCli.Bad("scenario_unknown", ("name", n))).ToList();
            ScenarioPrinter.Show(console, parse.GetValue(json), scenarios, store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93, store.DataVersion);
            return 0;
        }));
        return command;
    }

    private static Command Delete(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var names = Names(console);
        var json = CommonOptions.Json(console);
        var command = new Command("delete", PlanCli.T(console, "cli_scenario_delete")) { project, names, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var store = ProjectStores.Open(CommonOptions.ExistingProject(parse.GetValue(project)!));
            var list = parse.GetValue(names)!;
            // Every name checked before any deletion: a typo deletes nothing.
            foreach (var n in list)
                if (store.ReadScenario(n) is null) throw PlanCli.Bad("scenario_unknown", ("name", n));
            foreach (var n in list) store.DeleteScenario(n, UsersCommand.Actor);
            if (parse.GetValue(json)) JsonOutput.Write(console, new { deleted = list });
            else foreach (var n in list) console.Out.WriteLine(PlanCli.T(console, "scenario_deleted", ("name", n)));
            return 0;
        }));
        return command;
    }

    /// <summary>One or more scenario names.</summary>
    internal static Argument<string[]> Names(CliConsole console) =>
        new("NAME") { Description = PlanCli.T(console, "cli_scenario_names"), HelpName = PlanCli.T(console, "cli_value_scenario_name"), Arity = ArgumentArity.OneOrMore };

    /// <summary>Exactly one scenario name.</summary>
    internal static Argument<string> Name(CliConsole console) =>
        new("NAME") { Description = PlanCli.T(console, "cli_scenario_name"), HelpName = PlanCli.T(console, "cli_value_scenario_name") };
}
