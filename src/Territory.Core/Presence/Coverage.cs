using NetTopologySuite.Geometries;
using Territory.Core.Indicators;
using Territory.Core.Model;

namespace Territory.Core.Presence;

/// <summary>How far the organisation's estates of a territory are served by points of some kinds.</summary>
/// <param name="Dwellings">Dwellings considered.</param>
/// <param name="MeanMinutes">Dwelling-weighted mean time to the nearest such point (estates no point reaches left out); null when none is reached.</param>
/// <param name="Share">Share of the dwellings within the reach.</param>
/// <param name="Uncovered">Estates beyond the reach (or reached by no point).</param>
/// <param name="PointId">The point serving most of the covered dwellings.</param>
/// <param name="Estimated">True when some time is a straight-line estimate.</param>
internal sealed record Coverage(int Dwellings, double? MeanMinutes, double Share, IReadOnlyList<EstateFacts> Uncovered, string? PointId, bool Estimated)
{
    public int UncoveredDwellings => Uncovered.Sum(f => f.Estate.Dwellings);

    public static Coverage Of(IReadOnlyList<EstateFacts> estates, KindAccessIndex index, IReadOnlyList<AgencyKind> kinds, double reachMinutes)
    {
        var dwellings = estates.Sum(f => f.Estate.Dwellings);
        double weighted = 0, reachedWeight = 0, covered = 0;
        var uncovered = new List<EstateFacts>();
        var served = new Dictionary<string, int>(StringComparer.Ordinal);
        var estimated = false;
        foreach (var f in estates)
        {
            var r = index.Nearest(f.Estate.Id, kinds);
            if (r is null)
            {
                uncovered.Add(f);
                continue;
            }
            estimated |= r.Estimated;
            weighted += r.Minutes * f.Estate.Dwellings;
            reachedWeight += f.Estate.Dwellings;
            if (r.Minutes <= reachMinutes + 1e-9)
            {
                covered += f.Estate.Dwellings;
                served[r.AgencyId] = served.GetValueOrDefault(r.AgencyId) + f.Estate.Dwellings;
            }
            else
                uncovered.Add(f);
        }
        var point = served.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).FirstOrDefault();
        return new Coverage(dwellings, reachedWeight > 0 ? weighted / reachedWeight : null, dwellings > 0 ? covered / dwellings : 0, uncovered, point, estimated);
    }

    /// <summary>
    /// How many new points would serve <paramref name="estates"/> within <paramref name="radiusMeters"/> (greedy cover,
    /// candidate sites at the estates): an estimate for the plan, until network planning sites them.
    /// </summary>
    /// <remarks>At most <see cref="MaxCandidates"/> estates, evenly spread in the list, are tried as sites at each step.</remarks>
    public static int PointsNeeded(IReadOnlyList<EstateFacts> estates, double radiusMeters)
    {
        if (estates.Count == 0)
            return 0;
        var tree = new NetTopologySuite.Index.Strtree.STRtree<int>();
        for (var i = 0; i < estates.Count; i++)
            tree.Insert(estates[i].Location.EnvelopeInternal, i);
        tree.Build();
        var covered = new bool[estates.Count];
        var left = estates.Count;
        var count = 0;
        while (left > 0)
        {
            var open = Enumerable.Range(0, estates.Count).Where(i => !covered[i]).ToList();
            var step = Math.Max(1, open.Count / MaxCandidates);
            var best = -1;
            var bestWeight = -1;
            for (var k = 0; k < open.Count; k += step)
            {
                var weight = Around(tree, estates, open[k], radiusMeters).Where(i => !covered[i]).Sum(i => estates[i].Estate.Dwellings);
                if (weight > bestWeight)
                    (best, bestWeight) = (open[k], weight);
            }
            foreach (var i in Around(tree, estates, best, radiusMeters).Where(i => !covered[i]))
            {
                covered[i] = true;
                left--;
            }
            count++;
        }
        return count;
    }

    private const int MaxCandidates = 256;

    private static IEnumerable<int> Around(NetTopologySuite.Index.Strtree.STRtree<int> tree, IReadOnlyList<EstateFacts> estates, int centre, double radius)
    {
        var c = estates[centre].Location;
        return tree.Query(new Envelope(c.X - radius, c.X + radius, c.Y - radius, c.Y + radius))
            .Where(i => EstateFactsBuilder.Dist(estates[i].Location, c) <= radius);
    }
}
