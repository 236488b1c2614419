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
}
