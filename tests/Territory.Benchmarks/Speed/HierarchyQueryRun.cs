using System.Diagnostics;
using System.Globalization;
using Territory.Benchmarks.Routing;
using Territory.Routing.Algorithms;

namespace Territory.Benchmarks.Speed;

/// <summary>
/// <c>ch-query HIERARCHY_FILE [ITERATIONS]</c>: the <c>*MillionNodeMatrix*</c> matrices (100 × 20,000 on the
/// generated 1,000,000-node grid, PHAST and RPHAST, 2 threads) over a given hierarchy file (built and
/// saved there when missing), so hierarchies from two builders are compared on the same graph, points
/// and query code. Prints wall and process CPU per matrix (CPU varies less with the machine's load).
/// </summary>
public static class HierarchyQueryRun
{
    public static void Run(string[] args)
    {
        string path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "territory-bench-grid-1000x1000-v2.ch");
        int iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var graph = RoutingBenchData.MillionNodeGrid();
        ContractionHierarchy hierarchy;
        if (File.Exists(path)) hierarchy = ContractionHierarchy.Load(path, graph);
        else
        {
            hierarchy = ContractionHierarchy.Build(graph);
            hierarchy.Save(path);
        }
        var sources = RoutingBenchData.RandomPoints(graph, 100, 3);
        var targets = RoutingBenchData.RandomPoints(graph, 20_000, 4);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {hierarchy.ArcCount} arcs; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        long[] reference = [];
        foreach (var algorithm in new[] { MatrixAlgorithm.Phast, MatrixAlgorithm.Rphast })
        {
            var options = new MatrixOptions { Hierarchy = hierarchy, Algorithm = algorithm };
            TravelTimeMatrix.Compute(graph, sources, targets, options);
            var wall = new List<double>();
            var cpu = new List<double>();
            TravelTimeMatrix? last = null;
            for (int i = 0; i < iterations; i++)
            {
                var cpuStart = Environment.CpuUsage.TotalTime;
                long start = Stopwatch.GetTimestamp();
                last = TravelTimeMatrix.Compute(graph, sources, targets, options);
                wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                cpu.Add((Environment.CpuUsage.TotalTime - cpuStart).TotalMilliseconds);
            }
            // Both algorithms must give the same cells (each is tested against Dijkstra; this guards the comparison).
            var cells = new long[sources.Length * targets.Length];
            for (int s = 0; s < sources.Length; s++)
                for (int t = 0; t < targets.Length; t++)
                    cells[s * targets.Length + t] = (long)Math.Round((last![s, t].DurationSeconds ?? -1) * 1000);
            if (reference.Length == 0) reference = cells;
            else if (!reference.AsSpan().SequenceEqual(cells)) throw new InvalidOperationException("PHAST and RPHAST matrices differ.");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{algorithm} 100x20000: wall min {wall.Min():0} ms mean {wall.Average():0} ms; cpu min {cpu.Min():0} ms mean {cpu.Average():0} ms ({iterations} runs)"));
        }
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
    }
}
