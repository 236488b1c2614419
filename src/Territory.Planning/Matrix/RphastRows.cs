using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Planning.Matrix;

/// <summary>One thread's rows by RPHAST: a sweep of the hierarchy restricted to the estates' entry nodes.</summary>
/// <remarks>
/// The sweep does not stop at the cut-off, so each row costs the selection size plus one look-up
/// per estate; it wins over bounded Dijkstra when the cut-off reaches a large share of the network.
/// </remarks>
internal sealed class RphastRows(RoadGraph graph, EstateEntries entries, RphastSelection selection, long maxMs) : IMatrixRows
{
    private readonly RphastSearch _search = new(selection);

    public MatrixRow Row(in RoadSnap site)
    {
        Span<(int, long, double)> seeds = stackalloc (int, long, double)[SnapEndpoints.MaxSeeds];
        int n = SnapEndpoints.SourceSeeds(graph, site, seeds);
        _search.Run(seeds[..n], ReadOnlySpan<int>.Empty);
        var row = new MatrixRow();
        for (int e = 0; e < entries.Snaps.Count; e++)
        {
            var target = entries.Snaps[e];
            if (!target.IsSnapped) continue;
            var (cost, meters) = entries.Cost(e, _search);
            if (target.Edge == site.Edge && SnapEndpoints.SameEdge(graph, site, target) is { } direct && direct.CostMs <= cost)
                (cost, meters) = (direct.CostMs, direct.DistanceMeters);
            if (cost <= maxMs) row.Add(e, cost / 1000f, (float)meters);
        }
        return row;
    }
}
