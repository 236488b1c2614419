using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Indicators;

namespace Territory.Core.Tests.Indicators;

/// <summary>The isolation indicator as it was computed before the 2-d tree: one STRtree envelope query per estate, widened ×4 until a neighbour is found.</summary>
/// <remarks>Kept as the reference the fast implementation must equal (it grows as N² on dense portfolios).</remarks>
internal static class IsolationReference
{
    private const double MaxSearchMeters = 200_000;

    public static void Compute(List<EstateFacts> facts, double radius)
    {
        foreach (var group in facts.GroupBy(f => f.LandlordKey, StringComparer.Ordinal))
        {
            var tree = new STRtree<EstateFacts>();
            foreach (var f in group)
                tree.Insert(f.Location.EnvelopeInternal, f);
            tree.Build();
            foreach (var f in group)
            {
                var nearby = 0;
                double? nearest = null;
                foreach (var other in Around(tree, f.Location, radius))
                {
                    if (ReferenceEquals(other, f)) continue;
                    var d = other.Location.Coordinate.Distance(f.Location.Coordinate);
                    if (d > radius) continue;
                    nearby += other.Estate.Dwellings;
                    nearest = nearest is null ? d : Math.Min(nearest.Value, d);
                }
                for (var r = radius * 4; nearest is null && r <= MaxSearchMeters * 4; r *= 4)
                {
                    foreach (var other in Around(tree, f.Location, r))
                    {
                        if (ReferenceEquals(other, f)) continue;
                        var d = other.Location.Coordinate.Distance(f.Location.Coordinate);
                        if (d <= r) nearest = nearest is null ? d : Math.Min(nearest.Value, d);
                    }
                }
                f.NearbyLandlordDwellings = nearby;
                f.NearestSameLandlordMeters = nearest;
            }
        }
    }

    private static IList<EstateFacts> Around(STRtree<EstateFacts> tree, Point p, double r) =>
        tree.Query(new Envelope(p.X - r, p.X + r, p.Y - r, p.Y + r));
}
