using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Typology;
using Territory.PostGis.Analysis;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory analyse-departements P [--parallel N] [--config C.json] [--json]</c>: a national project, département by département.</summary>
/// <remarks>PostGIS projects only: the input keys are computed by the server over the partitions of the estates.</remarks>
internal static class DepartementsCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console, "departements_project_help");
        var parallel = new Option<int?>("--parallel") { Description = console.T("departements_parallel_help") };
        var config = new Option<FileInfo?>("--config") { Description = console.T("departements_config_help") };
        var json = CommonOptions.Json(console);
        var command = new Command("analyse-departements", console.T("departements_help"))
        {
            project, parallel, config, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var location = CommonOptions.ExistingProject(parse.GetValue(project)!);
            if (!ProjectStores.IsUri(location))
                throw new CliUserException("departements_geopackage");
            var typology = parse.GetValue(config) is { } c ? TypologyConfig.Load(c.FullName) : TypologyConfig.Default;
            var asJson = parse.GetValue(json);
            // The presence plan's sites hook, as analyse reads it: the project's site plan while it matches the data.
            IReadOnlyList<Core.Presence.SitePlacement>? sites;
            using (var store = ProjectStores.Open(location))
                sites = Planning.Service.SitePlanStore.Read(store) is { } plan ? Planning.Service.SitePlanStore.Placements(plan) : null;
            var started = System.Diagnostics.Stopwatch.StartNew();
            var runs = ProgressDisplay.Run(console, asJson, console.T("departements_progress"),
                progress => DepartementAnalysis.Run(location, typology, parse.GetValue(parallel), progress, cancel.Token, sites));
            var seconds = Math.Round(started.Elapsed.TotalSeconds, 2);
            if (asJson)
            {
                JsonOutput.Write(console, new
                {
                    departements = runs.Count,
                    computed = runs.Count(r => !r.Reused),
                    reused = runs.Count(r => r.Reused),
                    estates = runs.Sum(r => r.Estates),
                    dwellings = runs.Sum(r => r.Dwellings),
                    territories = runs.Sum(r => r.Territories),
                    seconds,
                    runs = runs.Select(r => new
                    {
                        departement = r.Departement,
                        reused = r.Reused,
                        input_key = r.InputKey,
                        estates = r.Estates,
                        dwellings = r.Dwellings,
                        territories = r.Territories,
                        types = r.Types,
                        caretaking_ensembles = r.CaretakingEnsembles,
                        travel_estimated = r.TravelEstimated,
                        seconds = r.Seconds,
                    }),
                });
                return 0;
            }
            console.Out.WriteLine(console.T("departements_summary", ("count", runs.Count), ("computed", runs.Count(r => !r.Reused)), ("reused", runs.Count(r => r.Reused)),
                ("estates", runs.Sum(r => r.Estates)), ("territories", runs.Sum(r => r.Territories)), ("seconds", seconds)));
            foreach (var r in runs.Where(r => !r.Reused))
                console.Out.WriteLine("  " + console.T("departements_line", ("departement", r.Departement.Length == 0 ? console.T("departements_unknown_commune") : r.Departement.ToUpperInvariant()),
                    ("estates", r.Estates), ("territories", r.Territories), ("seconds", r.Seconds)));
            return 0;
        }));
        return command;
    }
}
