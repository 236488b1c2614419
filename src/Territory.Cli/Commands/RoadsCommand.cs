using System.CommandLine;
using Territory.IO.Import;
using Territory.Core.Messages;
using Territory.Cli.Infrastructure;
using Territory.IO.Travel;
using Territory.Routing.Algorithms;
using Territory.Routing.Osm;
using Territory.Routing.Profiles;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory roads build OSM_FILE --into P</c>: builds the car road graph once (beside a GeoPackage, in a PostGIS schema).</summary>
internal static class RoadsCommand
{
    public static Command Create(CliConsole console)
    {
        var osm = new Argument<FileInfo>("OSM_FILE") { Description = console.T("cli_roads_osm"), HelpName = console.T("cli_value_osm") };
        var into = new Option<string>("--into") { Description = console.T("cli_roads_into", ("forms", CommonOptions.ProjectForms(console))), Required = true, HelpName = console.T("cli_value_location") };
        var profile = new Option<FileInfo?>("--profile") { Description = console.T("cli_roads_profile"), HelpName = console.T("cli_value_json") };
        var replace = new Option<bool>("--replace") { Description = console.T("cli_roads_replace") };
        var allowPartial = CommonOptions.AllowPartial(console);
        var json = CommonOptions.Json(console);
        var build = new Command("build", console.T("cli_roads_build_description")) { osm, into, profile, replace, allowPartial, json };
        build.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var source = parse.GetValue(osm)!;
            if (!source.Exists)
                throw new CliUserException("cli_roads_osm_missing", ("file", source.Name), ("path", source.FullName));
            var project = CommonOptions.Location(parse.GetValue(into)!);
            var car = parse.GetValue(profile) is { } p ? CarProfile.Load(p.FullName) : CarProfile.Default;
            var asJson = parse.GetValue(json);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var built = ProgressDisplay.Run(console, asJson, console.T("cli_progress_roads", ("file", source.Name), ("mb", source.Length / 1e6)),
                progress => OsmRoadGraphLoader.Load(source.FullName, car, progress, cancel.Token));
            // An empty or much smaller network never replaces a good one unless the user says so.
            if (CheckReplacement(built.Graph, project, source.Name, parse.GetValue(replace)) is { } refusal)
                throw new Territory.Core.Messages.ReasonException(refusal);
            // OSRM's contract step: done once here so every matrix of a large network runs on the hierarchy.
            var hierarchySeconds = 0.0;
            if (built.Graph.NodeCount >= TravelTimeMatrix.HierarchyMinNodes)
            {
                var contraction = System.Diagnostics.Stopwatch.StartNew();
                var hierarchy = ProgressDisplay.Run(console, asJson, console.T("cli_progress_hierarchy", ("nodes", built.Graph.NodeCount)),
                    progress => ContractionHierarchy.Build(built.Graph, progress, cancel.Token));
                built.Graph.AttachHierarchy(hierarchy);
                hierarchySeconds = contraction.Elapsed.TotalSeconds;
            }
            // A network of another area (every estate unreachable) is refused before it replaces anything: exit 3.
            var coverage = new OverlapCheck(OverlapVerdict.Unchecked, null);
            if (ProjectStores.Exists(project))
            {
                using var store = ProjectStores.Open(project);
                if (store.WorkingCrs is int crs)
                    coverage = RoadCoverage.Check(built.Graph, store.ReadEstates(), crs, source.Name, ct: cancel.Token);
            }
            if (coverage.Verdict == OverlapVerdict.Insufficient && !parse.GetValue(allowPartial))
                throw new CliPartialException(Message.Of("cli_overlap_refused", ("reason", coverage.Reason)));
            if (coverage is { Verdict: OverlapVerdict.Partial or OverlapVerdict.Insufficient, Reason: { } partial })
                console.Error.WriteLine(console.T("cli_overlap_partial", ("reason", partial)));
            var path = SaveToProject(built.Graph, project, cancel.Token);
            var hierarchyPath = built.Graph.Hierarchy is null ? null
                : ProjectStores.IsUri(project) ? path : ProjectRoadGraph.HierarchyPathFor(project);
            var r = built.Report;
            if (asJson)
            {
                JsonOutput.Write(console, new
                {
                    nodes = r.NodeCount,
                    edges = r.EdgeCount,
                    arcs = r.ArcCount,
                    components = r.ComponentCount,
                    largest_component_nodes = r.LargestComponentNodeCount,
                    largest_component_share = Math.Round(r.LargestComponentShare, 4),
                    missing_node_refs = r.MissingNodeRefs,
                    ways_cut_at_missing_nodes = r.WaysCutAtMissingNodes,
                    drivable_ways = r.DrivableWays,
                    excluded_by_access = r.ExcludedByAccess,
                    ways_by_class = r.WaysByClass,
                    profile = car.Name,
                    graph = path,
                    hierarchy = hierarchyPath,
                    hierarchy_arcs = built.Graph.Hierarchy?.ArcCount,
                    hierarchy_seconds = Math.Round(hierarchySeconds, 2),
                    seconds = Math.Round(started.Elapsed.TotalSeconds, 2),
                    estates_connected = coverage.Verdict == OverlapVerdict.Unchecked ? (int?)null : coverage.Covered,
                    estates = coverage.Verdict == OverlapVerdict.Unchecked ? (int?)null : coverage.Total,
                });
                return 0;
            }
            var o = console.Out;
            o.WriteLine(console.T("cli_roads_summary", ("profile", car.Name), ("nodes", r.NodeCount), ("edges", r.EdgeCount), ("ways", r.DrivableWays)));
            o.WriteLine("  " + console.T("cli_roads_components", ("count", r.ComponentCount), ("largest", r.LargestComponentNodeCount), ("share", r.LargestComponentShare)));
            if (r.MissingNodeRefs > 0)
                o.WriteLine("  " + console.T("cli_roads_cut", ("refs", r.MissingNodeRefs), ("ways", r.WaysCutAtMissingNodes)));
            if (r.ExcludedByAccess > 0)
                o.WriteLine("  " + console.T("cli_roads_excluded", ("count", r.ExcludedByAccess)));
            o.WriteLine("  " + console.T("cli_roads_classes", ("classes", string.Join(", ", r.WaysByClass.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {Core.Messages.NumberText.Format(kv.Value, 0, console.Lang)}")))));
            o.WriteLine("  " + console.T("cli_roads_written", ("path", path), ("seconds", started.Elapsed.TotalSeconds)));
            if (hierarchyPath is not null)
                o.WriteLine("  " + console.T("cli_roads_hierarchy_written", ("path", hierarchyPath), ("arcs", built.Graph.Hierarchy!.ArcCount), ("seconds", hierarchySeconds)));
            return 0;
        }));
        var roads = new Command("roads", console.T("cli_roads_description")) { build };
        return roads;
    }

    /// <summary>The refusal of a graph that would replace the project's current one badly, or null.</summary>
    private static Territory.Core.Messages.Message? CheckReplacement(Territory.Routing.Graph.RoadGraph graph, string project, string source, bool allowShrink)
    {
        if (!ProjectStores.IsUri(project))
            return ProjectRoadGraph.CheckReplacement(graph, project, source, allowShrink);
        int? current = null;
        if (!allowShrink && ProjectStores.Exists(project))
        {
            using var store = ProjectStores.Open(project);
            current = store.LoadRoadGraph()?.NodeCount;
        }
        return ProjectRoadGraph.CheckReplacement(graph, current, source, allowShrink);
    }

    /// <summary>
    /// Writes the graph through the project's store (beside a GeoPackage, in a PostGIS schema); a road network
    /// may come before any layer, so a missing project is created — only now that the graph is good, and
    /// removed again if the graph cannot be written.
    /// </summary>
    private static string SaveToProject(Territory.Routing.Graph.RoadGraph graph, string project, CancellationToken ct)
    {
        var created = !ProjectStores.Exists(project);
        try
        {
            using var store = ProjectStores.Open(project);
            store.SaveRoadGraph(graph, ct);
            return store.RoadGraphLocation;
        }
        catch when (created)
        {
            ProjectStores.Remove(project);
            throw;
        }
    }
}
