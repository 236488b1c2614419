using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Tests.Algorithms;

public sealed class RouterTests
{
    // A — B — C along the equator, 0.01° (1111.95 m) apart, 100 s per edge; B → C one-way;
    // a slow one-way C → A loop 3.3 km north closes the strongly-connected component.
    private static RoadGraph Line(bool withLoop = true)
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), m = b.AddNode(0.01, 0), c = b.AddNode(0.02, 0);
        b.AddEdge(a, m, 100);
        b.AddEdge(m, c, 100, forward: true, backward: false);
        if (withLoop) b.AddEdge(c, a, 1000, forward: true, backward: false, shape: [(0.02, 0.03), (0, 0.03)]);
        return b.Build();
    }

    [Fact]
    public void Route_MidEdgeToMidEdge_UsesPartialCosts()
    {
        var r = Router.Route(Line(), (0.0025, 0.0001), (0.015, -0.0001));
        Assert.True(r.Found, r.FailureReason);
        Assert.Equal(75 + 50, r.DurationSeconds, 0.01);
        Assert.Equal(0.0125 * 111_195.08, r.DistanceMeters, 1.0);
        Assert.Equal(11.1, r.SnapFromMeters, 0.2);
        Assert.Equal((0.0025, 0.0), (Math.Round(r.Geometry[0].Lon, 7), Math.Round(r.Geometry[0].Lat, 7)));
        Assert.Equal(0.015, r.Geometry[^1].Lon, 1e-7);
        Assert.Contains(r.Geometry, p => Math.Abs(p.Lon - 0.01) < 1e-9);
    }

    [Fact]
    public void Route_AgainstOneWay_GoesRoundTheLoop()
    {
        var r = Router.Route(Line(), (0.015, 0), (0.0025, 0));
        Assert.Equal(50 + 1000 + 25, r.DurationSeconds, 0.01);
    }

    [Fact]
    public void Route_AgainstOneWayWithoutLoop_NoPath()
    {
        var r = Router.Route(new RoadSnapper(Line(withLoop: false), largestComponentOnly: false), (0.015, 0), (0.0025, 0));
        Assert.False(r.Found);
        Assert.Equal("no path between the snapped points", r.FailureReason);
    }

    [Fact]
    public void Route_SameEdgeBothWays_DirectCost()
    {
        var g = Line();
        Assert.Equal(50, Router.Route(g, (0.0025, 0), (0.0075, 0)).DurationSeconds, 0.01);
        Assert.Equal(50, Router.Route(g, (0.0075, 0), (0.0025, 0)).DurationSeconds, 0.01);
        Assert.Equal(20, Router.Route(g, (0.012, 0), (0.014, 0)).DurationSeconds, 0.01);
    }

    [Fact]
    public void Route_FarOrigin_FailsWithSnapReason()
    {
        var r = Router.Route(Line(), (0.01, -0.05), (0.0025, 0));
        Assert.False(r.Found);
        Assert.Equal("origin not snapped: no road within 1 km", r.FailureReason);
    }

    [Fact]
    public void Route_Andorra_DurationMatchesGeometryLengthAndMatrix()
    {
        var g = OsmGraphs.Andorra.Graph;
        var from = (1.5218, 42.5063); // Andorra la Vella
        var to = (1.7340, 42.5430);   // Pas de la Casa
        var r = Router.Route(g, from, to);
        Assert.True(r.Found, r.FailureReason);
        Assert.InRange(r.DurationSeconds, 900, 3600);
        double length = 0;
        for (int i = 1; i < r.Geometry.Count; i++)
            length += GeoMath.HaversineMeters(r.Geometry[i - 1].Lon, r.Geometry[i - 1].Lat, r.Geometry[i].Lon, r.Geometry[i].Lat);
        Assert.Equal(r.DistanceMeters, length, r.DistanceMeters * 0.001 + 1);
        var m = TravelTimeMatrix.Compute(g, [from], [to]);
        Assert.Equal(r.DurationSeconds, m[0, 0].DurationSeconds!.Value, 1e-9);
    }

    [Fact]
    public void Matrix_UnreachableCell_DoesNotFailOthers()
    {
        var g = Line();
        var m = TravelTimeMatrix.Compute(g, [(0.0025, 0), (0.5, 0.5)], [(0.015, 0), (0.0025, 0)]);
        Assert.Equal(125, m[0, 0].DurationSeconds!.Value, 0.01);
        Assert.Equal(0, m[0, 1].DurationSeconds!.Value, 0.01);
        Assert.False(m[1, 0].IsReachable);
        Assert.StartsWith("source not snapped", m[1, 0].UnreachableReason);
    }

    [Fact]
    public void Route_StartOnNodeAtTailOfOneWay_UsesOtherRoadsFromNode()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), n = b.AddNode(0.01, 0), c = b.AddNode(-0.01, 0);
        b.AddEdge(a, n, 100, forward: true, backward: false); // edge 0: the point at A snaps here (fraction 0)
        b.AddEdge(a, c, 10);
        b.AddEdge(n, c, 100, shape: [(0, 0.02)]);
        var g = b.Build();
        var r = Router.Route(g, (0, 0), (-0.01, 0));
        Assert.Equal(10, r.DurationSeconds, 0.01);
        var m = TravelTimeMatrix.Compute(g, [(0, 0)], [(-0.01, 0)]);
        Assert.Equal(10, m[0, 0].DurationSeconds!.Value, 0.01);
    }
}
