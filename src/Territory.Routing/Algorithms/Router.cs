using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Algorithms;

/// <summary>Point-to-point car routing with snapping and partial edges.</summary>
public static class Router
{
    /// <summary>Fastest route between two WGS84 lon/lat points.</summary>
    public static RouteResult Route(RoadGraph graph, (double Lon, double Lat) from, (double Lon, double Lat) to,
        double maxSnapDistanceMeters = RoadSnapper.DefaultMaxSnapDistanceMeters) =>
        Route(RoadSnapper.For(graph), from, to, maxSnapDistanceMeters);

    /// <summary>Fastest route using a given snapper (and its graph).</summary>
    public static RouteResult Route(RoadSnapper snapper, (double Lon, double Lat) from, (double Lon, double Lat) to,
        double maxSnapDistanceMeters = RoadSnapper.DefaultMaxSnapDistanceMeters)
    {
        var g = snapper.Graph;
        var s = snapper.Snap(from.Lon, from.Lat, maxSnapDistanceMeters);
        var t = snapper.Snap(to.Lon, to.Lat, maxSnapDistanceMeters);
        if (!s.IsSnapped) return Fail(s, t, "origin not snapped: " + s.FailureReason);
        if (!t.IsSnapped) return Fail(s, t, "destination not snapped: " + t.FailureReason);

        var search = new DijkstraSearch(g);
        Span<(int, long, double)> seeds = stackalloc (int, long, double)[SnapEndpoints.MaxSeeds];
        int seedCount = SnapEndpoints.SourceSeeds(g, s, seeds);
        Span<int> targets = [g.EdgeFrom[t.Edge], g.EdgeTo[t.Edge]];
        search.Run(seeds[..seedCount], targets);
        var (cost, dist, via) = SnapEndpoints.TargetCost(g, t, search.CostMs, search.DistanceMeters);
        var direct = SnapEndpoints.SameEdge(g, s, t);
        var geometry = new List<(double Lon, double Lat)>();
        if (direct is { } d && d.CostMs <= cost)
        {
            EdgeGeometry.AppendSlice(g, s.Edge, s.Fraction, t.Fraction, geometry);
            return new RouteResult(true, d.CostMs / 1000.0, d.DistanceMeters, s.SnapDistanceMeters, t.SnapDistanceMeters, geometry);
        }
        if (via < 0) return Fail(s, t, "no path between the snapped points");

        var arcs = new List<int>();
        int node = via;
        while (search.ParentArc(node) >= 0)
        {
            int a = search.ParentArc(node);
            arcs.Add(a);
            node = TailOf(g, a);
        }
        arcs.Reverse();
        EdgeGeometry.AppendSlice(g, s.Edge, s.Fraction, node == g.EdgeTo[s.Edge] ? 1 : 0, geometry);
        foreach (int a in arcs)
        {
            int e = g.OutEdge[a];
            bool forward = g.OutHead[a] == g.EdgeTo[e] && TailOf(g, a) == g.EdgeFrom[e];
            EdgeGeometry.AppendSlice(g, e, forward ? 0 : 1, forward ? 1 : 0, geometry);
        }
        EdgeGeometry.AppendSlice(g, t.Edge, via == g.EdgeFrom[t.Edge] ? 0 : 1, t.Fraction, geometry);
        return new RouteResult(true, cost / 1000.0, dist, s.SnapDistanceMeters, t.SnapDistanceMeters, geometry);
    }

    /// <summary>Tail node of a forward arc (CSR stores heads only).</summary>
    internal static int TailOf(RoadGraph g, int arc)
    {
        int lo = 0, hi = g.NodeCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (g.FirstOut[mid] <= arc) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static RouteResult Fail(in RoadSnap s, in RoadSnap t, string reason) =>
        new(false, double.NaN, double.NaN, s.SnapDistanceMeters, t.SnapDistanceMeters, [], reason);
}
