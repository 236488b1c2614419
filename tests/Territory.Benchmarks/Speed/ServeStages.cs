extern alias web;
using System.Diagnostics;
using System.Globalization;
using Territory.Core.Typology;
using Territory.IO.Travel;
using Territory.Routing.Review;
using Territory.Store;
using Territory.Store.GeoPackage;
using Territory.Store.Results;
using ProjectSession = web::Territory.Web.State.ProjectSession;
using ProgressHub = web::Territory.Web.State.ProgressHub;
using WebOptions = web::Territory.Web.Hosting.WebOptions;

namespace Territory.Benchmarks.Speed;

/// <summary>
/// <c>serve-stages PROJECT [ROUNDS]</c>: where the map server's start from a stored analysis spends its time, stage by
/// stage (wall and process CPU): road graph, layers (one connection, then the large layers on connections of their own),
/// content keys, stored review, stored analysis (each, then both side by side), analysis input, then the whole session
/// load (which reads the graph, the layers and the stored results at once). Each round runs every stage again in the same process (the first round includes the JIT).
/// </summary>
public static class ServeStages
{
    public static void Run(string[] args)
    {
        var project = args[0];
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        for (var round = 1; round <= rounds; round++)
        {
            var clock = new Clock();
            using var store = ProjectStores.Open(project);
            var graph = store.LoadRoadGraph();
            clock.Lap("road graph + hierarchy");
            var data = ProjectData.Read(store);
            clock.Lap($"layers ({data.Estates.Count} estates)");
            ProjectData.ReadParallel(store, () => ProjectStores.Open(project));
            clock.Lap("layers again, estates and communes on connections of their own");
            var keys = AnalysisInputKeys.Of(data, AnalysisInputKeys.GraphKey(graph), TypologyConfig.Default);
            clock.Lap("content keys");
            var storedReview = store.ReadResult(ProjectAnalysis.ReviewResult);
            clock.Lap($"stored review read ({(storedReview?.Payload.Length ?? 0) / 1e6:F1} MB)");
            var review = storedReview is null ? null : ReviewPayload.Read(storedReview.Payload);
            clock.Lap("stored review decoded");
            var storedAnalysis = store.ReadResult(ProjectAnalysis.AnalysisResultName);
            clock.Lap($"stored analysis read ({(storedAnalysis?.Payload.Length ?? 0) / 1e6:F1} MB)");
            var analysis = storedAnalysis is null ? null : PayloadJson.Read<AnalysisPayload>(storedAnalysis.Payload);
            clock.Lap("stored analysis decoded");
            StoredResults.Read(store);
            clock.Lap("both stored results read and decoded side by side");
            ProjectAnalysis.Input(data, review);
            clock.Lap("analysis input (nearest point of each kind)");
            using var session = new ProjectSession(new WebOptions { Project = project }, new ProgressHub());
            session.Load();
            clock.Lap($"whole session load (analysis reused: {session.LastLoad!.AnalysisReused})");
            Console.WriteLine($"round {round}: {clock}");
        }
    }

    private sealed class Clock
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly List<string> _laps = [];
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public void Lap(string name)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            _laps.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {_wall.Elapsed.TotalMilliseconds:F0} ms (CPU {(cpu - _cpu).TotalMilliseconds:F0} ms)"));
            _cpu = cpu;
            _wall.Restart();
        }

        public override string ToString() => string.Join("; ", _laps);
    }
}
