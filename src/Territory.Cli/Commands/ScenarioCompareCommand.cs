using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Typology;
using Territory.IO.Reports;
using Territory.IO.Travel;
using Territory.Planning.Service;
using Territory.Store;
using Territory.Store.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory scenario compare P.gpkg NAME… [--out DIR] [--report F.html] [--cutoff 30] [--base AGENCY_ID] [--config C.json] [--json]</c>:
/// the saved state and the scenarios side by side. Reads the project, writes only the files asked for.
/// </summary>
internal static class ScenarioCompareCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var names = ScenarioCommand.Names(console);
        var output = new Option<DirectoryInfo?>("--out") { Description = PlanCli.T(console, "cli_compare_out"), HelpName = "DIR" };
        var report = new Option<FileInfo?>("--report") { Description = PlanCli.T(console, "cli_compare_report"), HelpName = "F.html" };
        var cutoff = new Option<double>("--cutoff") { Description = PlanCli.T(console, "cli_compare_cutoff"), DefaultValueFactory = _ => 30, HelpName = "T" };
        var home = new Option<string?>("--base") { Description = PlanCli.T(console, "cli_compare_base"), HelpName = "AGENCY_ID" };
        var config = new Option<FileInfo?>("--config") { Description = PlanCli.T(console, "cli_compare_config"), HelpName = "C.json" };
        var json = CommonOptions.Json(console);
        var command = new Command("compare", PlanCli.T(console, "cli_scenario_compare")) { project, names, output, report, cutoff, home, config, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var asJson = parse.GetValue(json);
            if (!(parse.GetValue(cutoff) > 0)) throw PlanCli.Bad("planning_minutes_invalid", ("minutes", parse.GetValue(cutoff)));
            var typology = TypologyConfig.Default;
            if (parse.GetValue(config) is { } c)
            {
                if (!c.Exists) throw PlanCli.Bad("plan_file_missing", ("path", c.FullName));
                try { typology = TypologyConfig.Load(c.FullName); }
                catch (TypologyConfigException e) { throw new CliUserException("cli_analyse_config_invalid", ("file", c.Name), ("reason", e.Reason)); }
            }
            using var store = ProjectStores.Open(path);
            var scenarios = parse.GetValue(names)!.Select(n => store.ReadScenario(n) ?? throw PlanCli.Bad("scenario_unknown", ("name", n))).ToList();
            var data = ProjectData.Read(store);
            if (data.Estates.Count == 0) throw PlanCli.Bad("plan_no_estates", ("command", "territory import F --into P.gpkg --as estates"));
            if (parse.GetValue(home) is { } b && !data.Agencies.Any(a => a.Id == b) && !scenarios.Any(s => s.Apply(data.Agencies).Any(a => a.Id == b)))
                throw PlanCli.Bad("rounds_base_unknown", ("id", b));
            var graph = store.LoadRoadGraph();
            var options = new ComparisonOptions { CutoffMinutes = parse.GetValue(cutoff), Config = typology, RoundBaseId = parse.GetValue(home) };
            var comparison = PlanProgress.Run(console, asJson, progress => ScenarioComparer.Compare(data, scenarios, graph, options, progress, cancel.Token));
            var lang = PlanCli.Lang(console);
            var files = new List<string>();
            if (parse.GetValue(output) is { } dir)
                files.AddRange(ScenarioCompareOutput.WriteCsv(comparison, dir.FullName, lang));
            if (parse.GetValue(report) is { } html)
            {
                ComparisonSection.WritePage(html.FullName, ScenarioCompareOutput.Table(comparison, lang), lang == Core.Messages.Lang.En ? "en" : "fr",
                    PlanCli.T(console, "compare_page_title", ("organisation", data.Organisation ?? "—")));
                files.Add(html.FullName);
            }
            ScenarioCompareOutput.Print(console, asJson, comparison, files);
            return 0;
        }));
        return command;
    }
}
