using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory copy SRC DST</c>: a whole project from a GeoPackage to PostGIS, or back.</summary>
/// <remarks>
/// Input layers with their previous versions, result layers, scenarios, stored results, audit, metadata
/// (data version included) and the road graph; the target is written in one transaction and must be
/// empty unless <c>--overwrite</c>.
/// </remarks>
internal static class CopyCommand
{
    public static Command Create(CliConsole console)
    {
        var source = new Argument<string>("SRC") { Description = "Projet source : " + CommonOptions.ProjectForms + "." };
        var target = new Argument<string>("DST") { Description = "Projet de destination (créé s'il n'existe pas, vide sauf --overwrite) : " + CommonOptions.ProjectForms + "." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Remplace le projet de destination s'il contient déjà des données." };
        var json = CommonOptions.Json();
        var command = new Command("copy", "Copie un projet entier (couches, versions précédentes, résultats, scénarios, journal, graphe routier) entre un GeoPackage et une base PostGIS.")
        {
            source, target, overwrite, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var from = CommonOptions.ExistingProject(parse.GetValue(source)!);
            var to = CommonOptions.Location(parse.GetValue(target)!);
            if (string.Equals(ProjectStores.Display(from), ProjectStores.Display(to), StringComparison.Ordinal))
                throw new CliUserException("la source et la destination sont le même projet.");
            var asJson = parse.GetValue(json);
            var isNew = !ProjectStores.Exists(to);
            ProjectCopyOutcome outcome;
            try
            {
                using var src = ProjectStores.Open(from);
                using var dst = ProjectStores.Open(to);
                outcome = ProgressDisplay.Run(console, asJson, "Copie du projet",
                    progress => ProjectCopy.Run(src, dst, parse.GetValue(overwrite), progress, cancel.Token));
            }
            catch when (isNew)
            {
                ProjectStores.Remove(to);
                throw;
            }
            if (asJson)
            {
                JsonOutput.Write(console, new
                {
                    source = outcome.Source,
                    target = outcome.Target,
                    data_version = outcome.DataVersion,
                    tables = outcome.Rows.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new { name = t.Key, rows = t.Value }),
                    road_graph = outcome.RoadGraph,
                    hierarchy = outcome.Hierarchy,
                });
                return 0;
            }
            console.Out.WriteLine($"Projet copié : {outcome.Source} → {outcome.Target} (version des données {outcome.DataVersion})");
            foreach (var (name, rows) in outcome.Rows.OrderBy(t => t.Key, StringComparer.Ordinal))
                console.Out.WriteLine($"  {name,-28} {rows,10} lignes");
            if (outcome.RoadGraph)
                console.Out.WriteLine($"  graphe routier copié{(outcome.Hierarchy ? " avec sa hiérarchie de contraction" : "")}");
            return 0;
        }));
        return command;
    }
}
