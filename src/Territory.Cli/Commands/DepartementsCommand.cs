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
        var project = CommonOptions.Project("Projet PostGIS (postgresql://UTILISATEUR@HÔTE:PORT/BASE?schema=NOM).");
        var parallel = new Option<int?>("--parallel") { Description = "Départements analysés en même temps (défaut : nombre de processeurs)." };
        var config = new Option<FileInfo?>("--config") { Description = "Seuils de la typologie (JSON) ; défaut : seuils documentés dans docs/typologie.md." };
        var json = CommonOptions.Json();
        var command = new Command("analyse-departements", "Analyse un projet national département par département, en parallèle, en ne recalculant que les départements dont les données ont changé (projets PostGIS).")
        {
            project, parallel, config, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var location = CommonOptions.ExistingProject(parse.GetValue(project)!);
            if (!ProjectStores.IsUri(location))
                throw new CliUserException("l'analyse par département s'applique aux projets PostGIS (le projet GeoPackage s'analyse en entier : territory analyse).");
            var typology = parse.GetValue(config) is { } c ? TypologyConfig.Load(c.FullName) : TypologyConfig.Default;
            var asJson = parse.GetValue(json);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var runs = ProgressDisplay.Run(console, asJson, "Analyse par département",
                progress => DepartementAnalysis.Run(location, typology, parse.GetValue(parallel), progress, cancel.Token));
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
            console.Out.WriteLine($"{runs.Count} départements : {runs.Count(r => !r.Reused)} recalculés, {runs.Count(r => r.Reused)} inchangés (résultats conservés) ; {runs.Sum(r => r.Estates)} résidences, {runs.Sum(r => r.Territories)} territoires ({seconds} s)");
            foreach (var r in runs.Where(r => !r.Reused))
                console.Out.WriteLine($"  {(r.Departement.Length == 0 ? "(commune inconnue)" : r.Departement.ToUpperInvariant()),-5} {r.Estates,7} résidences {r.Territories,6} territoires {r.Seconds,8:0.00} s");
            return 0;
        }));
        return command;
    }
}
