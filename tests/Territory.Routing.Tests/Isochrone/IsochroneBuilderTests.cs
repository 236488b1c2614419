using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Territory.Routing.Isochrones;

namespace Territory.Routing.Tests.Isochrone;

public sealed class IsochroneBuilderTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly (double Lon, double Lat) AndorraLaVella = (1.5218, 42.5063);

    [Theory]
    [InlineData(100.0)]
    [InlineData(50.0)]
    public void Build_Andorra_ValidNestedAndContainsReachedNodes(double cellSizeMeters)
    {
        var g = OsmGraphs.Andorra.Graph;
        var parameters = new IsochroneParameters { CellSizeMeters = cellSizeMeters };
        var builder = new IsochroneBuilder(g, parameters);
        var areas = builder.Build(AndorraLaVella, [10, 5]);
        Assert.Equal([5.0, 10.0], areas.Select(a => a.CutoffMinutes));
        Assert.All(areas, a => Assert.True(new IsValidOp(a.Area).IsValid, a.CutoffMinutes + " min invalid"));
        Assert.True(areas[1].Area.Covers(areas[0].Area));
        Assert.True(areas[1].Area.Area > areas[0].Area.Area);
        Assert.True(areas[0].ReachedNodeCount > 50);
        foreach (var iso in areas)
        {
            long cutoffMs = (long)(iso.CutoffMinutes * 60_000);
            var (lines, projection) = builder.LastReachedLines(iso.CutoffMinutes);
            var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(iso.Area);
            int lateInside = 0, lateOutside = 0;
            for (int v = 0; v < g.NodeCount; v++)
            {
                long cost = builder.CostMs(v);
                var p = Factory.CreatePoint(new Coordinate(g.GetNodeLon(v), g.GetNodeLat(v)));
                if (cost <= cutoffMs) Assert.True(prepared.Covers(p), $"node {v} reached in {cost} ms is outside the {iso.CutoffMinutes} min area");
                else if (prepared.Covers(p))
                {
                    // Reached later, but inside only because it lies within the buffer (chamfer, +7 %) of a
                    // reached road, plus 1.5 cells: the node and the road point may sit anywhere in their cells.
                    var local = Factory.CreatePoint(projection.ToLocal(g.GetNodeLon(v), g.GetNodeLat(v)));
                    Assert.True(lines.Distance(local) <= parameters.BufferMeters * 1.07 + parameters.CellSizeMeters * 1.5, $"late node {v} is {lines.Distance(local):0} m from reached roads");
                    lateInside++;
                }
                else lateOutside++;
            }
            Assert.True(lateOutside > lateInside);
        }
    }

    [Fact]
    public void Build_Andorra_ThreeCutoffsNestedThresholdsOfOneRaster()
    {
        var areas = Isochrones.Isochrones.Build(OsmGraphs.Andorra.Graph, AndorraLaVella, [30, 10, 20]);
        Assert.Equal([10.0, 20.0, 30.0], areas.Select(a => a.CutoffMinutes));
        for (int i = 0; i < areas.Count; i++)
        {
            Assert.True(new IsValidOp(areas[i].Area).IsValid, areas[i].CutoffMinutes + " min invalid");
            Assert.Equal(4326, areas[i].Area.SRID);
            if (i == 0) continue;
            Assert.True(areas[i].Area.Covers(areas[i - 1].Area), $"{areas[i].CutoffMinutes} min does not cover {areas[i - 1].CutoffMinutes} min");
            Assert.True(areas[i].ReachedNodeCount >= areas[i - 1].ReachedNodeCount);
        }
    }

    [Fact]
    public void Build_FarOrigin_EmptyWithReason()
    {
        var areas = Isochrones.Isochrones.Build(OsmGraphs.Andorra.Graph, (1.0, 42.0), [10]);
        Assert.True(areas[0].Area.IsEmpty);
        Assert.StartsWith("origin not snapped", areas[0].FailureReason);
    }

    [Fact]
    public void Build_Grid_UnreachedBlockLeavesHole()
    {
        // A 3 km square ring road: the unreached inside must be a hole.
        var b = new Routing.Graph.RoadGraphBuilder();
        double d = 0.027;
        int a0 = b.AddNode(0, 0), a1 = b.AddNode(d, 0), a2 = b.AddNode(d, d), a3 = b.AddNode(0, d);
        b.AddEdge(a0, a1, 60); b.AddEdge(a1, a2, 60); b.AddEdge(a2, a3, 60); b.AddEdge(a3, a0, 60);
        var areas = Isochrones.Isochrones.Build(b.Build(), (0, 0), [10]);
        var polygon = Assert.IsType<Polygon>(areas[0].Area);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.False(polygon.Covers(Factory.CreatePoint(new Coordinate(d / 2, d / 2))));
    }
}
