using Territory.Core.Messages;
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
    /// <summary>Share of the current graph's nodes under which a new graph counts as a shrink.</summary>
    public const double ShrinkThreshold = 0.5;

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
        try
        {
            graph.Save(temp);
            File.Move(temp, path, overwrite: true);
            if (graph.Hierarchy is { } ch)
            {
                temp = hierarchy + ".tmp";
                ch.Save(temp);
                File.Move(temp, hierarchy, overwrite: true);
            }
        }
        finally
        {
            // A failed write leaves no half-written file beside the project.
            File.Delete(temp);
        }
        return path;
    }

    /// <summary>
    /// Why <paramref name="graph"/> must not replace the project's current one, or null: a graph without a
    /// routable edge never does, and one with under <see cref="ShrinkThreshold"/> of the current graph's
    /// nodes only when the user confirms (<paramref name="allowShrink"/>, <c>--replace</c>).
    /// </summary>
    /// <param name="graph">The new graph.</param>
    /// <param name="projectPath">The project it is for.</param>
    /// <param name="source">The OSM file it comes from, named in the reason.</param>
    /// <param name="allowShrink">The user confirmed a much smaller network.</param>
    public static Message? CheckReplacement(RoadGraph graph, string projectPath, string source, bool allowShrink)
    {
        var current = PathFor(projectPath);
        var before = allowShrink || !File.Exists(current) ? null : RoadGraph.ReadCounts(current)?.Nodes;
        return CheckReplacement(graph, before, source, allowShrink);
    }

    /// <summary>The same check against a current graph of <paramref name="currentNodes"/> nodes (null: none), wherever the store keeps it.</summary>
    /// <param name="graph">The new graph.</param>
    /// <param name="currentNodes">Node count of the project's current graph, or null when it has none.</param>
    /// <param name="source">The OSM file it comes from, named in the reason.</param>
    /// <param name="allowShrink">The user confirmed a much smaller network.</param>
    public static Message? CheckReplacement(RoadGraph graph, int? currentNodes, string source, bool allowShrink)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.EdgeCount == 0 || graph.ArcCount == 0)
            return Message.Of("osm_no_roads", ("file", source), ("items", graph.NodeCount));
        if (allowShrink || currentNodes is not { } before)
            return null;
        return graph.NodeCount < before * ShrinkThreshold
            ? Message.Of("roads_would_shrink", ("file", source), ("before", before), ("after", graph.NodeCount))
            : null;
    }

    private static string Beside(string projectPath, string suffix)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(projectPath)) ?? ".";
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(projectPath) + suffix);
    }
}
