using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.IO.Travel;
using Territory.Core.Messages;
using Territory.Store.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary><c>territory backup P.gpkg COPIE.gpkg</c>: a consistent copy of a project, even while the map or an import writes to it.</summary>
/// <remarks>
/// SQLite's online backup API copies the last committed state under one read lock (<see cref="GeoPackageProjectStore.BackupTo"/>);
/// the road graph files beside the project are copied beside the copy.
/// </remarks>
internal static class BackupCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console, "cli_backup_project");
        var destination = new Argument<FileInfo>("COPY") { Description = console.T("cli_backup_copy"), HelpName = console.T("cli_value_copy") };
        var json = CommonOptions.Json(console);
        var command = new Command("backup", console.T("cli_backup_description"))
        {
            project, destination, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var source = CommonOptions.ExistingProject(parse.GetValue(project)!);
            // A PostgreSQL server takes its own consistent snapshots: pg_dump of the project's schema.
            if (Territory.Store.ProjectStores.IsUri(source))
                throw new ReasonException(Message.Of("backup_postgis", ("location", Territory.Store.ProjectStores.Display(source)),
                    ("dump", "pg_dump -Fc -n " + Territory.Store.ProjectStores.NameOf(source)), ("copy", "territory copy")));
            var target = parse.GetValue(destination)!.FullName;
            long version;
            using (var store = GeoPackageProjectStore.Open(source))
                version = store.BackupTo(target);
            var graphs = CopyRoadGraph(source, target);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, new { project = source, backup = target, data_version = version, road_graph_files = graphs });
                return 0;
            }
            console.Out.WriteLine(console.T("backup_done", ("file", Path.GetFileName(target)), ("version", version), ("graphs", graphs.Count)));
            return 0;
        }));
        return command;
    }

    /// <summary>The graph and its hierarchy, written beside the project by <c>roads build</c>: copied beside the copy (each atomically).</summary>
    private static List<string> CopyRoadGraph(string source, string target)
    {
        var copied = new List<string>();
        foreach (var (from, to) in new[]
                 {
                     (ProjectRoadGraph.PathFor(source), ProjectRoadGraph.PathFor(target)),
                     (ProjectRoadGraph.HierarchyPathFor(source), ProjectRoadGraph.HierarchyPathFor(target)),
                 })
        {
            if (!File.Exists(from))
                continue;
            File.Copy(from, to + ".tmp", overwrite: true);
            File.Move(to + ".tmp", to, overwrite: true);
            copied.Add(to);
        }
        return copied;
    }
}
