using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Tests.Snapping;

public sealed class RoadSnapperTests
{
    // An L-shaped street: A(0,0) → shape (0.01,0) → B(0.01,0.01), on the equator.
    private static RoadGraph LGraph()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), c = b.AddNode(0.01, 0.01);
        b.AddEdge(a, c, 100, shape: [(0.01, 0)]);
        return b.Build();
    }

    [Fact]
    public void Snap_PointBesideSegment_ProjectsOntoSegmentNotNode()
    {
        var snapper = new RoadSnapper(LGraph());
        var s = snapper.Snap(0.005, 0.001);
        Assert.True(s.IsSnapped);
        Assert.Equal(0.005, s.Lon, 1e-7);
        Assert.Equal(0.0, s.Lat, 1e-7);
        Assert.Equal(111.2, s.SnapDistanceMeters, 0.5);
        Assert.Equal(0.25, s.Fraction, 1e-3);
    }

    [Fact]
    public void Snap_PointNearShapeBend_FractionAlongWholePolyline()
    {
        var s = new RoadSnapper(LGraph()).Snap(0.0101, 0.0075);
        Assert.Equal(0.875, s.Fraction, 1e-3);
        Assert.Equal(0.01, s.Lon, 1e-7);
    }

    [Fact]
    public void Snap_FarPoint_NotSnappedWithReason()
    {
        var s = new RoadSnapper(LGraph()).Snap(0.005, -0.0073);
        Assert.False(s.IsSnapped);
        Assert.Equal(812, s.SnapDistanceMeters, 1.0);
        Assert.Equal("nearest road 812 m away (> 500 m)", s.FailureReason);
        Assert.Equal(SnapFailureCode.TooFar, s.FailureCode);
        Assert.Equal(500, s.LimitMeters);
    }

    [Fact]
    public void Snap_SmallComponentCloser_SnapsToLargestComponent()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), c = b.AddNode(0.01, 0), d = b.AddNode(0.02, 0);
        b.AddEdge(a, c, 10); b.AddEdge(c, d, 10);
        int x = b.AddNode(0.005, 0.002), y = b.AddNode(0.006, 0.002);
        b.AddEdge(x, y, 10);
        var g = b.Build();
        var s = new RoadSnapper(g).Snap(0.0055, 0.0019);
        Assert.True(s.IsSnapped);
        Assert.Equal(0.0, s.Lat, 1e-7);
        var all = new RoadSnapper(g, largestComponentOnly: false).Snap(0.0055, 0.0019);
        Assert.Equal(0.002, all.Lat, 1e-7);
    }

    [Fact]
    public void Snap_TwoNetworksWithoutRoadBetween_SnapsOnEachAndFragmentStaysRefused()
    {
        // Two road networks of RoadGraph.MainComponentMinNodes nodes each, 0.1° apart (an island, or two départements
        // of a generated portfolio), and a two-node fragment beside the second one.
        var b = new RoadGraphBuilder();
        int n = RoadGraph.MainComponentMinNodes;
        foreach (double offset in new[] { 0.0, 0.1 + n * 0.0001 })
        {
            int previous = b.AddNode(offset, 0);
            for (int i = 1; i < n; i++)
            {
                int next = b.AddNode(offset + i * 0.0001, 0);
                b.AddEdge(previous, next, 50);
                previous = next;
            }
        }
        double second = 0.1 + n * 0.0001;
        int x = b.AddNode(second + 0.005, 0.008), y = b.AddNode(second + 0.006, 0.008);
        b.AddEdge(x, y, 10);
        var g = b.Build();
        var snapper = new RoadSnapper(g);

        var onFirst = snapper.Snap(0.02, 0.001);
        var onSecond = snapper.Snap(second + 0.02, 0.001);
        var nearFragment = snapper.Snap(second + 0.0055, 0.0079);

        Assert.True(onFirst.IsSnapped);
        Assert.True(onSecond.IsSnapped);
        Assert.Equal(second + 0.02, onSecond.Lon, 1e-6);
        Assert.False(nearFragment.IsSnapped);
        Assert.Equal(SnapFailureCode.IsolatedFragment, nearFragment.FailureCode);
    }

    [Fact]
    public void Snap_OnlyAnIsolatedFragmentWithinReach_OneSnapGivesFragmentCode()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), c = b.AddNode(0.02, 0);
        b.AddEdge(a, c, 10);
        int x = b.AddNode(0.005, 0.008), y = b.AddNode(0.006, 0.008);
        b.AddEdge(x, y, 10);
        var s = new RoadSnapper(b.Build()).Snap(0.0055, 0.0079);
        Assert.False(s.IsSnapped);
        Assert.Equal(SnapFailureCode.IsolatedFragment, s.FailureCode);
        Assert.Equal(11.1, s.IsolatedRoadMeters, 0.5);
        Assert.Equal(878, s.SnapDistanceMeters, 1.0);
        Assert.Equal("outside the largest connected road network: nearest road 11 m away is isolated; nearest road 878 m away (> 500 m)", s.FailureReason);
    }

    [Fact]
    public void Snap_AndorraRandomPoints_MatchesBruteForce()
    {
        var g = OsmGraphs.Andorra.Graph;
        var snapper = new RoadSnapper(g, flagOutsideHull: false);
        var random = new Random(5);
        for (int k = 0; k < 50; k++)
        {
            double lon = 1.45 + random.NextDouble() * 0.3, lat = 42.43 + random.NextDouble() * 0.2;
            var s = snapper.Snap(lon, lat, 1e9);
            double best = double.PositiveInfinity;
            for (int e = 0; e < g.EdgeCount; e++)
            {
                if (!g.IsInLargestComponent(g.EdgeFrom[e]) || !g.IsInLargestComponent(g.EdgeTo[e])) continue;
                for (int i = 1; i < g.GetEdgePointCount(e); i++)
                    best = Math.Min(best, SegmentDistance(lon, lat, g.GetEdgePoint(e, i - 1), g.GetEdgePoint(e, i)));
            }
            Assert.Equal(best, s.SnapDistanceMeters, best * 0.01 + 0.5);
        }
    }

    private static double SegmentDistance(double lon, double lat, (double Lon, double Lat) p, (double Lon, double Lat) q)
    {
        double mx = GeoMath.MetersPerDegreeLon(lat), my = GeoMath.MetersPerDegreeLat;
        double ax = (p.Lon - lon) * mx, ay = (p.Lat - lat) * my, dx = (q.Lon - p.Lon) * mx, dy = (q.Lat - p.Lat) * my;
        double len2 = dx * dx + dy * dy;
        double t = len2 <= 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / len2, 0, 1);
        return Math.Sqrt(Math.Pow(ax + t * dx, 2) + Math.Pow(ay + t * dy, 2));
    }
}
