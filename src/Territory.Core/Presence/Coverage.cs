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
    /// <remarks>
    /// Estates are first pooled in cells of <see cref="CellMeters"/> (dwellings summed): a few hundred metres do not
    /// change a count of sites kilometres apart, and the greedy stays quick on tens of thousands of estates.
    /// </remarks>
    public static int PointsNeeded(IReadOnlyList<EstateFacts> estates, double radiusMeters)
    {
        var cells = estates.GroupBy(f => (Math.Floor(f.Location.X / CellMeters), Math.Floor(f.Location.Y / CellMeters)))
            .Select(g => (X: g.First().Location.X, Y: g.First().Location.Y, Weight: g.Sum(f => f.Estate.Dwellings))).ToList();
        var left = cells.Select((_, i) => i).ToList();
        var r2 = radiusMeters * radiusMeters;
        bool Near(int a, int b) => Math.Pow(cells[a].X - cells[b].X, 2) + Math.Pow(cells[a].Y - cells[b].Y, 2) <= r2;
        var count = 0;
        while (left.Count > 0)
        {
            var best = left.MaxBy(c => left.Where(o => Near(c, o)).Sum(o => cells[o].Weight));
            left.RemoveAll(o => Near(best, o));
            count++;
        }
        return count;
    }

    /// <summary>Side of the cells estates are pooled in before the greedy cover, metres.</summary>
    private const double CellMeters = 250;
}
