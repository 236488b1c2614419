using System.Diagnostics;
using System.Globalization;
using Territory.IO.GeoPackage;
using Territory.IO.Travel;
using Territory.Routing.Review;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Benchmarks.Speed;

/// <summary><c>traveltimes-stages PROJECT...</c>: where <c>territory traveltimes</c> spends its time (read, graph load, review, layers), in process.</summary>
public static class TravelTimesStages
{
    public static void Run(string[] args)
    {
        foreach (var project in args)
        {
            for (int repeat = 0; repeat < 3; repeat++)
            {
                var sw = Stopwatch.StartNew();
                using var store = GeoPackageProjectStore.Open(project);
                var estates = store.ReadEstates();
                var agencies = store.ReadAgencies();
                double read = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var graph = ProjectRoadGraph.TryLoad(project);
                double load = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var review = AgencyTravelReview.Compute(estates, agencies, store.WorkingCrs!.Value, graph);
                double compute = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                TravelReviewLayers.Write(store, store.WorkingCrs!.Value, estates, agencies, review, CancellationToken.None);
                double write = sw.Elapsed.TotalMilliseconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(project)} ({agencies.Count} presence points × {estates.Count} estates, hierarchy {(graph?.Hierarchy is null ? "no" : "yes")}): read {read:0} ms, graph {load:0} ms, review {compute:0} ms, layers {write:0} ms"));
            }
        }
    }
}
