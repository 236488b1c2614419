using System.Diagnostics;
using System.Globalization;
using Territory.Planning.Location;
using Territory.Planning.Matrix;
using Territory.Routing.Algorithms;

namespace Territory.Benchmarks.Planning;

/// <summary>
/// <c>planning [OUT_DIR] [--algorithm dijkstra|rphast|both] [--time-limit S] [--mode auto|exact|heuristic] [--skip-others]</c>:
/// the département-size instance (2,000 candidates × 50,000 estates, p = 20, T = 20 min): matrix, MCLP, then LSCP and
/// p-median on the same matrix; with OUT_DIR, also writes the MCLP coverage sets for <c>scripts/planning-compare.sh</c>.
/// </summary>
/// <remarks>Single timed runs (each step takes seconds), printed as <c>key=value</c> lines the script reads.</remarks>
public static class PlanningBench
{
    public static void Run(string[] args)
    {
        string? outDir = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : null;
        string algorithm = Option(args, "--algorithm") ?? "dijkstra";
        double timeLimit = double.Parse(Option(args, "--time-limit") ?? "25", CultureInfo.InvariantCulture);
        var mode = Enum.Parse<SolveMode>(Option(args, "--mode") ?? "auto", ignoreCase: true);
        const int p = 20;
        const double minutes = 20;

        var sw = Stopwatch.StartNew();
        var data = PlanningBenchData.Create();
        Report("instance_build_s", sw.Elapsed.TotalSeconds);
        Report("graph_nodes", data.Network.Graph.NodeCount);
        Report("graph_edges", data.Network.Graph.EdgeCount);
        CostMatrices.FromRoadGraph(data.Network.Graph, data.Sites[..2], data.Estates[..10], 60); // snapper index, JIT

        CostMatrix? matrix = null;
        if (algorithm is "dijkstra" or "both")
        {
            sw.Restart();
            matrix = CostMatrices.FromRoadGraph(data.Network.Graph, data.Sites, data.Estates, minutes * 60,
                new RoadMatrixOptions { Algorithm = RoadMatrixAlgorithm.BoundedDijkstra });
            Report("matrix_dijkstra_s", sw.Elapsed.TotalSeconds);
        }
        if (algorithm is "rphast" or "both")
        {
            sw.Restart();
            var hierarchy = ContractionHierarchy.Build(data.Network.Graph);
            Report("ch_build_s", sw.Elapsed.TotalSeconds);
            sw.Restart();
            matrix = CostMatrices.FromRoadGraph(data.Network.Graph, data.Sites, data.Estates, minutes * 60,
                new RoadMatrixOptions { Algorithm = RoadMatrixAlgorithm.Rphast, Hierarchy = hierarchy });
            Report("matrix_rphast_s", sw.Elapsed.TotalSeconds);
        }
        Report("matrix_pairs", matrix!.PairCount);
        Report("matrix_reach_share", ReachShare(data, minutes * 60));
        Report("estates_unsnapped", matrix.EstateIssues.Count(i => i is not null));

        var request = new SitePlanRequest
        {
            Problem = PlanningProblem.Mclp, Matrix = matrix, Candidates = data.Candidates(), Demand = data.Demand(),
            Minutes = minutes, Count = p, TimeLimitSeconds = timeLimit, Mode = mode,
        };
        var mclp = Solve("mclp", request);
        if (outDir is not null) PlanningExport.WriteMclp(outDir, request, mclp);
        if (args.Contains("--skip-others")) return;
        Solve("lscp", request with { Problem = PlanningProblem.Lscp, Count = null });
        Solve("pmedian", request with { Problem = PlanningProblem.PMedian });
    }

    private static SitePlan Solve(string name, SitePlanRequest request)
    {
        var plan = SitePlanner.Plan(request);
        Report(name + "_s", plan.Seconds);
        Report(name + "_objective", plan.Objective);
        Report(name + "_bound", plan.Bound ?? double.NaN);
        Report(name + "_gap", plan.Gap ?? double.NaN);
        Console.WriteLine($"{name}_optimal={plan.Optimal}");
        Console.WriteLine($"{name}_method={plan.Method}");
        Report(name + "_sites", plan.Count);
        Report(name + "_covered_dwellings", plan.CoveredDwellings);
        Report(name + "_total_dwellings", plan.TotalDwellings);
        Report(name + "_groups", plan.DemandGroups);
        Report(name + "_uncoverable", plan.Uncoverable.Count);
        return plan;
    }

    /// <summary>Share of the graph a bounded search settles from a site, mean of 8 sites (what Auto looks at).</summary>
    private static double ReachShare(PlanningBenchData data, double maxSeconds)
    {
        var graph = data.Network.Graph;
        var snapper = Territory.Routing.Snapping.RoadSnapper.For(graph);
        var estates = data.Estates.Select(e => snapper.Snap(e.Lon, e.Lat)).ToArray();
        var sites = data.Sites.Select(s => snapper.Snap(s.Lon, s.Lat)).ToArray();
        return RoadCostMatrix.Reach(graph, new EstateEntries(graph, estates), sites, (long)(maxSeconds * 1000));
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static void Report(string key, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={value:0.######}"));
}
