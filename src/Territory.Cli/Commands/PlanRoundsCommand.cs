using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.IO.Travel;
using Territory.Planning.Service;
using Territory.Store;
using Territory.Store.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory plan rounds P.gpkg --base AGENCY_ID (--stops F | --scenario NAME) [--days 5] [--stop-minutes 120] [--day-hours 7]
/// [--start 08:30] [--balance 0.5] [--out F.geojson|F.gpkg]</c>: the mobile agency's week. Reads the project; writes only the export asked for.
/// </summary>
internal static class PlanRoundsCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var home = new Option<string>("--base") { Description = PlanCli.T(console, "cli_rounds_base"), Required = true, HelpName = "AGENCY_ID" };
        var stops = new Option<FileInfo?>("--stops") { Description = PlanCli.T(console, "cli_rounds_stops"), HelpName = "F" };
        var scenario = new Option<string?>("--scenario") { Description = PlanCli.T(console, "cli_rounds_scenario"), HelpName = PlanCli.T(console, "cli_value_scenario_name") };
        var days = new Option<int>("--days") { Description = PlanCli.T(console, "cli_rounds_days"), DefaultValueFactory = _ => 5 };
        var stopMinutes = new Option<double>("--stop-minutes") { Description = PlanCli.T(console, "cli_rounds_stop_minutes"), DefaultValueFactory = _ => 120 };
        var dayHours = new Option<double>("--day-hours") { Description = PlanCli.T(console, "cli_rounds_day_hours"), DefaultValueFactory = _ => 7 };
        var start = new Option<string>("--start") { Description = PlanCli.T(console, "cli_rounds_start"), DefaultValueFactory = _ => "08:30", HelpName = "HH:MM" };
        var balance = new Option<double>("--balance") { Description = PlanCli.T(console, "cli_rounds_balance"), DefaultValueFactory = _ => 0.5, HelpName = "W" };
        var timeLimit = new Option<double>("--time-limit") { Description = PlanCli.T(console, "cli_rounds_time_limit"), DefaultValueFactory = _ => 5, HelpName = "S" };
        var output = new Option<FileInfo?>("--out") { Description = PlanCli.T(console, "cli_rounds_out"), HelpName = "F.geojson|F.gpkg" };
        var json = CommonOptions.Json(console);
        var command = new Command("rounds", PlanCli.T(console, "cli_plan_rounds_description"))
        {
            project, home, stops, scenario, days, stopMinutes, dayHours, start, balance, timeLimit, output, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var asJson = parse.GetValue(json);
            var (file, name) = (parse.GetValue(stops), parse.GetValue(scenario));
            if ((file is null) == (name is null)) throw PlanCli.Bad("rounds_stops_or_scenario");
            var export = parse.GetValue(output);
            if (export is not null && export.Extension.ToLowerInvariant() is not (".geojson" or ".json" or ".gpkg"))
                throw PlanCli.Bad("rounds_out_format", ("path", export.Name));
            if (!RoundClock.TryParse(parse.GetValue(start), out var dayStart)) throw PlanCli.Bad("rounds_start_invalid", ("value", parse.GetValue(start)));
            using var store = ProjectStores.Open(path);
            var data = ProjectData.Read(store);
            var minutes = parse.GetValue(stopMinutes);
            var list = file is not null
                ? PlanInputs.Stops(file, data, minutes, cancel.Token)
                : RoundStops.FromScenario(data, store.ReadScenario(name!) ?? throw PlanCli.Bad("scenario_unknown", ("name", name)), minutes);
            var graph = store.LoadRoadGraph();
            var result = PlanProgress.Run(console, asJson, progress => RoundService.Plan(data, graph, new RoundOptions
            {
                BaseId = parse.GetValue(home)!, Stops = list, Days = parse.GetValue(days), DayHours = parse.GetValue(dayHours),
                TimeLimitSeconds = parse.GetValue(timeLimit), DayStart = dayStart, BalanceWeight = parse.GetValue(balance),
            }, progress, cancel.Token));
            PlanRoundsPrinter.Print(console, asJson, result);
            if (export is not null)
            {
                if (export.Extension.Equals(".gpkg", StringComparison.OrdinalIgnoreCase)) RoundLayers.WriteGeoPackage(export.FullName, result, data.WorkingCrs, cancel.Token);
                else RoundLayers.WriteGeoJson(export.FullName, result);
                if (!asJson) console.Out.WriteLine(PlanCli.T(console, "rounds3_exported", ("path", export.FullName)));
            }
            return 0;
        }));
        return command;
    }
}
