using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Osm;

namespace Territory.Benchmarks.Routing;

/// <summary>Shared inputs of the routing benchmarks: Andorra, a generated ~1M-node grid, OD sets.</summary>
internal static class RoutingBenchData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Osm(string name) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "geodata", "osm", name));

    public static RoadGraph Andorra() => OsmRoadGraphLoader.Load(Osm("andorra.osm.pbf")).Graph;

    /// <summary>1000 × 1000 jittered grid (1,000,000 nodes), cached as a graph file in the temp folder.</summary>
    public static RoadGraph MillionNodeGrid()
    {
        string path = Path.Combine(Path.GetTempPath(), "territory-bench-grid-1000x1000-v1.graph");
        if (File.Exists(path)) return RoadGraph.Load(path);
        var g = SyntheticRoadNetwork.Grid(1000, 1000, seed: 42);
        g.Save(path);
        return g;
    }

    /// <summary>Random node positions of the largest component, jittered by up to ~30 m (so snapping works on them).</summary>
    public static (double Lon, double Lat)[] RandomPoints(RoadGraph g, int count, int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, g.NodeCount).Where(g.IsInLargestComponent).ToArray();
        return Enumerable.Range(0, count).Select(_ =>
        {
            int v = nodes[random.Next(nodes.Length)];
            return (g.GetNodeLon(v) + (random.NextDouble() - 0.5) * 0.0006, g.GetNodeLat(v) + (random.NextDouble() - 0.5) * 0.0004);
        }).ToArray();
    }

    public static ContractionHierarchy Hierarchy(RoadGraph g) => ContractionHierarchy.Build(g);

    /// <summary>The hierarchy of <see cref="MillionNodeGrid"/>, cached in the temp folder (its build takes minutes).</summary>
    public static ContractionHierarchy CachedHierarchy(RoadGraph g, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"territory-bench-{name}.ch");
        if (File.Exists(path))
        {
            try
            {
                using var input = File.OpenRead(path);
                return ContractionHierarchy.Load(input, g);
            }
            catch (InvalidDataException)
            {
                // Stale cache (graph changed): rebuild below.
            }
        }
        var ch = ContractionHierarchy.Build(g);
        using (var output = File.Create(path)) ch.Save(output);
        return ch;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Territory.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
