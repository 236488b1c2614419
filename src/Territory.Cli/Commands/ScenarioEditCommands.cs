using System.CommandLine;
using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Cli.Infrastructure;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.Store;
using Territory.Store.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>scenario add P NAME --kind K --at LON,LAT [--name N]</c>, <c>close P NAME --agency ID</c>, <c>move P NAME --agency ID --at LON,LAT</c>:
/// build a scenario change by change without the map (the scenario is created on its first change, source <c>cli</c>).
/// </summary>
internal static class ScenarioEditCommands
{
    public static Command Add(CliConsole console)
    {
        var (project, name) = (CommonOptions.Project(console), ScenarioCommand.Name(console));
        var kind = new Option<string>("--kind") { Description = PlanCli.T(console, "cli_scenario_kind", ("kinds", PlanCli.KindCodes)), DefaultValueFactory = _ => "lieu_relais", HelpName = "K" };
        var at = new Option<string>("--at") { Description = PlanCli.T(console, "cli_scenario_at"), Required = true, HelpName = "LON,LAT" };
        var label = new Option<string?>("--name") { Description = PlanCli.T(console, "cli_scenario_point_name"), HelpName = "N" };
        var id = new Option<string?>("--id") { Description = PlanCli.T(console, "cli_scenario_point_id"), HelpName = "ID" };
        var json = CommonOptions.Json(console);
        var command = new Command("add", PlanCli.T(console, "cli_scenario_add")) { project, name, kind, at, label, id, json };
        command.SetAction(parse => Edit(console, parse.GetValue(project)!, parse.GetValue(name)!, parse.GetValue(json), (store, scenario) =>
        {
            if (!AgencyKinds.TryParse(parse.GetValue(kind), out var k))
                throw PlanCli.Bad("plan_kind_unknown", ("value", parse.GetValue(kind)), ("kinds", string.Join(", ", AgencyKinds.All.Select(x => x.Code()))));
            var point = Position(parse.GetValue(at)!, store.WorkingCrs ?? CrsRegistry.Lambert93);
            var taken = store.ReadAgencies().Select(a => a.Id).Concat(scenario.Changes.Select(c => c.AgencyId)).ToHashSet(StringComparer.Ordinal);
            var newId = parse.GetValue(id) ?? Enumerable.Range(1, int.MaxValue).Select(n => $"nouveau-{n}").First(s => !taken.Contains(s));
            if (taken.Contains(newId)) throw PlanCli.Bad("scenario_point_id_taken", ("id", newId));
            return new ScenarioChange(ScenarioOp.Add, newId, parse.GetValue(label) ?? newId, k, point);
        }));
        return command;
    }

    public static Command Close(CliConsole console)
    {
        var (project, name) = (CommonOptions.Project(console), ScenarioCommand.Name(console));
        var agency = new Option<string>("--agency") { Description = PlanCli.T(console, "cli_scenario_agency"), Required = true, HelpName = "ID" };
        var json = CommonOptions.Json(console);
        var command = new Command("close", PlanCli.T(console, "cli_scenario_close")) { project, name, agency, json };
        command.SetAction(parse => Edit(console, parse.GetValue(project)!, parse.GetValue(name)!, parse.GetValue(json), (store, scenario) =>
        {
            var point = Existing(store, scenario, parse.GetValue(agency)!);
            return new ScenarioChange(ScenarioOp.Close, point.Id, point.Name, point.Kind, null);
        }));
        return command;
    }

    public static Command Move(CliConsole console)
    {
        var (project, name) = (CommonOptions.Project(console), ScenarioCommand.Name(console));
        var agency = new Option<string>("--agency") { Description = PlanCli.T(console, "cli_scenario_agency"), Required = true, HelpName = "ID" };
        var at = new Option<string>("--at") { Description = PlanCli.T(console, "cli_scenario_at"), Required = true, HelpName = "LON,LAT" };
        var json = CommonOptions.Json(console);
        var command = new Command("move", PlanCli.T(console, "cli_scenario_move")) { project, name, agency, at, json };
        command.SetAction(parse => Edit(console, parse.GetValue(project)!, parse.GetValue(name)!, parse.GetValue(json), (store, scenario) =>
        {
            var point = Existing(store, scenario, parse.GetValue(agency)!);
            return new ScenarioChange(ScenarioOp.Move, point.Id, point.Name, point.Kind, Position(parse.GetValue(at)!, store.WorkingCrs ?? CrsRegistry.Lambert93));
        }));
        return command;
    }

    /// <summary>Reads (or starts) the scenario, appends one change and saves it.</summary>
    private static int Edit(CliConsole console, string project, string name, bool json, Func<IProjectStore, Scenario, ScenarioChange> change) =>
        CommandRunner.Run(console, () =>
        {
            using var store = ProjectStores.Open(CommonOptions.ExistingProject(project));
            name = ScenarioNames.Check(name);
            var now = DateTimeOffset.UtcNow;
            var scenario = store.ReadScenario(name) ?? new Scenario
            {
                Name = name, Author = Environment.UserName, Source = "cli", BaseVersion = store.DataVersion, CreatedAt = now,
            };
            var added = change(store, scenario);
            scenario = scenario with { Changes = [.. scenario.Changes, added], UpdatedAt = now };
            store.SaveScenario(scenario, overwrite: true);
            ScenarioPrinter.Changed(console, json, scenario, added, store.WorkingCrs ?? CrsRegistry.Lambert93);
            return 0;
        });

    /// <summary>A point of the network the scenario sees so far: saved, or added by an earlier change.</summary>
    private static Agency Existing(IProjectStore store, Scenario scenario, string id) =>
        scenario.Apply(store.ReadAgencies()).FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal))
        ?? throw PlanCli.Bad("scenario_agency_unknown", ("id", id));

    /// <summary>« LON,LAT » in WGS84 degrees to a point of the working CRS.</summary>
    internal static Point Position(string text, int workingCrs)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || lon is < -180 or > 180 || lat is < -90 or > 90)
            throw PlanCli.Bad("scenario_at_invalid", ("value", text));
        var (x, y) = new Reprojector(4326, workingCrs).Transform(lon, lat);
        if (!double.IsFinite(x) || !double.IsFinite(y)) throw PlanCli.Bad("scenario_at_invalid", ("value", text));
        return new GeometryFactory(new PrecisionModel(), workingCrs).CreatePoint(new Coordinate(x, y));
    }
}
