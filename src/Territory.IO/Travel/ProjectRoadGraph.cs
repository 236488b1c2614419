using Territory.Core.Messages;
using Territory.Routing.Graph;

namespace Territory.IO.Travel;

/// <summary>Where a project's road graph lives: a file beside the project GeoPackage.</summary>
/// <remarks>
/// OSRM's split: <c>territory roads build</c> writes the frozen graph once; analyses and the map
/// server only load it (read-only). <c>P.gpkg</c> → <c>P.roads.graph</c>.
/// </remarks>
public static class ProjectRoadGraph
{
    /// <summary>Share of the current graph's nodes under which a new graph counts as a shrink.</summary>
    public const double ShrinkThreshold = 0.5;

    /// <summary>Path of the graph file of a project.</summary>
    public static string PathFor(string projectPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(projectPath)) ?? ".";
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(projectPath) + ".roads.graph");
    }

    /// <summary>The project's graph, or null when no road network was built for it.</summary>
    public static RoadGraph? TryLoad(string projectPath)
    {
        var path = PathFor(projectPath);
        return File.Exists(path) ? RoadGraph.Load(path) : null;
    }

    /// <summary>Saves atomically: a crash mid-write never leaves a truncated graph in place.</summary>
    public static string Save(RoadGraph graph, string projectPath)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var path = PathFor(projectPath);
        var temp = path + ".tmp";
        try
        {
            graph.Save(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
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
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.EdgeCount == 0 || graph.ArcCount == 0)
            return Message.Of("osm_no_roads", ("file", source), ("items", graph.NodeCount));
        var current = PathFor(projectPath);
        if (allowShrink || !File.Exists(current) || RoadGraph.ReadCounts(current) is not { } before)
            return null;
        return graph.NodeCount < before.Nodes * ShrinkThreshold
            ? Message.Of("roads_would_shrink", ("file", source), ("before", before.Nodes), ("after", graph.NodeCount))
            : null;
    }
}
