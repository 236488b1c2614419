using NetTopologySuite.Geometries;

namespace Territory.Demo;

/// <summary>Streets inside communes: town grids, village crosses, hamlet roads, service ways and tracks.</summary>
internal static class LocalRoads
{
    /// <summary>Distance from the city centre within which streets are limited to 30 km/h.</summary>
    private const double Zone30Radius = 1200;

    public static void Build(Random rng, RoadNetworkBuilder net, List<Settlement> settlements)
    {
        foreach (var s in settlements)
        {
            // Street names restart in every commune, from a random point of the list.
            var streetIndex = rng.Next(28);
            if (s.GridHalfSize > 0)
                Grid(net, s, ref streetIndex);
            else
                Village(rng, net, s, ref streetIndex);
        }
    }

    private static void Grid(RoadNetworkBuilder net, Settlement s, ref int streetIndex)
    {
        var n = (int)Math.Round(s.GridHalfSize / s.GridSpacing);
        var sp = s.GridSpacing;
        var (cx, cy) = (s.Seat.X, s.Seat.Y);
        var city = s.Kind == SettlementKind.City;
        for (var line = -n; line <= n; line++)
        {
            foreach (var horizontal in new[] { true, false })
            {
                var pts = new List<Coordinate>();
                for (var k = -2 * n; k <= 2 * n; k++)
                {
                    var along = k * sp / 2;
                    pts.Add(horizontal ? new Coordinate(cx + along, cy + line * sp) : new Coordinate(cx + line * sp, cy + along));
                }
                s.LocalPoints.AddRange(pts);
                var tags = new List<string> { "highway", Math.Abs(line) % 3 == 0 ? "tertiary" : "residential", "name", DemoNames.Street(streetIndex++) };
                // A few one-way streets; every third street stays two-way, so the grid stays strongly connected.
                if (city && horizontal && Mod(line, 4) == 1 || s.Kind == SettlementKind.MidTown && horizontal && line == 1)
                    tags.AddRange(["oneway", "yes"]);
                else if (city && !horizontal && Mod(line, 4) == 2)
                    tags.AddRange(["oneway", "-1"]);
                if (city)
                    tags.AddRange(["maxspeed", Math.Abs(line * sp) <= Zone30Radius ? "30" : "50"]);
                net.Way(pts, tags.ToArray());
            }
            // Gates: the ends of every street on the perimeter.
            s.Gates.Add(new Coordinate(cx - n * sp, cy + line * sp));
            s.Gates.Add(new Coordinate(cx + n * sp, cy + line * sp));
            s.Gates.Add(new Coordinate(cx + line * sp, cy - n * sp));
            s.Gates.Add(new Coordinate(cx + line * sp, cy + n * sp));
        }
    }

    private static void Village(Random rng, RoadNetworkBuilder net, Settlement s, ref int streetIndex)
    {
        var a0 = rng.NextDouble() * Math.PI;
        for (var arm = 0; arm < 2; arm++)
        {
            var a = a0 + arm * Math.PI / 2 + CommunePlanner.Jitter(rng, 0.3);
            var half = 400 + rng.Next(400);
            var (dx, dy) = (Math.Cos(a), Math.Sin(a));
            var pts = new List<Coordinate>();
            for (var k = -half / 150; k <= half / 150; k++)
                pts.Add(new Coordinate(s.Seat.X + dx * k * 150, s.Seat.Y + dy * k * 150));
            s.LocalPoints.AddRange(pts);
            net.Way(pts, "highway", "residential", "name", DemoNames.Street(streetIndex++));
        }
        if (s.Kind == SettlementKind.Village)
            return;
        // Dispersed communes: hamlets joined to the seat by unclassified roads, each with a track.
        var hamlets = s.Kind == SettlementKind.Dispersed ? 2 + rng.Next(2) : 1 + rng.Next(2);
        for (int h = 0, attempt = 0; h < hamlets && attempt < 200; attempt++)
        {
            var a = rng.NextDouble() * 2 * Math.PI;
            var d = 1200 + rng.NextDouble() * 1800;
            var c = new Coordinate(Math.Round(s.Seat.X + d * Math.Cos(a)), Math.Round(s.Seat.Y + d * Math.Sin(a)));
            if (!s.Contains(c))
                continue;
            var road = RoadNetworkBuilder.Bent(rng, s.Seat, c, 200, 0.1);
            net.Way(road, "highway", "unclassified", "name", $"Route du Hameau {h + 1} ({s.Name})");
            s.LocalPoints.AddRange(road.Skip(road.Count / 2));
            s.Hamlets.Add(c);
            var ta = rng.NextDouble() * 2 * Math.PI;
            var end = new Coordinate(Math.Round(c.X + 500 * Math.Cos(ta)), Math.Round(c.Y + 500 * Math.Sin(ta)));
            net.Way(RoadNetworkBuilder.Line(c, end, 150), "highway", "track", "tracktype", "grade2");
            h++;
        }
    }

    /// <summary>Parking aisles into the QPV ensembles and one private site road in the city.</summary>
    public static void ServiceWays(Random rng, RoadNetworkBuilder net, Settlement city, IEnumerable<Polygon> districts)
    {
        foreach (var d in districts)
        {
            var c = d.Centroid.Coordinate;
            var sp = city.GridSpacing;
            // A grid node inside the district, then a dead-end aisle into the middle of the block.
            var gx = city.Seat.X + Math.Round((c.X - city.Seat.X) / sp) * sp;
            var gy = city.Seat.Y + Math.Round((c.Y - city.Seat.Y) / sp) * sp;
            var from = new Coordinate(gx, gy);
            var to = new Coordinate(gx + sp / 2 * (rng.Next(2) == 0 ? 1 : -1), gy + sp / 2);
            net.Way(RoadNetworkBuilder.Line(from, to, 100), "highway", "service", "service", "parking_aisle");
        }
        var corner = new Coordinate(city.Seat.X + city.GridHalfSize, city.Seat.Y - city.GridHalfSize);
        var site = new Coordinate(corner.X + 600, corner.Y - 400);
        net.Way(RoadNetworkBuilder.Line(corner, site, 150), "highway", "service", "access", "private", "name", "Accès Centre Technique");
    }

    private static int Mod(int a, int m) => ((a % m) + m) % m;
}
