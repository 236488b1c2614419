using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Tests.Snapping;

public sealed class BoundedSnapTests
{
    /// <summary>Nearest largest-component segment within the horizon, planar metres around the query, ties by edge then segment: what the ring search must find.</summary>
    private static (int Edge, int Segment, double Distance) BruteForce(RoadGraph g, double lon, double lat, double horizon)
    {
        double mx = GeoMath.MetersPerDegreeLon(lat), my = GeoMath.MetersPerDegreeLat;
        (int Edge, int Segment, double Distance) best = (-1, -1, double.PositiveInfinity);
        for (int e = 0; e < g.EdgeCount; e++)
        {
            if (!g.IsInLargestComponent(g.EdgeFrom[e]) || !g.IsInLargestComponent(g.EdgeTo[e])) continue;
            for (int i = 1; i < g.GetEdgePointCount(e); i++)
            {
                var p = g.GetEdgePoint(e, i - 1);
                var q = g.GetEdgePoint(e, i);
                double ax = (p.Lon - lon) * mx, ay = (p.Lat - lat) * my;
                double dx = (q.Lon - lon) * mx - ax, dy = (q.Lat - lat) * my - ay, len2 = dx * dx + dy * dy;
                double t = len2 <= 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / len2, 0, 1);
                double px = ax + t * dx, py = ay + t * dy;
                double d = Math.Sqrt(px * px + py * py);
                if (d < best.Distance) best = (e, i - 1, d);
            }
        }
        return best.Distance <= horizon ? best : (-1, -1, double.PositiveInfinity);
    }

    public static TheoryData<string, double> Cases => new()
    {
        { "andorra", 500 },
        { "andorra", 150 },
        { "grid", 500 },
        { "two far clusters (hashed cells)", 500 },
    };

    private static RoadGraph Graph(string name) => name switch
    {
        "andorra" => OsmGraphs.Andorra.Graph,
        "grid" => SyntheticRoadNetwork.Grid(30, 30, seed: 4, missingShare: 0.3),
        _ => TwoClusters(),
    };

    /// <summary>Two small grids 300 km apart: the cell extent dwarfs the segment count, so the grid hashes its cells.</summary>
    private static RoadGraph TwoClusters()
    {
        var b = new RoadGraphBuilder();
        foreach (double lon0 in new[] { 1.0, 4.7 })
            for (int y = 0; y < 6; y++)
                for (int x = 0; x < 6; x++)
                {
                    int v = b.AddNode(lon0 + x * 0.004, 45 + y * 0.003 + x * 0.0004);
                    if (x > 0) b.AddEdge(v - 1, v, 20);
                    if (y > 0) b.AddEdge(v - 6, v, 20);
                }
        b.AddEdge(35, 36, 9000);
        return b.Build();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Snap_RandomAndFarPoints_EqualBruteForceBoundedSearch(string graph, double maxMeters)
    {
        var g = Graph(graph);
        var snapper = new RoadSnapper(g, flagOutsideHull: false);
        double minLon = Enumerable.Range(0, g.NodeCount).Min(g.GetNodeLon), maxLon = Enumerable.Range(0, g.NodeCount).Max(g.GetNodeLon);
        double minLat = Enumerable.Range(0, g.NodeCount).Min(g.GetNodeLat), maxLat = Enumerable.Range(0, g.NodeCount).Max(g.GetNodeLat);
        var random = new Random(17);
        int snapped = 0, tooFar = 0, none = 0;
        for (int k = 0; k < 300; k++)
        {
            // A third of the points well outside the network's box, the rest anywhere in it.
            double spread = k % 3 == 0 ? 0.3 : 0;
            double lon = minLon - spread + random.NextDouble() * (maxLon - minLon + 2 * spread);
            double lat = minLat - spread + random.NextDouble() * (maxLat - minLat + 2 * spread);
            var s = snapper.Snap(lon, lat, maxMeters);
            var expected = BruteForce(g, lon, lat, RoadSnapper.SearchHorizonMeters(maxMeters));
            if (expected.Edge < 0)
            {
                none++;
                Assert.Equal(SnapFailureCode.NoRoadWithin, s.FailureCode);
                Assert.Equal(-1, s.Edge);
                continue;
            }
            Assert.Equal(expected.Edge, s.Edge);
            var p = g.GetEdgePoint(expected.Edge, expected.Segment);
            var q = g.GetEdgePoint(expected.Edge, expected.Segment + 1);
            Assert.Equal(expected.Distance, GeoMath.HaversineMeters(lon, lat, s.Lon, s.Lat), expected.Distance * 0.01 + 0.5);
            Assert.True(Math.Min(p.Lon, q.Lon) - 1e-12 <= s.Lon && s.Lon <= Math.Max(p.Lon, q.Lon) + 1e-12);
            if (s.IsSnapped) snapped++;
            else { tooFar++; Assert.Equal(SnapFailureCode.TooFar, s.FailureCode); }
        }
        Assert.True(snapped > 0 && none > 0, $"snapped {snapped}, too far {tooFar}, none {none}");
    }

    [Fact]
    public void Snap_BeyondTheExtractHull_FlaggedOutsideNetworkPastTheSnapDistance()
    {
        var g = SyntheticRoadNetwork.Grid(10, 10, seed: 1);
        double maxLon = Enumerable.Range(0, g.NodeCount).Max(g.GetNodeLon);
        double midLat = g.GetNodeLat(55);
        // 150 m east of the grid's east edge: an estate at the edge of the area, snapped to the border road.
        double near = maxLon + 150 / GeoMath.MetersPerDegreeLon(midLat);
        Assert.True(new RoadSnapper(g).Snap(near, midLat).IsSnapped);
        // 800 m east: where the extract has no roads; flagged as outside, not "too far".
        double far = maxLon + 800 / GeoMath.MetersPerDegreeLon(midLat);
        var flagged = new RoadSnapper(g).Snap(far, midLat);
        Assert.False(flagged.IsSnapped);
        Assert.Equal(SnapFailureCode.OutsideNetwork, flagged.FailureCode);
        Assert.True(double.IsNaN(flagged.SnapDistanceMeters));
        Assert.True(new RoadSnapper(g).Snap(g.GetNodeLon(55), midLat).IsSnapped);
        Assert.Equal(SnapFailureCode.OutsideNetwork, RoadSnapper.For(OsmGraphs.Andorra.Graph).Snap(1.0, 42.0).FailureCode);
    }

    [Fact]
    public void SnapMany_Parallel_SameAsOneByOne()
    {
        var g = OsmGraphs.Andorra.Graph;
        var snapper = RoadSnapper.For(g);
        var random = new Random(3);
        var points = Enumerable.Range(0, 5_000).Select(_ => (1.40 + random.NextDouble() * 0.40, 42.40 + random.NextDouble() * 0.28)).ToArray();
        var one = snapper.SnapMany(points, 500, maxDegreeOfParallelism: 1);
        var many = snapper.SnapMany(points, 500, maxDegreeOfParallelism: 8);
        for (int i = 0; i < points.Length; i++)
        {
            Assert.Equal(snapper.Snap(points[i].Item1, points[i].Item2, 500), one[i]);
            Assert.Equal(one[i], many[i]);
        }
        Assert.Contains(one, s => s.IsSnapped);
        Assert.Contains(one, s => s.FailureCode == SnapFailureCode.OutsideNetwork);
        Assert.Contains(one, s => s.FailureCode is SnapFailureCode.TooFar or SnapFailureCode.NoRoadWithin);
    }
}
