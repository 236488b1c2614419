using System.Diagnostics;
using System.Globalization;
using Territory.Benchmarks.Routing;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Benchmarks.Speed;

/// <summary>
/// <c>matrix-floor [REPETITIONS]</c>: Andorra 20 × 2,000 end to end (snapping from lon/lat + matrix,
/// the graph carrying its hierarchy as <c>roads build</c> leaves it) against the floor of a plain
/// single-thread Dijkstra given already snapped points, same run; then snapping alone per point.
/// <c>ch-threshold</c>: Dijkstra against RPHAST matrices (snapped points, 2 threads) on grids of
/// growing size and on Andorra, to place <see cref="TravelTimeMatrix.HierarchyMinNodes"/>.
/// </summary>
public static class MatrixFloor
{
    public static void Run(string[] args)
    {
        int repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        Load();
        var graph = RoutingBenchData.Andorra();
        var sw = Stopwatch.StartNew();
        graph.AttachHierarchy(ContractionHierarchy.Build(graph));
        Report("andorra_ch_build_ms", sw.Elapsed.TotalMilliseconds);
        Console.WriteLine($"andorra: {graph.NodeCount} nodes, threshold {TravelTimeMatrix.HierarchyMinNodes}: auto uses {(graph.NodeCount >= TravelTimeMatrix.HierarchyMinNodes ? "RPHAST" : "Dijkstra")}");
        var sources = RoutingBenchData.RandomPoints(graph, 20, 1);
        var targets = RoutingBenchData.RandomPoints(graph, 2000, 2);
        sw.Restart();
        var first = TravelTimeMatrix.Compute(graph, sources, targets);
        Report("e2e_first_call_ms (builds the snapping index)", sw.Elapsed.TotalMilliseconds);
        var snapper = RoadSnapper.For(graph);
        var s = snapper.SnapMany(sources);
        var t = snapper.SnapMany(targets);
        double floor = Best(repetitions, () => TravelTimeMatrix.Compute(graph, s, t, new MatrixOptions { Algorithm = MatrixAlgorithm.Dijkstra, MaxDegreeOfParallelism = 1 }));
        double floorCpu = LastCpu;
        Report("floor_dijkstra_1thread_snapped_ms", floor, floorCpu);
        double e2e = Best(repetitions, () => TravelTimeMatrix.Compute(graph, sources, targets));
        double e2eCpu = LastCpu;
        Report("e2e_auto_ms", e2e, e2eCpu);
        Report("e2e_auto_1thread_ms", Best(repetitions, () => TravelTimeMatrix.Compute(graph, sources, targets, new MatrixOptions { MaxDegreeOfParallelism = 1 })), LastCpu);
        Report("e2e_dijkstra_2threads_ms", Best(repetitions, () => TravelTimeMatrix.Compute(graph, sources, targets, new MatrixOptions { Algorithm = MatrixAlgorithm.Dijkstra })), LastCpu);
        Report("matrix_rphast_2threads_snapped_ms", Best(repetitions, () => TravelTimeMatrix.Compute(graph, s, t)), LastCpu);
        Report("snap_2020_points_2threads_ms", Best(repetitions, () => { snapper.SnapMany(sources); snapper.SnapMany(targets); }), LastCpu);
        double snapOne = Best(repetitions, () => { snapper.SnapMany(sources, maxDegreeOfParallelism: 1); snapper.SnapMany(targets, maxDegreeOfParallelism: 1); });
        double snapOneCpu = LastCpu;
        Report("snap_2020_points_1thread_ms", snapOne, snapOneCpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"e2e auto / floor = {e2e / floor:0.00} wall, {e2eCpu / floorCpu:0.00} cpu; snapping {snapOneCpu * 1000 / 2020:0.0} µs of cpu per point on one thread"));
        int cells = 0;
        for (int i = 0; i < 20; i++) for (int j = 0; j < 2000; j++) if (first[i, j].IsReachable) cells++;
        Console.WriteLine($"reachable cells {cells} of 40000");

        var grid = RoutingBenchData.MillionNodeGrid();
        var points = RoutingBenchData.RandomPoints(grid, 20_000, 3);
        var far = Enumerable.Range(0, 2_000).Select(i => (1.44 + 2.0 + i * 1e-4, 43.6 + 0.2)).ToArray();
        var gridSnapper = new RoadSnapper(grid);
        Report("million_grid_snap_index_build_ms", Best(1, () => new RoadSnapper(grid)));
        Best(3, () => gridSnapper.SnapMany(points, maxDegreeOfParallelism: 1));
        double perPoint = LastCpu * 1000 / points.Length;
        Best(3, () => gridSnapper.SnapMany(far, maxDegreeOfParallelism: 1));
        double perFar = LastCpu * 1000 / far.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"million_grid_snap_cpu_us_per_point={perPoint:0.00} (near roads), {perFar:0.00} (far outside the network), one thread"));
        Load();
    }

    public static void Threshold(string[] args)
    {
        Load();
        foreach (var (name, graph) in Graphs())
        {
            var sw = Stopwatch.StartNew();
            var ch = ContractionHierarchy.Build(graph);
            double build = sw.Elapsed.TotalMilliseconds;
            var snapper = new RoadSnapper(graph);
            foreach (var (sourceCount, targetCount) in new[] { (1, 20), (10, 1_500), (20, 2_000) })
            {
                var s = snapper.SnapMany(RoutingBenchData.RandomPoints(graph, sourceCount, 1));
                var t = snapper.SnapMany(RoutingBenchData.RandomPoints(graph, targetCount, 2));
                double dijkstra = Best(5, () => TravelTimeMatrix.Compute(graph, s, t, new MatrixOptions { Algorithm = MatrixAlgorithm.Dijkstra }));
                double rphast = Best(5, () => TravelTimeMatrix.Compute(graph, s, t, new MatrixOptions { Hierarchy = ch, Algorithm = MatrixAlgorithm.Rphast }));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-16} nodes={graph.NodeCount,8} {sourceCount}x{targetCount}: dijkstra {dijkstra,8:0.00} ms  rphast {rphast,8:0.00} ms  ratio {dijkstra / rphast:0.00}  (ch build {build:0} ms)"));
            }
        }
        Load();
    }

    private static IEnumerable<(string Name, RoadGraph Graph)> Graphs()
    {
        foreach (int side in new[] { 10, 20, 30, 60, 100, 140, 200, 300 })
            yield return ($"grid {side}x{side}", SyntheticRoadNetwork.Grid(side, side, seed: side));
        yield return ("andorra", RoutingBenchData.Andorra());
    }

    /// <summary>Best wall time of the runs, ms; <see cref="LastCpu"/> gets the best process CPU time (all threads), which a busy shared machine inflates far less.</summary>
    private static double Best(int repetitions, Action action)
    {
        action();
        double best = double.MaxValue, bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < repetitions; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds);
        }
        LastCpu = bestCpu;
        return best;
    }

    private static double LastCpu;

    private static void Load() => Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");

    private static void Report(string key, double milliseconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={milliseconds:0.###}"));

    private static void Report(string key, double milliseconds, double cpuMilliseconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={milliseconds:0.###} (cpu {cpuMilliseconds:0.###})"));
}
