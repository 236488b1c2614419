using System.Diagnostics;
using System.Globalization;
using Territory.Core.Analysis;
using Territory.Core.Indicators;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.IO.GeoPackage;
using Territory.Store;
using Territory.IO.Travel;
using Territory.Routing.Review;
using Territory.Store.GeoPackage;
using Territory.Store.Results;

namespace Territory.Benchmarks.Speed;

/// <summary><c>analyse-stages PROJECT...</c>: where <c>territory analyse</c> spends its time (read, travel review, estate facts, delineation + indicators, whole analysis), in process.</summary>
public static class AnalyseStages
{
    public static void Run(string[] args)
    {
        foreach (var project in args)
        {
            var sw = Stopwatch.StartNew();
            using var store = GeoPackageProjectStore.Open(project);
            var data = ProjectData.Read(store);
            double read = Lap(sw);
            var graph = ProjectRoadGraph.TryLoad(project);
            Memory("read");
            var review = AgencyTravelReview.Compute(data.Estates, data.Agencies, data.WorkingCrs, graph);
            double travel = Lap(sw);
            Memory("travel review");
            var input = ProjectAnalysis.Input(data, review);
            double nearest = Lap(sw);
            Memory("nearest point of each kind");
            var ctx = new AnalysisContext(input, TypologyConfig.Default);
            double context = Lap(sw);
            Memory("context");
            var facts = EstateFactsBuilder.Build(ctx, CancellationToken.None);
            double estateFacts = Lap(sw);
            Memory("estate facts");
            var units = Delineator.Build(ctx, facts);
            double delineation = Lap(sw);
            Memory("delineation");
            foreach (var unit in units) IndicatorCalculator.Compute(unit, ctx);
            double indicators = Lap(sw);
            Memory("indicators");
            var result = TerritoryAnalysis.Run(input, TypologyConfig.Default);
            double whole = Lap(sw);
            Memory("whole analysis");
            GC.KeepAlive(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{data.Estates.Count,7} estates, {units.Count} territories: read {read:0.00} s, travel review {travel:0.00} s, nearest by kind {nearest:0.00} s, context {context:0.00} s, estate facts {estateFacts:0.00} s, delineation {delineation:0.00} s, indicators {indicators:0.00} s; whole analysis {whole:0.00} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  matrix cells {review.Matrix?.CellBytes / 1e6:0.0} MB; peak working set {Environment.WorkingSet / 1e6:0} MB (process peak {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB)"));
        }
    }

    // Live managed bytes after a full collection, and the bytes allocated since the previous stage.
    private static long _allocated;

    private static void Memory(string stage)
    {
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  after {stage}: live {live / 1e6:0} MB, allocated by the stage {(allocated - _allocated) / 1e6:0} MB, process peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB"));
        _allocated = allocated;
    }

    private static double Lap(Stopwatch sw)
    {
        double s = sw.Elapsed.TotalSeconds;
        sw.Restart();
        return s;
    }
}
