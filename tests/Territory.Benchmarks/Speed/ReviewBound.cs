using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Territory.Core.Analysis;
using Territory.Core.Typology;
using Territory.Demo.National;
using Territory.Routing.Review;
using Territory.Store;
using Territory.Store.Results;

namespace Territory.Benchmarks.Speed;

/// <summary>
/// <c>review-bound [DEPARTEMENTS]</c>: the straight-line review of the national synthetic set, bounded against dense (every
/// cell kept, as before): time, memory, matrix bytes, and whether every output is the same — access, per-estate travel,
/// per-agency statistics, nearest point of each kind, and the whole analysis (its stored form, byte for byte).
/// </summary>
public static class ReviewBound
{
    public static void Run(string[] args)
    {
        var departements = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 24;
        var set = NationalGenerator.Generate(departements: departements);
        var data = new ProjectData(2154, set.Estates, set.Agencies, set.Communes, set.Districts);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{departements} départements: {set.Estates.Count} estates, {set.Agencies.Count} presence points ({(long)set.Estates.Count * set.Agencies.Count:N0} cells)"));
        var bounded = Measure("bounded", () => AgencyTravelReview.Compute(data.Estates, data.Agencies, 2154, null));
        var dense = Measure("dense", () => AgencyTravelReview.Compute(data.Estates, data.Agencies, 2154, null, new ReviewOptions { DenseEstimates = true }));
        Same("access", Json(dense.Access), Json(bounded.Access));
        Same("estate travel", Json(dense.Estates), Json(bounded.Estates));
        Same("agency statistics", Json(dense.Agencies), Json(bounded.Agencies));
        var denseInput = ProjectAnalysis.Input(data, dense);
        var boundedInput = ProjectAnalysis.Input(data, bounded);
        Same("nearest point of each kind", Json(denseInput.NearestPresence), Json(boundedInput.NearestPresence));
        var cells = 0L;
        var limit = new ReviewOptions().EffectiveEstimateLimitMinutes * 60;
        for (var a = 0; a < data.Agencies.Count; a++)
        {
            var row = dense.Matrix!.SparseRow(a)!;
            for (var k = 0; k < row.Reached.Length; k++)
                if (row.Seconds[k] <= limit)
                {
                    cells++;
                    if (bounded.Matrix![a, row.Reached[k]].DurationSeconds != row.Seconds[k])
                        throw new InvalidOperationException($"cell {a} × {row.Reached[k]} under the limit differs");
                }
        }
        Console.WriteLine($"  cells under {limit / 60:0} min: {cells:N0}, all kept with the same value");
        dense = null;
        var analysedDense = TerritoryAnalysis.Run(denseInput, TypologyConfig.Default);
        var analysedBounded = TerritoryAnalysis.Run(boundedInput, TypologyConfig.Default);
        Same($"analysis ({analysedBounded.Territories.Count} territories)", Json(AnalysisPayload.Of(analysedDense)), Json(AnalysisPayload.Of(analysedBounded)));
    }

    private static AgencyTravelReviewResult Measure(string name, Func<AgencyTravelReviewResult> compute)
    {
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var allocated = GC.GetTotalAllocatedBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var review = compute();
        sw.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var live = GC.GetTotalMemory(true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {sw.Elapsed.TotalSeconds:0.00} s wall, {used.TotalSeconds:0.00} s CPU, matrix {review.Matrix!.CellBytes / 1e6:0.0} MB, review live {live / 1e6:0} MB, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:0} MB"));
        return review;
    }

    private static void Same(string what, string expected, string actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
            throw new InvalidOperationException($"{what}: the bounded review differs from the dense one");
        Console.WriteLine($"  {what}: same ({expected.Length:N0} characters of JSON)");
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PayloadJson.Options);
}
