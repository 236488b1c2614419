using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Demo;

/// <summary>Draws the priority districts (QPV): four in the city, one in the mid-size town.</summary>
internal static class DistrictPlanner
{
    public const int CityDistricts = 4;

    public static List<PriorityDistrict> Build(Random rng, Settlement city, Settlement midTown)
    {
        var list = new List<PriorityDistrict>();
        var baseAngle = rng.NextDouble() * Math.PI / 2;
        for (var k = 0; k < CityDistricts; k++)
        {
            var a = baseAngle + k * Math.PI / 2 + CommunePlanner.Jitter(rng, 0.25);
            var d = 1800 + rng.NextDouble() * 800;
            var centre = new Coordinate(city.Seat.X + d * Math.Cos(a), city.Seat.Y + d * Math.Sin(a));
            list.Add(Make(rng, city, centre, 450 + rng.NextDouble() * 200, list.Count));
        }
        var ma = rng.NextDouble() * 2 * Math.PI;
        var md = 600 + rng.NextDouble() * 300;
        var mc = new Coordinate(midTown.Seat.X + md * Math.Cos(ma), midTown.Seat.Y + md * Math.Sin(ma));
        list.Add(Make(rng, midTown, mc, 350 + rng.NextDouble() * 100, list.Count));
        return list;
    }

    private static PriorityDistrict Make(Random rng, Settlement commune, Coordinate centre, double radius, int index)
    {
        var gf = commune.Polygon!.Factory;
        var pts = new Coordinate[11];
        for (var i = 0; i < pts.Length; i++)
        {
            var a = i * 2 * Math.PI / pts.Length + CommunePlanner.Jitter(rng, 0.2);
            var r = radius * (0.75 + 0.4 * rng.NextDouble());
            pts[i] = new Coordinate(Math.Round(centre.X + r * Math.Cos(a), 1), Math.Round(centre.Y + r * Math.Sin(a), 1));
        }
        var hull = gf.CreateMultiPointFromCoords(pts).ConvexHull();
        // The district must lie inside its commune: clip, and keep the polygon part.
        var inside = hull.Intersection(commune.Polygon);
        var poly = inside as Polygon ?? throw new InvalidOperationException("QPV polygon left its commune.");
        poly.SRID = commune.Polygon.SRID;
        return new PriorityDistrict
        {
            Code = $"QN000{index + 1:000}",
            Name = DemoNames.DistrictNames[index % DemoNames.DistrictNames.Length],
            CommuneCode = commune.Code,
            Geometry = poly,
        };
    }
}
