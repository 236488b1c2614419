using NetTopologySuite.Geometries;

namespace Territory.IO.Demo;

/// <summary>Roads between communes: motorway with interchanges, trunk with a roundabout, primaries, and a spanning tree of minor roads.</summary>
internal static class RegionalRoads
{
    private const double Step = 250;

    public static void Build(Random rng, RoadNetworkBuilder net, Polygon outline, List<Settlement> settlements)
    {
        var city = settlements.Single(s => s.Kind == SettlementKind.City);
        var mid = settlements.Single(s => s.Kind == SettlementKind.MidTown);
        var towns = settlements.Where(s => s.Kind == SettlementKind.SmallTown).ToList();

        Motorway.Build(rng, net, outline, city, mid);
        TrunkWithRoundabout(rng, net, city, mid);
        var refNo = 900;
        foreach (var t in towns)
            Link(rng, net, city, t, "primary", $"D {refNo++}", maxspeed: null);

        // Secondary roads between each small town and its nearest other town; 70 km/h on every other one.
        var townLike = towns.Append(mid).ToList();
        for (var i = 0; i < towns.Count; i++)
        {
            var other = townLike.Where(o => o != towns[i]).OrderBy(o => o.Seat.Distance(towns[i].Seat)).First();
            Link(rng, net, towns[i], other, "secondary", $"D {refNo++}", i % 2 == 0 ? "70" : "80");
        }

        // Everything else joins the network through a Prim spanning tree from the connected towns.
        var connected = new List<Settlement> { city, mid };
        connected.AddRange(towns);
        var pending = settlements.Where(s => !connected.Contains(s)).ToList();
        var minor = 1;
        while (pending.Count > 0)
        {
            var (best, to, dist) = (pending[0], connected[0], double.MaxValue);
            foreach (var p in pending)
                foreach (var c in connected)
                {
                    var d = p.Seat.Distance(c.Seat);
                    if (d < dist)
                        (best, to, dist) = (p, c, d);
                }
            var highway = best.Kind switch
            {
                SettlementKind.Suburb => "secondary",
                SettlementKind.Village => "tertiary",
                _ => "unclassified",
            };
            Link(rng, net, best, to, highway, highway == "unclassified" ? null : $"D {minor++}",
                highway == "secondary" ? "70" : null);
            pending.Remove(best);
            connected.Add(best);
        }

        // A few loops between villages, so that the network is not a tree.
        var villages = settlements.Where(s => s.Kind == SettlementKind.Village).ToList();
        foreach (var v in villages)
        {
            if (rng.NextDouble() > 0.4)
                continue;
            var second = settlements.Where(o => o != v).OrderBy(o => o.Seat.Distance(v.Seat)).Skip(1).First();
            if (second.Seat.Distance(v.Seat) < 12_000)
                Link(rng, net, v, second, "tertiary", $"D {minor++}", null);
        }
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
