using System.Diagnostics;
using System.Globalization;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Benchmarks.Speed;

/// <summary>
/// <c>ch-build WIDTH HEIGHT [uniform|arterial] [THREADS] [SEED]</c>: contracts a generated grid
/// (uniform random speeds by default: no road hierarchy) and prints the build time, the arc count,
/// the CPU and wall time of each phase, the peak working set and a PHAST check against Dijkstra on a
/// few sources. <c>ch-build andorra [THREADS]</c> does the same on the Andorra road graph.
/// </summary>
public static class ContractionRun
{
    public static void Run(string[] args)
    {
        bool andorra = args.Length > 0 && args[0] == "andorra";
        var sw = Stopwatch.StartNew();
        RoadGraph g;
        int threads;
        if (andorra)
        {
            threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
            g = Territory.Benchmarks.Routing.RoutingBenchData.Andorra();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"graph Andorra: {g.NodeCount} nodes, {g.ArcCount} arcs, read in {sw.Elapsed.TotalSeconds:0.0} s"));
        }
        else
        {
            int width = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
            int height = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : width;
            bool uniform = args.Length <= 2 || args[2] != "arterial";
            threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
            int seed = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 42;
            g = SyntheticRoadNetwork.Grid(width, height, seed, uniformSpeeds: uniform);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"graph {width}x{height} {(uniform ? "uniform" : "arterial")} speeds: {g.NodeCount} nodes, {g.ArcCount} arcs, generated in {sw.Elapsed.TotalSeconds:0.0} s"));
        }
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        // Where the time goes: the bulk of the nodes goes fast, the dense top of the hierarchy slowly.
        double[] marks = [0.5, 0.9, 0.99, 0.999];
        int mark = 0;
        var clock = Stopwatch.StartNew();
        var progress = new SynchronousProgress(f =>
        {
            while (mark < marks.Length && f >= marks[mark])
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {marks[mark++]:P1} of the nodes contracted at {clock.Elapsed.TotalSeconds:0.0} s"));
        });
        var ch = ContractionHierarchy.Build(g, new ContractionOptions { MaxDegreeOfParallelism = threads }, progress, out var statistics);
        double seconds = sw.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ch_build_seconds={seconds:0.00} cpu_seconds={cpuSeconds:0.0} threads={threads} arcs={ch.ArcCount} arcs_per_original={ch.ArcCount / (double)g.ArcCount:0.00} peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0}"));
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rounds={statistics.Rounds} shortcuts={statistics.Shortcuts} simulations={statistics.Simulations} (initial included) witness searches={statistics.Searches} settled={statistics.Settled} relaxed={statistics.Relaxed}"));
        foreach (var (name, phase) in new[] { ("initial priorities", statistics.Initial), ("selection", statistics.Selection), ("re-simulation", statistics.Simulation),
                     ("contraction", statistics.Contraction), ("applying", statistics.Apply) })
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} wall {phase.WallSeconds,7:0.00} s  cpu {phase.CpuSeconds,7:0.00} s"));
        var phast = new PhastSearch(ch);
        var dijkstra = new DijkstraSearch(g);
        var random = new Random(1);
        long checkedPairs = 0;
        double phastMs = 0, dijkstraMs = 0;
        for (int k = 0; k < 5; k++)
        {
            int s = random.Next(g.NodeCount);
            sw.Restart(); phast.Run([(s, 0L, 0.0)], []); phastMs += sw.Elapsed.TotalMilliseconds;
            sw.Restart(); dijkstra.Run([(s, 0L, 0.0)], []); dijkstraMs += sw.Elapsed.TotalMilliseconds;
            for (int t = 0; t < g.NodeCount; t++)
            {
                if (phast.CostMs(t) != dijkstra.CostMs(t)) throw new InvalidOperationException($"PHAST differs from Dijkstra at {s} → {t}");
                checkedPairs++;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checked {checkedPairs} one-to-all costs against Dijkstra: equal; PHAST {phastMs / 5:0.0} ms, Dijkstra {dijkstraMs / 5:0.0} ms per tree"));
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> would post to the thread pool, late).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
