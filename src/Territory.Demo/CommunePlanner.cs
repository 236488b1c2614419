using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Territory.Demo;

/// <summary>Draws the département outline, the commune seats and the communes (Voronoi cells).</summary>
internal static class CommunePlanner
{
    public const double CentreX = 705_000;
    public const double CentreY = 6_610_000;
    private const double OutlineRadius = 36_000;
    private const int VillageTarget = 80;

    public static Polygon Outline(Random rng, GeometryFactory gf)
    {
        var pts = new Coordinate[18];
        for (var i = 0; i < pts.Length; i++)
        {
            var a = i * 2 * Math.PI / pts.Length + (rng.NextDouble() - 0.5) * 0.15;
            var r = OutlineRadius * (0.86 + 0.26 * rng.NextDouble());
            pts[i] = new Coordinate(Math.Round(CentreX + r * Math.Cos(a)), Math.Round(CentreY + r * Math.Sin(a)));
        }
        // Convex, so that every clipped Voronoi cell stays a single convex polygon.
        return (Polygon)gf.CreateMultiPointFromCoords(pts).ConvexHull();
    }

    public static List<Settlement> Seats(Random rng, Polygon outline)
    {
        var list = new List<Settlement>();
        var names = new HashSet<string>(StringComparer.Ordinal) { DemoNames.CityName, DemoNames.MidTownName };
        var inner = outline.Buffer(-4000);
        var villageZone = outline.Buffer(-1500);

        var city = new Coordinate(Math.Round(CentreX + Jitter(rng, 2000)), Math.Round(CentreY + Jitter(rng, 2000)));
        list.Add(new Settlement { Name = DemoNames.CityName, Kind = SettlementKind.City, Seat = city });

        Place(rng, list, inner, SettlementKind.MidTown, 1, names, () => Around(rng, city, 22_000, 26_000, rng.NextDouble() * 2 * Math.PI));
        var baseAngle = rng.NextDouble() * 2 * Math.PI;
        for (var k = 0; k < 3; k++)
        {
            var a = baseAngle + k * 2 * Math.PI / 3;
            Place(rng, list, inner, SettlementKind.Suburb, 1, names, () => Around(rng, city, 10_500, 12_000, a + Jitter(rng, 0.4)));
        }
        Place(rng, list, inner, SettlementKind.SmallTown, 4, names, () => Around(rng, city, 14_000, 30_000, rng.NextDouble() * 2 * Math.PI));

        var env = outline.EnvelopeInternal;
        for (var attempt = 0; attempt < 20_000 && list.Count(s => !s.IsUrban) < VillageTarget; attempt++)
        {
            var c = new Coordinate(Math.Round(env.MinX + rng.NextDouble() * env.Width), Math.Round(env.MinY + rng.NextDouble() * env.Height));
            if (!villageZone.Contains(outline.Factory.CreatePoint(c)))
                continue;
            var p = rng.NextDouble();
            var kind = p < 0.35 ? SettlementKind.Village : p < 0.75 ? SettlementKind.Dispersed : SettlementKind.VeryDispersed;
            if (Fits(list, c, kind))
                list.Add(new Settlement { Name = DemoNames.Commune(rng, names), Kind = kind, Seat = c });
        }
        return list;
    }

    /// <summary>Cuts the outline into one commune per seat and gives codes (alphabetical) and populations.</summary>
    public static void Tile(Random rng, Polygon outline, List<Settlement> settlements)
    {
        var gf = outline.Factory;
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(settlements.Select(s => s.Seat).ToList());
        var clip = outline.EnvelopeInternal.Copy();
        clip.ExpandBy(20_000);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(gf);
        var bySeat = settlements.ToDictionary(s => s.Seat);
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            var seat = (Coordinate)cell.UserData;
            var clipped = cell.Intersection(outline);
            var poly = clipped as Polygon
                ?? Enumerable.Range(0, clipped.NumGeometries).Select(clipped.GetGeometryN).OfType<Polygon>().OrderByDescending(p => p.Area).First();
            poly.SRID = outline.SRID;
            bySeat[seat].SetPolygon(poly);
        }
        if (settlements.Any(s => s.Polygon is null))
            throw new InvalidOperationException("A commune seat got no Voronoi cell.");

        var ordered = settlements.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].Code = $"00{i + 1:000}";
        foreach (var s in settlements)
            s.Population = s.Kind switch
            {
                SettlementKind.City => 175_000 + rng.Next(40_000),
                SettlementKind.MidTown => 31_000 + rng.Next(8_000),
                SettlementKind.Suburb => 6_000 + rng.Next(8_000),
                SettlementKind.SmallTown => 4_200 + rng.Next(5_500),
                SettlementKind.Village => 700 + rng.Next(1_800),
                SettlementKind.Dispersed => 150 + rng.Next(550),
                _ => 80 + rng.Next(220),
            };
    }

    private static void Place(Random rng, List<Settlement> list, Geometry zone, SettlementKind kind, int count,
        HashSet<string> names, Func<Coordinate> draw)
    {
        for (int placed = 0, attempt = 0; placed < count; attempt++)
        {
            if (attempt > 5000)
                throw new InvalidOperationException($"Could not place a {kind} seat.");
            var c = draw();
            if (!zone.Contains(zone.Factory.CreatePoint(c)) || !Fits(list, c, kind))
                continue;
            var name = kind == SettlementKind.MidTown ? DemoNames.MidTownName : DemoNames.Commune(rng, names);
            list.Add(new Settlement { Name = name, Kind = kind, Seat = c });
            placed++;
        }
    }

    private static bool Fits(List<Settlement> list, Coordinate c, SettlementKind kind) =>
        list.All(s => s.Seat.Distance(c) >= Math.Max(Spacing(s.Kind), Spacing(kind)));

    private static double Spacing(SettlementKind kind) => kind switch
    {
        SettlementKind.City => 10_500,
        SettlementKind.MidTown => 7_000,
        SettlementKind.SmallTown => 6_000,
        SettlementKind.Suburb => 5_500,
        _ => 5_000,
    };

    private static Coordinate Around(Random rng, Coordinate centre, double minDist, double maxDist, double angle)
    {
        var d = minDist + rng.NextDouble() * (maxDist - minDist);
        return new Coordinate(Math.Round(centre.X + d * Math.Cos(angle)), Math.Round(centre.Y + d * Math.Sin(angle)));
    }

    internal static double Jitter(Random rng, double amplitude) => (rng.NextDouble() * 2 - 1) * amplitude;
}
