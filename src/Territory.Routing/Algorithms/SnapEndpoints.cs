using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Algorithms;

/// <summary>Turns snapped points into search seeds and target costs with partial edge costs.</summary>
/// <remarks>
/// A point at fraction f of edge e (From → To) enters the graph at To with (1 − f) of the edge's
/// cost when the edge is forward-travellable, and at From with f of it when backward-travellable.
/// A target is reached from From with f of the cost (forward) or from To with (1 − f) (backward).
/// Partial costs are rounded to whole milliseconds the same way for every algorithm.
/// </remarks>
internal static class SnapEndpoints
{
    public static long PartialMs(RoadGraph g, int edge, double fraction) => (long)Math.Round(g.EdgeDurationMs[edge] * fraction);

    public static int SourceSeeds(RoadGraph g, in RoadSnap s, Span<(int Node, long CostMs, double DistanceMeters)> seeds)
    {
        int n = 0;
        double len = g.EdgeDistanceMeters[s.Edge];
        if (g.IsForwardAllowed(s.Edge)) seeds[n++] = (g.EdgeTo[s.Edge], PartialMs(g, s.Edge, 1 - s.Fraction), (1 - s.Fraction) * len);
        if (g.IsBackwardAllowed(s.Edge)) seeds[n++] = (g.EdgeFrom[s.Edge], PartialMs(g, s.Edge, s.Fraction), s.Fraction * len);
        return n;
    }

    /// <summary>Seeds of a backward search towards a target (the nodes from which the target is reached).</summary>
    public static int TargetSeeds(RoadGraph g, in RoadSnap t, Span<(int Node, long CostMs, double DistanceMeters)> seeds)
    {
        int n = 0;
        double len = g.EdgeDistanceMeters[t.Edge];
        if (g.IsForwardAllowed(t.Edge)) seeds[n++] = (g.EdgeFrom[t.Edge], PartialMs(g, t.Edge, t.Fraction), t.Fraction * len);
        if (g.IsBackwardAllowed(t.Edge)) seeds[n++] = (g.EdgeTo[t.Edge], PartialMs(g, t.Edge, 1 - t.Fraction), (1 - t.Fraction) * len);
        return n;
    }

    /// <summary>Best cost to a target given per-node costs from a forward search; -1 node when unreachable.</summary>
    public static (long CostMs, double DistanceMeters, int ViaNode) TargetCost(RoadGraph g, in RoadSnap t, Func<int, long> cost, Func<int, double> distance)
    {
        long best = DijkstraSearch.Unreached;
        double bestDist = double.NaN;
        int via = -1;
        double len = g.EdgeDistanceMeters[t.Edge];
        if (g.IsForwardAllowed(t.Edge))
        {
            int u = g.EdgeFrom[t.Edge];
            long c = cost(u);
            if (c != DijkstraSearch.Unreached) { best = c + PartialMs(g, t.Edge, t.Fraction); bestDist = distance(u) + t.Fraction * len; via = u; }
        }
        if (g.IsBackwardAllowed(t.Edge))
        {
            int u = g.EdgeTo[t.Edge];
            long c = cost(u);
            if (c != DijkstraSearch.Unreached)
            {
                long total = c + PartialMs(g, t.Edge, 1 - t.Fraction);
                if (total < best) { best = total; bestDist = distance(u) + (1 - t.Fraction) * len; via = u; }
            }
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
