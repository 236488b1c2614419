using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Algorithms;

/// <summary>Turns snapped points into search seeds and target costs with partial edge costs.</summary>
/// <remarks>
/// A point at fraction f of edge e (From → To) enters the graph at To with (1 − f) of the edge's
/// cost when the edge is forward-travellable, and at From with f of it when backward-travellable.
/// A target is reached from From with f of the cost (forward) or from To with (1 − f) (backward).
/// Partial costs are rounded to whole milliseconds the same way for every algorithm. A point
/// lying on a node (within <see cref="AtNodeMeters"/>) also enters and leaves the graph at that
/// node for free, whatever the direction of the snapped edge: standing at a crossroads, every
/// road out of it is open.
/// </remarks>
internal static class SnapEndpoints
{
    /// <summary>Distance from an edge end under which a snapped point counts as on the node, metres.</summary>
    public const double AtNodeMeters = 0.5;

    /// <summary>Room for the seeds of one snapped point.</summary>
    public const int MaxSeeds = 4;

    public static long PartialMs(RoadGraph g, int edge, double fraction) => (long)Math.Round(g.EdgeDurationMs[edge] * fraction);

    public static int SourceSeeds(RoadGraph g, in RoadSnap s, Span<(int Node, long CostMs, double DistanceMeters)> seeds)
    {
        int n = 0;
        double len = g.EdgeDistanceMeters[s.Edge];
        if (g.IsForwardAllowed(s.Edge)) seeds[n++] = (g.EdgeTo[s.Edge], PartialMs(g, s.Edge, 1 - s.Fraction), (1 - s.Fraction) * len);
        if (g.IsBackwardAllowed(s.Edge)) seeds[n++] = (g.EdgeFrom[s.Edge], PartialMs(g, s.Edge, s.Fraction), s.Fraction * len);
        return AddNodeSeeds(g, s, len, seeds, n);
    }

    /// <summary>Seeds of a backward search towards a target (the nodes from which the target is reached).</summary>
    public static int TargetSeeds(RoadGraph g, in RoadSnap t, Span<(int Node, long CostMs, double DistanceMeters)> seeds)
    {
        int n = 0;
        double len = g.EdgeDistanceMeters[t.Edge];
        if (g.IsForwardAllowed(t.Edge)) seeds[n++] = (g.EdgeFrom[t.Edge], PartialMs(g, t.Edge, t.Fraction), t.Fraction * len);
        if (g.IsBackwardAllowed(t.Edge)) seeds[n++] = (g.EdgeTo[t.Edge], PartialMs(g, t.Edge, 1 - t.Fraction), (1 - t.Fraction) * len);
        return AddNodeSeeds(g, t, len, seeds, n);
    }

    private static int AddNodeSeeds(RoadGraph g, in RoadSnap p, double len, Span<(int Node, long CostMs, double DistanceMeters)> seeds, int n)
    {
        if (p.Fraction * len <= AtNodeMeters) seeds[n++] = (g.EdgeFrom[p.Edge], 0, 0);
        if ((1 - p.Fraction) * len <= AtNodeMeters) seeds[n++] = (g.EdgeTo[p.Edge], 0, 0);
        return n;
    }

    /// <summary>Best cost to a target given per-node costs from a forward search; -1 node when unreachable.</summary>
    public static (long CostMs, double DistanceMeters, int ViaNode) TargetCost(RoadGraph g, in RoadSnap t, Func<int, long> cost, Func<int, double> distance)
    {
        Span<(int Node, long CostMs, double DistanceMeters)> ends = stackalloc (int, long, double)[MaxSeeds];
        int n = TargetSeeds(g, t, ends);
        long best = DijkstraSearch.Unreached;
        double bestDist = double.NaN;
        int via = -1;
        for (int i = 0; i < n; i++)
        {
            long c = cost(ends[i].Node);
            if (c == DijkstraSearch.Unreached || c + ends[i].CostMs >= best) continue;
            best = c + ends[i].CostMs; bestDist = distance(ends[i].Node) + ends[i].DistanceMeters; via = ends[i].Node;
        }
        return (best, bestDist, via);
    }

    /// <summary>Cost of driving directly along a shared edge, when both points are on it and its direction allows.</summary>
    public static (long CostMs, double DistanceMeters)? SameEdge(RoadGraph g, in RoadSnap s, in RoadSnap t)
    {
        if (s.Edge != t.Edge) return null;
        double len = g.EdgeDistanceMeters[s.Edge];
        if (t.Fraction >= s.Fraction && g.IsForwardAllowed(s.Edge))
            return (PartialMs(g, s.Edge, t.Fraction) - PartialMs(g, s.Edge, s.Fraction), (t.Fraction - s.Fraction) * len);
        if (t.Fraction <= s.Fraction && g.IsBackwardAllowed(s.Edge))
            return (PartialMs(g, s.Edge, s.Fraction) - PartialMs(g, s.Edge, t.Fraction), (s.Fraction - t.Fraction) * len);
        return null;
    }
}
