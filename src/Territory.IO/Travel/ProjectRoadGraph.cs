using Territory.Routing.Graph;

namespace Territory.IO.Travel;

/// <summary>Where a project's road graph lives: a file beside the project GeoPackage.</summary>
/// <remarks>
/// OSRM's split: <c>territory roads build</c> writes the frozen graph once; analyses and the map
/// server only load it (read-only). <c>P.gpkg</c> → <c>P.roads.graph</c>.
/// </remarks>
public static class ProjectRoadGraph
{
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
        graph.Save(temp);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
