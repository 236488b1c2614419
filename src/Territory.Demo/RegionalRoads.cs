using NetTopologySuite.Geometries;

namespace Territory.Demo;

/// <summary>Roads between communes: motorway with interchanges, trunk with a roundabout, primaries, secondaries, and minor roads between natural neighbours.</summary>
internal static class RegionalRoads
{
    private const double Step = 250;

    public static void Build(Random rng, RoadNetworkBuilder net, Polygon outline, List<Settlement> settlements)
    {
        var city = settlements.Single(s => s.Kind == SettlementKind.City);
        var mid = settlements.Single(s => s.Kind == SettlementKind.MidTown);
        var towns = settlements.Where(s => s.Kind == SettlementKind.SmallTown).ToList();

        Motorway.Build(rng, net, outline, settlements);
        TrunkWithRoundabout(rng, net, city, mid);
        var refNo = 900;
        foreach (var t in towns)
            Link(rng, net, city, t, "primary", $"D {refNo++}", maxspeed: null);

        // Secondary roads between each small town and its nearest other town; 70 km/h on every other one.
        var townLike = towns.Append(mid).ToList();
        Settlement Nearest(Settlement t) => townLike.Where(o => o != t).OrderBy(o => o.Seat.Distance(t.Seat)).First();
        for (var i = 0; i < towns.Count; i++)
            Link(rng, net, towns[i], Nearest(towns[i]), "secondary", $"D {refNo++}", i % 2 == 0 ? "70" : "80");

        // Every seat and hamlet joins its natural neighbours.
        var linked = new HashSet<(Settlement, Settlement)> { (city, mid) };
        linked.UnionWith(towns.Select(t => (city, t)));
        for (var i = 0; i < towns.Count; i++)
            linked.Add((towns[i], Nearest(towns[i])));
        var minor = 1;
        NeighbourRoads.Build(rng, net, outline.Factory, settlements, linked, ref minor);
    }

    private static void Link(Random rng, RoadNetworkBuilder net, Settlement a, Settlement b, string highway, string? reference, string? maxspeed)
    {
        var from = a.AttachTowards(b.Seat);
        var to = b.AttachTowards(from);
        var tags = new List<string> { "highway", highway };
        if (reference is not null)
            tags.AddRange(["ref", reference]);
        tags.AddRange(["name", $"Route de {b.Name}"]);
        if (maxspeed is not null)
            tags.AddRange(["maxspeed", maxspeed]);
        net.Way(RoadNetworkBuilder.Bent(rng, from, to, Step), tags.ToArray());
    }

    /// <summary>City to mid-size town trunk road, entering the city through a roundabout with a third arm.</summary>
    private static void TrunkWithRoundabout(Random rng, RoadNetworkBuilder net, Settlement city, Settlement mid)
    {
        var gate = city.AttachTowards(mid.Seat);
        var dir = Unit(gate, mid.Seat);
        var centre = new Coordinate(Math.Round(gate.X + dir.X * 700), Math.Round(gate.Y + dir.Y * 700));
        const int ringNodes = 8;
        const double radius = 40;
        var ring = new List<Coordinate>();
        for (var k = 0; k < ringNodes; k++)
        {
            // Counter-clockwise, as French roundabouts turn.
            var a = k * 2 * Math.PI / ringNodes;
            ring.Add(new Coordinate(centre.X + radius * Math.Cos(a), centre.Y + radius * Math.Sin(a)));
        }
        var closed = new List<Coordinate>(ring) { ring[0] };
        net.Way(closed, "highway", "primary", "junction", "roundabout", "name", "Rond-point de l'Europe");

        Coordinate Nearest(Coordinate t) => ring.OrderBy(r => r.Distance(t)).First();
        var entry = Nearest(gate);
        var exit = Nearest(mid.AttachTowards(centre));
        net.Way(RoadNetworkBuilder.Line(gate, entry, 150), "highway", "primary", "name", "Avenue de l'Europe", "maxspeed", "50");
        var far = mid.AttachTowards(exit);
        var road = RoadNetworkBuilder.Bent(rng, exit, far, Step);
        // 110 km/h on the open-country stretch, 90 near both ends.
        var third = road.Count / 3;
        net.Way(road.Take(third + 1).ToList(), "highway", "trunk", "ref", "N 1099", "name", $"Route de {mid.Name}", "maxspeed", "90");
        net.Way(road.Skip(third).Take(road.Count - 2 * third).ToList(), "highway", "trunk", "ref", "N 1099", "name", $"Route de {mid.Name}", "maxspeed", "110");
        net.Way(road.Skip(road.Count - third - 1).ToList(), "highway", "trunk", "ref", "N 1099", "name", $"Route de {mid.Name}", "maxspeed", "90");

        // Third arm: the road to the industrial zone, perpendicular to the trunk.
        var side = new Coordinate(-dir.Y, dir.X);
        var arm = Nearest(new Coordinate(centre.X + side.X * 100, centre.Y + side.Y * 100));
        var zone = new Coordinate(Math.Round(centre.X + side.X * 1500), Math.Round(centre.Y + side.Y * 1500));
        net.Way(RoadNetworkBuilder.Line(arm, zone, 150), "highway", "tertiary", "name", "Rue de la Zone Artisanale");
    }

    internal static Coordinate Unit(Coordinate a, Coordinate b)
    {
        var d = a.Distance(b);
        return new Coordinate((b.X - a.X) / d, (b.Y - a.Y) / d);
    }
}
