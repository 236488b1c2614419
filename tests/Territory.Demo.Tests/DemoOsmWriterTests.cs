using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using OsmSharp;
using OsmSharp.Streams;
using Territory.Core.Crs;
using Territory.Demo;

namespace Territory.Demo.Tests;

[Collection(DemoCollection.Name)]
public sealed class DemoOsmWriterTests(DemoFixture fixture)
{
    private readonly DemoDataset _d = fixture.Dataset;

    private List<OsmGeo> ReadBack() => fixture.ReadBack;

    [Fact]
    public void WritePbf_Default_ReadsBackWithSameCountsAndNodesFirst()
    {
        using var stream = File.OpenRead(fixture.PbfPath);
        var all = new PBFOsmStreamSource(stream).ToList();
        var nodes = all.OfType<Node>().ToList();
        var ways = all.OfType<Way>().ToList();

        Assert.Equal(_d.Roads.Nodes.Count, nodes.Count);
        Assert.Equal(_d.Roads.Ways.Count, ways.Count);
        Assert.InRange(nodes.Count, 3_000, 100_000);
        var lastNode = all.FindLastIndex(g => g is Node);
        var firstWay = all.FindIndex(g => g is Way);
        Assert.True(lastNode < firstWay);
        Assert.True(new FileInfo(fixture.PbfPath).Length < 5_000_000);
    }

    [Fact]
    public void WritePbf_Default_EveryWayNodeRefPresent()
    {
        var all = ReadBack();
        var ids = all.OfType<Node>().Select(n => n.Id!.Value).ToHashSet();
        Assert.All(all.OfType<Way>(), w =>
        {
            Assert.True(w.Nodes.Length >= 2);
            Assert.All(w.Nodes, id => Assert.Contains(id, ids));
        });
        Assert.All(all, g => Assert.True(g.Id > 0 && g.Version == 1 && g.TimeStamp == DemoOsmWriter.Timestamp));
    }

    [Fact]
    public void WritePbf_Default_NodesKeepTheirPositions()
    {
        var read = ReadBack().OfType<Node>().ToDictionary(n => n.Id!.Value);
        Assert.All(_d.Roads.Nodes.Where(n => n.Id % 97 == 0), n =>
        {
            Assert.InRange(Math.Abs(n.Longitude - read[n.Id].Longitude!.Value), 0, 1e-6);
            Assert.InRange(Math.Abs(n.Latitude - read[n.Id].Latitude!.Value), 0, 1e-6);
        });
    }

    [Theory]
    [InlineData("oneway", "yes")]
    [InlineData("oneway", "-1")]
    [InlineData("junction", "roundabout")]
    [InlineData("access", "private")]
    [InlineData("maxspeed", "30")]
    [InlineData("maxspeed", "70")]
    [InlineData("maxspeed", "110")]
    [InlineData("highway", "motorway")]
    [InlineData("highway", "motorway_link")]
    [InlineData("highway", "trunk")]
    [InlineData("highway", "primary")]
    [InlineData("highway", "secondary")]
    [InlineData("highway", "tertiary")]
    [InlineData("highway", "unclassified")]
    [InlineData("highway", "residential")]
    [InlineData("highway", "service")]
    [InlineData("highway", "track")]
    [InlineData("bridge", "yes")]
    public void WritePbf_Default_TagPresent(string key, string value)
    {
        Assert.Contains(ReadBack().OfType<Way>(), w => w.Tags.Contains(key, value));
    }

    [Fact]
    public void Generate_Default_RoadNetworkIsConnected()
    {
        var parent = _d.Roads.Nodes.ToDictionary(n => n.Id, n => n.Id);
        long Find(long x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        foreach (var w in _d.Roads.Ways)
            for (var i = 1; i < w.NodeIds.Count; i++)
                parent[Find(w.NodeIds[i])] = Find(w.NodeIds[0]);
        Assert.Single(_d.Roads.Nodes.Select(n => Find(n.Id)).Distinct());
    }

    [Fact]
    public void Generate_Default_EstatesNearRoadsExceptTheRemoteHamlet()
    {
        var toL93 = new Reprojector(CrsRegistry.Wgs84, CrsRegistry.Lambert93);
        var pos = _d.Roads.Nodes.ToDictionary(n => n.Id, n => { var (x, y) = toL93.Transform(n.Longitude, n.Latitude); return new Coordinate(x, y); });
        var tree = new STRtree<LineSegment>();
        foreach (var w in _d.Roads.Ways)
            for (var i = 1; i < w.NodeIds.Count; i++)
            {
                var s = new LineSegment(pos[w.NodeIds[i - 1]], pos[w.NodeIds[i]]);
                tree.Insert(new Envelope(s.P0, s.P1), s);
            }
        double Distance(Coordinate c)
        {
            var env = new Envelope(c);
            env.ExpandBy(2000);
            return tree.Query(env).Select(s => s.Distance(c)).DefaultIfEmpty(double.MaxValue).Min();
        }

        Assert.InRange(_d.FarFromRoadEstateIds.Count, 1, 5);
        foreach (var e in _d.Estates)
        {
            var d = Distance(e.Geometry.Coordinate);
            if (_d.FarFromRoadEstateIds.Contains(e.Id))
                Assert.True(d > 1000, $"{e.Id} should be far from roads but is {d:F0} m away");
            else
                Assert.True(d <= 500, $"{e.Id} is {d:F0} m from the nearest road");
        }
    }
}
