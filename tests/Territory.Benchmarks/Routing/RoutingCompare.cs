using System.Diagnostics;
using System.Globalization;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Isochrones;
using Territory.Routing.Osm;

namespace Territory.Benchmarks.Routing;

/// <summary>
/// Non-BenchmarkDotNet mode for <c>scripts/pgrouting-compare.sh</c>: exports the graph and an OD set
/// as CSV for pgRouting, then times our matrix and isochrones on the same inputs.
/// </summary>
/// <remarks>Uses only the public Routing API, so the script can also compile it in a throwaway runner.</remarks>
public static class RoutingCompare
{
    /// <summary>Arguments: output folder, OSM extract, sources (20), targets (2000), repetitions (5).</summary>
    public static void Run(string[] args)
    {
        string outDir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "territory-pgr");
        string osm = args.Length > 1 ? args[1] : "../shared/geodata/osm/andorra.osm.pbf";
        int sourceCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        int targetCount = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000;
        int repetitions = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
        Directory.CreateDirectory(outDir);
        var sw = Stopwatch.StartNew();
        var graph = OsmRoadGraphLoader.Load(osm).Graph;
        Report("ours_osm_build_ms", sw.Elapsed.TotalMilliseconds);
        using (var w = new StreamWriter(Path.Combine(outDir, "edges.csv"))) RoadGraphCsvExporter.WriteEdges(graph, w);
        using (var w = new StreamWriter(Path.Combine(outDir, "vertices.csv"))) RoadGraphCsvExporter.WriteVertices(graph, w);

        var random = new Random(2026);
        var nodes = Enumerable.Range(0, graph.NodeCount).Where(graph.IsInLargestComponent).ToArray();
        var sources = Enumerable.Range(0, sourceCount).Select(_ => nodes[random.Next(nodes.Length)]).ToArray();
        var targets = Enumerable.Range(0, targetCount).Select(_ => nodes[random.Next(nodes.Length)]).ToArray();
        File.WriteAllLines(Path.Combine(outDir, "od_sources.csv"), sources.Select(v => (v + 1).ToString(CultureInfo.InvariantCulture)));
        File.WriteAllLines(Path.Combine(outDir, "od_targets.csv"), targets.Select(v => (v + 1).ToString(CultureInfo.InvariantCulture)));
        int origin = sources[0];
        File.WriteAllText(Path.Combine(outDir, "iso_origin.txt"), (origin + 1).ToString(CultureInfo.InvariantCulture));

        sw.Restart();
        var hierarchy = ContractionHierarchy.Build(graph);
        Report("ours_ch_build_ms", sw.Elapsed.TotalMilliseconds);
        var src = sources.Select(v => (graph.GetNodeLon(v), graph.GetNodeLat(v))).ToArray();
        var dst = targets.Select(v => (graph.GetNodeLon(v), graph.GetNodeLat(v))).ToArray();
        TravelTimeMatrix? matrix = null;
        Report("ours_matrix_phast_ms", Best(repetitions, () => matrix = TravelTimeMatrix.Compute(graph, src, dst, new MatrixOptions { Hierarchy = hierarchy })));
        Report("ours_matrix_dijkstra_ms", Best(repetitions, () => TravelTimeMatrix.Compute(graph, src, dst, new MatrixOptions { Algorithm = MatrixAlgorithm.Dijkstra })));
        Report("ours_matrix_phast_1thread_ms", Best(repetitions, () => TravelTimeMatrix.Compute(graph, src, dst, new MatrixOptions { Hierarchy = hierarchy, MaxDegreeOfParallelism = 1 })));
        using (var w = new StreamWriter(Path.Combine(outDir, "ours_matrix.csv")))
        {
            w.WriteLine("start_vid,end_vid,agg_cost");
            for (int s = 0; s < sources.Length; s++)
                for (int t = 0; t < targets.Length; t++)
                    if (matrix![s, t].DurationSeconds is { } d)
                        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sources[s] + 1},{targets[t] + 1},{d:R}"));
        }

        var builder = new IsochroneBuilder(graph);
        var originPoint = (graph.GetNodeLon(origin), graph.GetNodeLat(origin));
        IReadOnlyList<Isochrone>? areas = null;
        Report("ours_isochrones_10_20_30_ms", Best(repetitions, () => areas = builder.Build(originPoint, [10, 20, 30])));
        foreach (var a in areas!)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours_isochrone_{a.CutoffMinutes:0}min_nodes={a.ReachedNodeCount} valid={a.Area.IsValid} vertices={a.Area.NumPoints}"));

        string graphFile = Path.Combine(outDir, "graph.bin");
        graph.Save(graphFile);
        Report("ours_graph_load_ms", Best(repetitions, () => RoadGraph.Load(graphFile)));
    }

    // Warmed up as BenchmarkDotNet would, since pgRouting's side is compiled C: the runtime compiles a method fully
    // optimised after about thirty calls, on a background thread and after a short delay; so at least 50 calls and one
    // second (at most ten seconds) before the timed ones.
    private static double Best(int repetitions, Action action)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; (i < 50 || warm.Elapsed < TimeSpan.FromSeconds(1)) && warm.Elapsed < TimeSpan.FromSeconds(10); i++)
            action();
        double best = double.MaxValue;
        for (int i = 0; i < repetitions; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        return best;
    }

    private static void Report(string key, double milliseconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={milliseconds:0.###}"));
}
