namespace Territory.Core.Indicators;

/// <summary>Per-estate isolation: dwellings of the same landlord within a radius, distance to the nearest other estate of that landlord.</summary>
/// <remarks>
/// Metres in the working CRS. One <see cref="WeightedPointTree"/> per landlord, so the whole
/// indicator costs O(N log N) instead of one envelope query returning every neighbour per
/// estate. The nearest estate is searched up to the largest radius × 4^k not beyond
/// <see cref="MaxSearchMeters"/> × 4 (the reach of the ring search it replaces); farther, it is
/// unknown (null). An estate without a usable location counts for no one and gets no value.
/// </remarks>
internal static class IsolationIndicator
{
    /// <summary>Bound of the nearest-estate search, metres (searched up to four times this in steps of ×4).</summary>
    public const double MaxSearchMeters = 200_000;

    public static void Compute(IReadOnlyList<EstateFacts> facts, double radiusMeters, CancellationToken ct)
    {
        double reach = radiusMeters;
        for (var r = radiusMeters * 4; r > 0 && r <= MaxSearchMeters * 4; r *= 4) reach = r;
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            f.NearbyLandlordDwellings = 0;
            f.NearestSameLandlordMeters = null;
            var c = f.Location.Coordinate;
            if (c is null || !double.IsFinite(c.X) || !double.IsFinite(c.Y)) continue;
            if (!groups.TryGetValue(f.LandlordKey, out var members)) groups[f.LandlordKey] = members = [];
            members.Add(i);
        }
        foreach (var members in groups.Values)
        {
            ct.ThrowIfCancellationRequested();
            int n = members.Count;
            var x = new double[n]; var y = new double[n]; var w = new int[n];
            for (int k = 0; k < n; k++)
            {
                var f = facts[members[k]];
                (x[k], y[k], w[k]) = (f.Location.X, f.Location.Y, f.Estate.Dwellings);
            }
            var tree = new WeightedPointTree(x, y, w, members.ToArray());
            // Queries are independent and read-only on the tree: blocks in parallel, each estate written once, in the tree's
            // order (neighbouring queries visit the same nodes).
            const int Block = 1024;
            var parallel = new ParallelOptions { CancellationToken = ct };
            Parallel.For(0, (n + Block - 1) / Block, parallel, b =>
            {
                for (int k = b * Block, end = Math.Min(n, k + Block); k < end; k++)
                {
                    var (px, py, weight, item) = tree.At(k);
                    var f = facts[item];
                    f.NearbyLandlordDwellings = (int)(tree.SumWithin(px, py, radiusMeters) - weight);
                    f.NearestSameLandlordMeters = tree.NearestDistance(px, py, item, reach);
                }
            });
        }
    }
}
