using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Indicators;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Benchmarks.Speed;

/// <summary>
/// <c>isolation-scale PROJECT...</c>: the isolation indicator alone on each project's estates, timed
/// with the 2-d tree and with the STRtree envelope query it replaced (the anchor, same run, same
/// estates); the answers are compared estate by estate.
/// </summary>
public static class IsolationScale
{
    private const double Radius = 5_000;

    public static void Run(string[] args)
    {
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var project in args)
        {
            List<Estate> estates;
            using (var store = GeoPackageProjectStore.Open(project)) estates = [.. store.ReadEstates()];
            var tree = Facts(estates);
            var sw = Stopwatch.StartNew();
            IsolationIndicator.Compute(tree, Radius, CancellationToken.None);
            double treeSeconds = sw.Elapsed.TotalSeconds;
            var anchor = Facts(estates);
            sw.Restart();
            StrTreeAnchor(anchor);
            double anchorSeconds = sw.Elapsed.TotalSeconds;
            int differences = Enumerable.Range(0, estates.Count).Count(i =>
                tree[i].NearbyLandlordDwellings != anchor[i].NearbyLandlordDwellings || tree[i].NearestSameLandlordMeters != anchor[i].NearestSameLandlordMeters);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{estates.Count,7} estates: 2-d tree {treeSeconds:0.000} s, STRtree anchor {anchorSeconds:0.000} s ({anchorSeconds / treeSeconds:0}×), differing estates {differences}, mean neighbours' dwellings {tree.Average(f => f.NearbyLandlordDwellings):0}"));
        }
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static List<EstateFacts> Facts(List<Estate> estates) => estates.Select(e => new EstateFacts
    {
        Estate = e,
        Location = e.Geometry is Point p ? p : e.Geometry.InteriorPoint,
        LandlordKey = e.Landlord ?? "",
    }).ToList();

    /// <summary>The previous implementation, verbatim in substance: one STRtree envelope query per estate.</summary>
    private static void StrTreeAnchor(List<EstateFacts> facts)
    {
        foreach (var group in facts.GroupBy(f => f.LandlordKey, StringComparer.Ordinal))
        {
            var index = new STRtree<EstateFacts>();
            foreach (var f in group) index.Insert(f.Location.EnvelopeInternal, f);
            index.Build();
            foreach (var f in group)
            {
                int nearby = 0;
                double? nearest = null;
                foreach (var other in index.Query(Around(f.Location, Radius)))
                {
                    if (ReferenceEquals(other, f)) continue;
                    var d = other.Location.Coordinate.Distance(f.Location.Coordinate);
                    if (d > Radius) continue;
                    nearby += other.Estate.Dwellings;
                    nearest = nearest is null ? d : Math.Min(nearest.Value, d);
                }
                for (var r = Radius * 4; nearest is null && r <= IsolationIndicator.MaxSearchMeters * 4; r *= 4)
                    foreach (var other in index.Query(Around(f.Location, r)))
                    {
                        if (ReferenceEquals(other, f)) continue;
                        var d = other.Location.Coordinate.Distance(f.Location.Coordinate);
                        if (d <= r) nearest = nearest is null ? d : Math.Min(nearest.Value, d);
                    }
                f.NearbyLandlordDwellings = nearby;
                f.NearestSameLandlordMeters = nearest;
            }
        }
    }

    private static Envelope Around(Point p, double r) => new(p.X - r, p.X + r, p.Y - r, p.Y + r);
}
