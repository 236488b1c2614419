using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Model;
using Territory.IO.Travel;
using Territory.Planning.Location;
using Territory.Planning.Service;
using Territory.Store;
using Territory.Store.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory plan sites P.gpkg --problem mclp|lscp|pmedian|pcenter --minutes T [--count N] …</c>: location-allocation of
/// presence sites over the project's estates; stores the plan (presence plan's sites hook) and optionally saves it as a scenario.
/// </summary>
internal static class PlanSitesCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var problem = new Option<string>("--problem") { Description = PlanCli.T(console, "cli_plan_problem"), Required = true, HelpName = "mclp|lscp|pmedian|pcenter" };
        var minutes = new Option<double>("--minutes") { Description = PlanCli.T(console, "cli_plan_minutes"), Required = true, HelpName = "T" };
        var count = new Option<int?>("--count") { Description = PlanCli.T(console, "cli_plan_count"), HelpName = "N" };
        var added = new Option<int?>("--new") { Description = PlanCli.T(console, "cli_plan_new"), HelpName = "N" };
        var candidates = new Option<FileInfo?>("--candidates") { Description = PlanCli.T(console, "cli_plan_candidates"), HelpName = "F" };
        var noGenerated = new Option<bool>("--no-generated") { Description = PlanCli.T(console, "cli_plan_no_generated") };
        var noExisting = new Option<bool>("--no-existing") { Description = PlanCli.T(console, "cli_plan_no_existing") };
        var noImported = new Option<bool>("--no-imported") { Description = PlanCli.T(console, "cli_plan_no_imported") };
        var keep = new Option<bool>("--keep-existing") { Description = PlanCli.T(console, "cli_plan_keep_existing") };
        var capacity = new Option<int?>("--capacity") { Description = PlanCli.T(console, "cli_plan_capacity"), HelpName = "C" };
        var matrix = new Option<FileInfo?>("--cost-matrix") { Description = PlanCli.T(console, "cli_plan_cost_matrix"), HelpName = "M.csv" };
        var timeLimit = new Option<double>("--time-limit") { Description = PlanCli.T(console, "cli_plan_time_limit"), DefaultValueFactory = _ => 30, HelpName = "S" };
        var mode = new Option<string>("--mode") { Description = PlanCli.T(console, "cli_plan_mode"), DefaultValueFactory = _ => "auto", HelpName = "auto|exact|heuristic" };
        var kind = new Option<string>("--kind") { Description = PlanCli.T(console, "cli_plan_kind", ("kinds", PlanCli.KindCodes)), DefaultValueFactory = _ => "lieu_relais", HelpName = "K" };
        var save = new Option<string?>("--save-scenario") { Description = PlanCli.T(console, "cli_plan_save_scenario"), HelpName = PlanCli.T(console, "cli_value_scenario_name") };
        var budget = new Option<double?>("--budget") { Description = PlanCli.T(console, "cli_plan_budget"), HelpName = "EUR" };
        var overwrite = new Option<bool>("--overwrite") { Description = PlanCli.T(console, "cli_plan_overwrite") };
        var json = CommonOptions.Json(console);
        var command = new Command("sites", PlanCli.T(console, "cli_plan_sites_description"))
        {
            project, problem, minutes, count, added, candidates, noGenerated, noExisting, noImported, keep, capacity, budget, matrix, timeLimit, mode, kind, save, overwrite, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var asJson = parse.GetValue(json);
            if (!PlanningProblems.TryParse(parse.GetValue(problem), out var p))
                throw PlanCli.Bad("plan_problem_unknown", ("value", parse.GetValue(problem)));
            if (!AgencyKinds.TryParse(parse.GetValue(kind), out var plannedKind))
                throw PlanCli.Bad("plan_kind_unknown", ("value", parse.GetValue(kind)), ("kinds", string.Join(", ", AgencyKinds.All.Select(k => k.Code()))));
            var solveMode = parse.GetValue(mode) switch
            {
                "auto" => SolveMode.Auto,
                "exact" => SolveMode.Exact,
                "heuristic" => SolveMode.Heuristic,
                var other => throw PlanCli.Bad("plan_mode_unknown", ("value", other)),
            };
            var scenarioName = parse.GetValue(save);
            using var store = ProjectStores.Open(path);
            if (scenarioName is not null)
            {
                scenarioName = ScenarioNames.Check(scenarioName);
                if (!parse.GetValue(overwrite) && store.ReadScenario(scenarioName) is not null)
                    throw PlanCli.Bad("scenario_name_taken", ("name", scenarioName));
            }
            var data = ProjectData.Read(store);
            if (data.Estates.Count == 0) throw PlanCli.Bad("plan_no_estates", ("command", "territory import F --into P.gpkg --as estates"));
            var costMatrix = parse.GetValue(matrix);
            if (costMatrix is { Exists: false }) throw PlanCli.Bad("plan_file_missing", ("path", costMatrix.FullName));
            var file = parse.GetValue(candidates);
            // --new N: the existing points stay and N new sites join them (p = existing + N).
            var newSites = parse.GetValue(added);
            if (newSites is not null && parse.GetValue(count) is not null) throw PlanCli.Bad("plan_new_and_count");
            if (newSites is < 1) throw PlanCli.Bad("planning_count_invalid", ("count", newSites));
            var keepExisting = parse.GetValue(keep) || newSites is not null;
            var total = newSites is { } n ? n + (parse.GetValue(noExisting) ? 0 : data.Agencies.Count) : parse.GetValue(count);
            var options = new SitePlanOptions
            {
                Problem = p, Minutes = parse.GetValue(minutes), Count = total,
                Sources = new CandidateSelection { Existing = !parse.GetValue(noExisting), ImportedLayer = !parse.GetValue(noImported), Generated = !parse.GetValue(noGenerated) },
                ExtraCandidates = file is null ? [] : PlanInputs.Candidates(file, data.WorkingCrs, PlanCli.Lang(console), console.Error.WriteLine, cancel.Token), ExtraCandidatesFile = file?.Name,
                KeepExisting = keepExisting, Capacity = parse.GetValue(capacity), CostMatrixPath = costMatrix?.FullName,
                TimeLimitSeconds = parse.GetValue(timeLimit), PlannedKind = plannedKind, Mode = solveMode, BudgetEuros = parse.GetValue(budget),
            };
            var graph = costMatrix is null ? store.LoadRoadGraph() : null;
            var result = PlanProgress.Run(console, asJson, progress => SitePlanService.Plan(data, graph, options, progress, cancel.Token));
            // Written only once the plan exists: bad input above leaves the project untouched.
            SitePlanStore.Write(store, result);
            if (scenarioName is not null)
                store.SaveScenario(SitePlanScenario.From(result, scenarioName, Environment.UserName, data.WorkingCrs, PlanCli.Lang(console), data.Agencies), parse.GetValue(overwrite));
            PlanSitesPrinter.Print(console, asJson, result, scenarioName, data);
            return 0;
        }));
        return command;
    }
}
