using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Territory.Demo;

/// <summary>
/// Minor roads between natural neighbours: every commune seat and hamlet is joined to the places
/// around it along the edges of a Gabriel graph (plus short Delaunay edges).
/// </summary>
/// <remarks>
/// The Gabriel graph contains the minimum spanning tree, so the network is connected, and its
/// detours stay small (typically under 1.3 × the straight line), as in a rural French
/// département where every village is on several roads. Lambert-93 metres.
/// </remarks>
internal static class NeighbourRoads
{
    /// <summary>Delaunay edges shorter than this are kept even when not Gabriel, metres.</summary>
    private const double ShortEdge = 4_500;
    /// <summary>Delaunay edges longer than this are never roads (hull slivers), metres.</summary>
    private const double LongEdge = 16_000;
    private const double Step = 250;

    private sealed record Place(Settlement Owner, Coordinate At, bool Hamlet, int Index);

    /// <summary>Adds the roads; pairs in <paramref name="linked"/> already have a main road and are skipped.</summary>
    public static void Build(Random rng, RoadNetworkBuilder net, GeometryFactory gf, List<Settlement> settlements,
        HashSet<(Settlement, Settlement)> linked, ref int refNo)
    {
        var places = new List<Place>();
        foreach (var s in settlements)
        {
            places.Add(new Place(s, s.Seat, false, places.Count));
            foreach (var h in s.Hamlets)
                places.Add(new Place(s, h, true, places.Count));
        }
        var byPosition = places.ToDictionary(p => (p.At.X, p.At.Y));

        var builder = new DelaunayTriangulationBuilder();
        builder.SetSites(places.Select(p => p.At).ToList());
        var edges = builder.GetEdges(gf);
        var pairs = new List<(Place A, Place B)>();
        for (var i = 0; i < edges.NumGeometries; i++)
        {
            var line = (LineString)edges.GetGeometryN(i);
            var a = byPosition[(line.StartPoint.X, line.StartPoint.Y)];
            var b = byPosition[(line.EndPoint.X, line.EndPoint.Y)];
            pairs.Add(a.Index < b.Index ? (a, b) : (b, a));
        }

        foreach (var (a, b) in pairs.Distinct().OrderBy(p => p.A.Index).ThenBy(p => p.B.Index))
        {
            var len = a.At.Distance(b.At);
            if (len > LongEdge || len > ShortEdge && !IsGabriel(a.At, b.At, places))
                continue;
            // A hamlet already hangs off its own seat.
            if (a.Owner == b.Owner)
                continue;
            if (!a.Hamlet && !b.Hamlet && (linked.Contains((a.Owner, b.Owner)) || linked.Contains((b.Owner, a.Owner))))
                continue;
            var highway = Class(a, b);
            var from = a.Hamlet ? a.At : a.Owner.AttachTowards(b.At);
            var to = b.Hamlet ? b.At : b.Owner.AttachTowards(from);
            var tags = new List<string> { "highway", highway, "name", $"Route de {b.Owner.Name}" };
            if (highway != "unclassified")
                tags.AddRange(["ref", $"D {refNo++}"]);
            if (highway == "secondary")
                tags.AddRange(["maxspeed", "70"]);
            net.Way(RoadNetworkBuilder.Bent(rng, from, to, Step, 0.06), tags.ToArray());
        }
    }

    /// <summary>No other place inside the circle whose diameter is the edge.</summary>
    private static bool IsGabriel(Coordinate a, Coordinate b, List<Place> places)
    {
        var centre = new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2);
        var r2 = a.Distance(b) * a.Distance(b) / 4;
        foreach (var p in places)
        {
            if (p.At.Equals2D(a) || p.At.Equals2D(b))
                continue;
            var (dx, dy) = (p.At.X - centre.X, p.At.Y - centre.Y);
            if (dx * dx + dy * dy < r2)
                return false;
        }
        return true;
    }

    private static string Class(Place a, Place b)
    {
        if (a.Hamlet || b.Hamlet)
            return "unclassified";
        if (a.Owner.IsUrban && b.Owner.IsUrban)
            return "secondary";
        if (a.Owner.IsUrban || b.Owner.IsUrban || a.Owner.Kind == SettlementKind.Village || b.Owner.Kind == SettlementKind.Village)
            return "tertiary";
        return "unclassified";
    }
}
