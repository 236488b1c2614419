using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.IO.Travel;
using Territory.Routing.Algorithms;
using Territory.Routing.Osm;
using Territory.Routing.Profiles;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory roads build OSM_FILE --into P.gpkg</c>: builds the car road graph once.</summary>
internal static class RoadsCommand
{
    public static Command Create(CliConsole console)
    {
        var osm = new Argument<FileInfo>("OSM_FILE") { Description = "Extrait OpenStreetMap : .osm.pbf, .osm ou .osm.gz." };
        var into = new Option<string>("--into") { Description = "Projet (créé s'il n'existe pas) : " + CommonOptions.ProjectForms + " ; le graphe est écrit à côté d'un GeoPackage (P.roads.graph, et P.roads.ch pour un grand réseau), dans le schéma d'une base PostGIS.", Required = true };
        var profile = new Option<FileInfo?>("--profile") { Description = "Profil voiture JSON (vitesses par classe de route) ; défaut : profil intégré." };
        var replace = new Option<bool>("--replace") { Description = "Confirme le remplacement du réseau actuel par un réseau de moins de la moitié de ses nœuds." };
        var json = CommonOptions.Json();
        var build = new Command("build", "Construit le graphe routier voiture depuis OpenStreetMap (une fois ; lu ensuite en lecture seule).") { osm, into, profile, replace, json };
        build.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var source = parse.GetValue(osm)!;
            if (!source.Exists)
                throw new CliUserException($"{source.Name} : fichier OSM introuvable ({source.FullName}).");
            var project = CommonOptions.Location(parse.GetValue(into)!);
            var car = parse.GetValue(profile) is { } p ? CarProfile.Load(p.FullName) : CarProfile.Default;
            var asJson = parse.GetValue(json);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var built = ProgressDisplay.Run(console, asJson, $"Graphe routier depuis {source.Name}",
                progress => OsmRoadGraphLoader.Load(source.FullName, car, progress, cancel.Token));
            // An empty or much smaller network never replaces a good one unless the user says so.
            if (CheckReplacement(built.Graph, project, source.Name, parse.GetValue(replace)) is { } refusal)
                throw new Territory.Core.Messages.ReasonException(refusal);
            // OSRM's contract step: done once here so every matrix of a large network runs on the hierarchy.
            var hierarchySeconds = 0.0;
            if (built.Graph.NodeCount >= TravelTimeMatrix.HierarchyMinNodes)
            {
                var contraction = System.Diagnostics.Stopwatch.StartNew();
                var hierarchy = ProgressDisplay.Run(console, asJson, "Hiérarchie de contraction",
                    progress => ContractionHierarchy.Build(built.Graph, progress, cancel.Token));
                built.Graph.AttachHierarchy(hierarchy);
                hierarchySeconds = contraction.Elapsed.TotalSeconds;
            }
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
                });
                return 0;
            }
            var o = console.Out;
            o.WriteLine($"Graphe routier ({car.Name}) : {r.NodeCount} nœuds, {r.EdgeCount} tronçons, {r.DrivableWays} voies carrossables");
            o.WriteLine($"  Composantes fortement connexes : {r.ComponentCount} ; la plus grande : {r.LargestComponentNodeCount} nœuds ({r.LargestComponentShare:P1})");
            if (r.MissingNodeRefs > 0)
                o.WriteLine($"  Extrait découpé : {r.MissingNodeRefs} références à des nœuds absents ; {r.WaysCutAtMissingNodes} voies coupées à ces nœuds (jamais raccordées ailleurs)");
            if (r.ExcludedByAccess > 0)
                o.WriteLine($"  Voies exclues (accès interdit ou privé) : {r.ExcludedByAccess}");
            o.WriteLine($"  Voies par classe : {string.Join(", ", r.WaysByClass.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"))}");
            o.WriteLine($"  Graphe écrit : {path} ({started.Elapsed.TotalSeconds:0.0} s)");
            if (hierarchyPath is not null)
                o.WriteLine($"  Hiérarchie de contraction écrite : {hierarchyPath} ({built.Graph.Hierarchy!.ArcCount} arcs, {hierarchySeconds:0.0} s)");
            return 0;
        }));
        var roads = new Command("roads", "Réseau routier OpenStreetMap du projet.") { build };
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
