using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.IO.Travel;

/// <summary>Where a project's road graph lives: a file beside the project GeoPackage, with its contraction hierarchy.</summary>
/// <remarks>
/// OSRM's split: <c>territory roads build</c> writes the frozen graph (and, for a large graph, its
/// contraction hierarchy) once; analyses and the map server only load them (read-only).
/// <c>P.gpkg</c> → <c>P.roads.graph</c> and <c>P.roads.ch</c>. The hierarchy file carries a
/// fingerprint of the graph's edges: a hierarchy of another graph is ignored on load (routing
/// falls back to plain Dijkstra), never used.
/// </remarks>
public static class ProjectRoadGraph
{
    /// <summary>Path of the graph file of a project.</summary>
    public static string PathFor(string projectPath) => Beside(projectPath, ".roads.graph");

    /// <summary>Path of the contraction hierarchy file of a project.</summary>
    public static string HierarchyPathFor(string projectPath) => Beside(projectPath, ".roads.ch");

    /// <summary>The project's graph (with its hierarchy attached when a matching one is stored), or null when no road network was built for it.</summary>
    public static RoadGraph? TryLoad(string projectPath)
    {
        var path = PathFor(projectPath);
        if (!File.Exists(path)) return null;
        var graph = RoadGraph.Load(path);
        var hierarchy = HierarchyPathFor(projectPath);
        if (File.Exists(hierarchy))
        {
            try
            {
                graph.AttachHierarchy(ContractionHierarchy.Load(hierarchy, graph));
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                // Stale (graph rebuilt since) or damaged: every result stays exact with plain Dijkstra.
            }
        }
        return graph;
    }

    /// <summary>Saves atomically (graph, then its attached hierarchy): a crash mid-write never leaves a truncated file in place.</summary>
    /// <remarks>Without an attached hierarchy, a hierarchy file left from an earlier graph is removed.</remarks>
    public static string Save(RoadGraph graph, string projectPath)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var path = PathFor(projectPath);
        var hierarchy = HierarchyPathFor(projectPath);
        if (File.Exists(hierarchy)) File.Delete(hierarchy);
        var temp = path + ".tmp";
        graph.Save(temp);
        File.Move(temp, path, overwrite: true);
        if (graph.Hierarchy is { } ch)
        {
            temp = hierarchy + ".tmp";
            ch.Save(temp);
            File.Move(temp, hierarchy, overwrite: true);
        }
        return path;
    }

    private static string Beside(string projectPath, string suffix)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(projectPath)) ?? ".";
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(projectPath) + suffix);
    }
}
