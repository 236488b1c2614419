using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Demo;
using Xunit.Abstractions;

namespace Territory.Demo.Tests;

/// <summary>The demo road network gives plausible routes: short detours, one strongly connected network.</summary>
[Collection(DemoCollection.Name)]
public sealed class DemoRoadPlausibilityTests(DemoFixture fixture, ITestOutputHelper output)
{
    /// <summary>Pairs closer than this are left out: snapping to a node dominates their ratio, metres.</summary>
    private const double MinStraightMeters = 500;

    private readonly DemoDataset _d = fixture.Dataset;

    [Fact]
    public void Generate_Default_AgencyToEstateRoutesShortAndDirect()
    {
        var graph = new DirectedRoads(_d.Roads);
        var far = _d.FarFromRoadEstateIds.ToHashSet();
        var ratios = new List<double>();
        foreach (var agency in _d.Agencies.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var estates = _d.Estates.Where(e => e.AgencyId == agency.Id && !far.Contains(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
            if (estates.Count == 0)
                continue;
            var origin = agency.Location.Coordinate;
            var (start, startSnap) = graph.Nearest(origin);
            var dist = graph.Dijkstra(start);
            foreach (var e in estates)
            {
                var c = e.Geometry.Coordinate;
                var straight = origin.Distance(c);
                if (straight < MinStraightMeters)
                    continue;
                var (end, endSnap) = graph.Nearest(c);
                Assert.True(dist.TryGetValue(end, out var road), $"{e.Id} unreachable from {agency.Id}");
                ratios.Add((road + startSnap + endSnap) / straight);
            }
        }
        ratios.Sort();
        var median = ratios[ratios.Count / 2];
        var p95 = ratios[(int)(ratios.Count * 0.95)];
        output.WriteLine($"{ratios.Count} pairs: median {median:F3}, p95 {p95:F3}, max {ratios[^1]:F3}");

        Assert.True(ratios.Count >= 1000, $"only {ratios.Count} pairs");
        Assert.True(median <= 1.5, $"median road/straight ratio {median:F2}");
        Assert.True(p95 <= 2.2, $"95th percentile road/straight ratio {p95:F2}");
    }

    [Fact]
    public void Generate_Default_RoadsOneStronglyConnectedComponentRespectingOneway()
    {
        var graph = new DirectedRoads(_d.Roads);
        var start = _d.Roads.Ways.First(w => w.Tags["highway"] == "residential").NodeIds[0];
        var from = graph.Dijkstra(start);
        var to = graph.Dijkstra(start, reverse: true);

        Assert.All(graph.NodeIds, id => Assert.True(from.ContainsKey(id) && to.ContainsKey(id), $"node {id} is not strongly connected"));
        Assert.Contains(_d.Roads.Ways, w => w.Tags.GetValueOrDefault("oneway") == "yes" && w.Tags["highway"] == "residential");
        Assert.Contains(_d.Roads.Ways, w => w.Tags["highway"] == "motorway" && w.Tags.GetValueOrDefault("bridge") == "yes");
    }

    [Fact]
    public void Generate_Default_OnlyMotorwayCrossesWithoutSharedNode()
    {
        var toL93 = new Reprojector(CrsRegistry.Wgs84, CrsRegistry.Lambert93);
        var pos = _d.Roads.Nodes.ToDictionary(n => n.Id, n => { var (x, y) = toL93.Transform(n.Longitude, n.Latitude); return new Coordinate(x, y); });
        var segments = new List<(long Way, long A, long B, bool Motorway)>();
        var tree = new NetTopologySuite.Index.Strtree.STRtree<int>();
        foreach (var w in _d.Roads.Ways)
            for (var i = 1; i < w.NodeIds.Count; i++)
            {
                tree.Insert(new Envelope(pos[w.NodeIds[i - 1]], pos[w.NodeIds[i]]), segments.Count);
                segments.Add((w.Id, w.NodeIds[i - 1], w.NodeIds[i], w.Tags["highway"] == "motorway"));
            }
        tree.Build();
        var bad = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            var ls = new LineSegment(pos[s.A], pos[s.B]);
            foreach (var j in tree.Query(new Envelope(ls.P0, ls.P1)).Where(j => j > i))
            {
                var o = segments[j];
                if (o.Way == s.Way || s.Motorway || o.Motorway || o.A == s.A || o.A == s.B || o.B == s.A || o.B == s.B)
                    continue;
                var p = ls.Intersection(new LineSegment(pos[o.A], pos[o.B]));
                // Crossing nodes rounded to 1e-7° lie a few centimetres off: only crossings away from every node count.
                if (p is not null && new[] { s.A, s.B, o.A, o.B }.All(n => pos[n].Distance(p) > 0.5))
                    bad.Add($"ways {s.Way} and {o.Way} cross at {p}");
            }
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad.Take(10)));
    }
}
