using NetTopologySuite.Geometries;

namespace Territory.Demo;

/// <summary>A two-carriageway motorway crossing the département, with interchanges near the city and the mid-size town.</summary>
internal static class Motorway
{
    private const double HalfLength = 42_000;
    private const double Step = 300;
    private const double CarriagewayOffset = 12;
    private const string Ref = "A 99";
    /// <summary>How far inside the border the motorway ends, metres.</summary>
    private const double EndInside = 2500;
    private const double RingRadius = 40;

    public static void Build(Random rng, RoadNetworkBuilder net, Polygon outline, List<Settlement> settlements)
    {
        var city = settlements.Single(s => s.Kind == SettlementKind.City);
        var mid = settlements.Single(s => s.Kind == SettlementKind.MidTown);
        // The axis passes 6–7 km from the city centre, outside its street grid, and 2.5–9 km from
        // the mid-size town, so that both get an interchange and neither is cut in two.
        Coordinate dir, normal, origin;
        var attempt = 0;
        do
        {
            var angle = rng.NextDouble() * Math.PI;
            dir = new Coordinate(Math.Cos(angle), Math.Sin(angle));
            normal = new Coordinate(-dir.Y, dir.X);
            var side = (mid.Seat.X - city.Seat.X) * normal.X + (mid.Seat.Y - city.Seat.Y) * normal.Y >= 0 ? 1 : -1;
            var offset = side * (6000 + rng.NextDouble() * 1000);
            origin = new Coordinate(city.Seat.X + normal.X * offset, city.Seat.Y + normal.Y * offset);
        }
        while (Math.Abs((mid.Seat.X - origin.X) * normal.X + (mid.Seat.Y - origin.Y) * normal.Y) is < 2500 or > 9000 && ++attempt < 200);
        var n = (int)(HalfLength / Step);

        Coordinate At(int k, double lateral) =>
            new(Math.Round(origin.X + dir.X * k * Step + normal.X * lateral, 1), Math.Round(origin.Y + dir.Y * k * Step + normal.Y * lateral, 1));

        // Stop a few kilometres inside the border, on a roundabout, so that every ramp and both
        // directions can be used from inside the département.
        var zone = outline.Buffer(-EndInside);
        bool Inside(int k) => zone.Contains(outline.Factory.CreatePoint(At(k, 0)));
        var first = -n;
        while (!Inside(first) && first < 0)
            first++;
        var last = n;
        while (!Inside(last) && last > 0)
            last--;
        // Traffic keeps right: the carriageway towards +k lies on the right of the axis (−normal).
        var forward = Enumerable.Range(first, last - first + 1).Select(k => At(k, -CarriagewayOffset)).ToList();
        var backward = Enumerable.Range(first, last - first + 1).Reverse().Select(k => At(k, CarriagewayOffset)).ToList();
        var (startIn, startOut) = EndRoundabout(net, At(first - 1, 0), new Coordinate(-dir.X, -dir.Y), settlements, 1);
        var (endIn, endOut) = EndRoundabout(net, At(last + 1, 0), dir, settlements, 2);
        forward.Insert(0, startOut);
        forward.Add(endIn);
        backward.Insert(0, endOut);
        backward.Add(startIn);
        net.Way(forward, "highway", "motorway", "ref", Ref, "oneway", "yes", "maxspeed", "130", "name", "Autoroute des Collines");
        net.Way(backward, "highway", "motorway", "ref", Ref, "oneway", "yes", "maxspeed", "130", "name", "Autoroute des Collines");

        var exitNo = 1;
        foreach (var town in new[] { city, mid })
        {
            var rel = new Coordinate(town.Seat.X - origin.X, town.Seat.Y - origin.Y);
            var k = (int)Math.Round((rel.X * dir.X + rel.Y * dir.Y) / Step);
            if (k < first + 4 || k > last - 4)
                continue;
            var townSide = rel.X * normal.X + rel.Y * normal.Y >= 0 ? 1 : -1;
            var j = At(k, townSide * 350);
            string[] link = ["highway", "motorway_link", "oneway", "yes", "ref", $"{exitNo}"];
            // Forward carriageway runs towards +k: leave before, join after; the other one the reverse.
            net.Way(RoadNetworkBuilder.Line(At(k - 2, -CarriagewayOffset), j, 100), link);
            net.Way(RoadNetworkBuilder.Line(j, At(k + 2, -CarriagewayOffset), 100), link);
            net.Way(RoadNetworkBuilder.Line(At(k + 2, CarriagewayOffset), j, 100), link);
            net.Way(RoadNetworkBuilder.Line(j, At(k - 2, CarriagewayOffset), 100), link);
            var gate = town.AttachTowards(j);
            var tags = town.Kind == SettlementKind.City
                ? new[] { "highway", "trunk", "ref", "N 1199", "name", $"Bretelle de {town.Name}", "maxspeed", "110" }
                : new[] { "highway", "primary", "ref", "D 999", "name", $"Route de l'Autoroute ({town.Name})" };
            net.Way(RoadNetworkBuilder.Bent(rng, j, gate, 250, 0.05), tags);
            exitNo++;
        }
    }

    /// <summary>
    /// A roundabout ending the motorway at <paramref name="centre"/>, joined to the two nearest
    /// settlements; returns the ring nodes where the arriving carriageway enters and the leaving one starts.
    /// </summary>
    /// <remarks><paramref name="outward"/> is the unit vector along the motorway, pointing away from it.</remarks>
    private static (Coordinate In, Coordinate Out) EndRoundabout(RoadNetworkBuilder net, Coordinate centre, Coordinate outward,
        List<Settlement> settlements, int number)
    {
        var left = new Coordinate(-outward.Y, outward.X);
        Coordinate Ring(int eighth)
        {
            var a = eighth * Math.PI / 4;
            return new Coordinate(Math.Round(centre.X + RingRadius * (Math.Cos(a) * outward.X + Math.Sin(a) * left.X), 1),
                Math.Round(centre.Y + RingRadius * (Math.Cos(a) * outward.Y + Math.Sin(a) * left.Y), 1));
        }
        // Counter-clockwise, as French roundabouts turn; the arriving carriageway is on the right (back-right).
        var ring = Enumerable.Range(0, 9).Select(k => Ring(k % 8)).ToList();
        net.Way(ring, "highway", "primary", "junction", "roundabout", "name", $"Rond-point de l'Autoroute {number}");
        var arms = new[] { Ring(0), Ring(2), Ring(6) };
        foreach (var s in settlements.OrderBy(s => s.Seat.Distance(centre)).Take(2))
        {
            var gate = s.AttachTowards(centre);
            var arm = arms.OrderBy(a => a.Distance(gate)).First();
            net.Way(RoadNetworkBuilder.Line(arm, gate, 250), "highway", "primary", "ref", $"D {990 + number}",
                "name", $"Route de {s.Name}");
            arms = arms.Where(a => a != arm).ToArray();
        }
        return (Ring(5), Ring(3));
    }
}
