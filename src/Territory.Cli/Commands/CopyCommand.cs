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
        var source = new Argument<string>("SRC") { Description = console.T("copy_source_help", ("forms", CommonOptions.ProjectForms(console))) };
        var target = new Argument<string>("DST") { Description = console.T("copy_target_help", ("forms", CommonOptions.ProjectForms(console))) };
        var overwrite = new Option<bool>("--overwrite") { Description = console.T("copy_overwrite_help") };
        var json = CommonOptions.Json(console);
        var command = new Command("copy", console.T("copy_help"))
        {
            source, target, overwrite, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var from = CommonOptions.ExistingProject(parse.GetValue(source)!);
            var to = CommonOptions.Location(parse.GetValue(target)!);
            if (string.Equals(ProjectStores.Display(from), ProjectStores.Display(to), StringComparison.Ordinal))
                throw new CliUserException("copy_same_project");
            var asJson = parse.GetValue(json);
            var isNew = !ProjectStores.Exists(to);
            ProjectCopyOutcome outcome;
            try
            {
                using var src = ProjectStores.Open(from);
                using var dst = ProjectStores.Open(to);
                outcome = ProgressDisplay.Run(console, asJson, console.T("copy_progress"),
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
            console.Out.WriteLine(console.T("copy_done", ("source", outcome.Source), ("target", outcome.Target), ("version", outcome.DataVersion)));
            foreach (var (name, rows) in outcome.Rows.OrderBy(t => t.Key, StringComparer.Ordinal))
                console.Out.WriteLine("  " + console.T("copy_table_rows", ("table", name), ("rows", rows)));
            if (outcome.RoadGraph)
                console.Out.WriteLine("  " + console.T(outcome.Hierarchy ? "copy_road_graph_hierarchy" : "copy_road_graph"));
            return 0;
        }));
        return command;
    }
}
