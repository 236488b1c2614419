using Territory.Routing.Graph;

namespace Territory.Routing.Tests.Graph;

public sealed class RoadGraphSerializationTests
{
    [Fact]
    public void SaveLoad_Andorra_RoundTripsAllArrays()
    {
        var g = OsmGraphs.Andorra.Graph;
        var ms = new MemoryStream();
        g.Save(ms);
        ms.Position = 0;
        var h = RoadGraph.Load(ms);
        Assert.Equal(g.NodeLonE7, h.NodeLonE7);
        Assert.Equal(g.EdgeDurationMs, h.EdgeDurationMs);
        Assert.Equal(g.EdgeDistanceMeters, h.EdgeDistanceMeters);
        Assert.Equal(g.ShapeLatE7, h.ShapeLatE7);
        Assert.Equal(g.OutHead, h.OutHead);
        Assert.Equal(g.InWeightMs, h.InWeightMs);
        Assert.Equal(g.ComponentOfNode, h.ComponentOfNode);
        Assert.Equal(g.LargestComponent, h.LargestComponent);
    }

    [Fact]
    public void Load_CorruptByte_ThrowsInvalidData()
    {
        var ms = new MemoryStream();
        OsmGraphs.SaintBarthelemy.Graph.Save(ms);
        var bytes = ms.ToArray();
        bytes[bytes.Length / 2] ^= 0x40;
        Assert.Throws<InvalidDataException>(() => RoadGraph.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Load_WrongMagic_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => RoadGraph.Load(new MemoryStream(new byte[64])));
    }

    [Fact]
    public void Build_TwoWayPairAndOneWay_ComponentsFollowDirections()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), c = b.AddNode(0.001, 0), d = b.AddNode(0.002, 0);
        b.AddEdge(a, c, 10);
        b.AddEdge(c, d, 10, backward: false);
        var g = b.Build();
        Assert.Equal(2, g.ComponentCount);
        Assert.Equal(2, g.LargestComponentNodeCount);
        Assert.False(g.IsInLargestComponent(d));
        Assert.Equal(3, g.ArcCount);
    }

    [Fact]
    public void CsvExport_TinyGraph_PgRoutingConvention()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(1, 2), c = b.AddNode(1.001, 2);
        b.AddEdge(a, c, 12.5, 100, forward: false, backward: true);
        var w = new StringWriter();
        RoadGraphCsvExporter.WriteEdges(b.Build(), w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1,1,2,-1,12.5,100,\"LINESTRING(1.0000000 2.0000000,1.0010000 2.0000000)\"", lines[1].TrimEnd('\r'));
    }
}
