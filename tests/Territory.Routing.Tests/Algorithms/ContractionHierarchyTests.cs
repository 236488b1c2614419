using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Routing.Tests.Algorithms;

public sealed class ContractionHierarchyTests
{
    private static int CompareAll(RoadGraph g, int sources, int seed)
    {
        var ch = ContractionHierarchy.Build(g);
        var phast = new PhastSearch(ch);
        var dijkstra = new DijkstraSearch(g);
        var random = new Random(seed);
        int compared = 0;
        for (int k = 0; k < sources; k++)
        {
            int s = random.Next(g.NodeCount);
            phast.Run([(s, 0L, 0.0)], []);
            dijkstra.Run([(s, 0L, 0.0)], []);
            for (int t = 0; t < g.NodeCount; t++)
            {
                Assert.Equal(dijkstra.CostMs(t), phast.CostMs(t));
                compared++;
            }
        }
        return compared;
    }

    [Fact]
    public void Phast_RandomGrid_ExactAgainstDijkstra()
    {
        var g = SyntheticRoadNetwork.Grid(40, 40, seed: 7, oneWayShare: 0.15, missingShare: 0.05);
        Assert.True(CompareAll(g, 40, 1) >= 60_000);
    }

    [Fact]
    public void Phast_Andorra_ExactAgainstDijkstra()
    {
        var g = OsmGraphs.Andorra.Graph;
        Assert.True(CompareAll(g, 12, 2) > 10_000);
    }

    [Fact]
    public void Rphast_RandomGrid_ExactAgainstDijkstraOnTargets()
    {
        var g = SyntheticRoadNetwork.Grid(60, 60, seed: 9, oneWayShare: 0.15, missingShare: 0.05);
        var ch = ContractionHierarchy.Build(g);
        var random = new Random(5);
        var targets = Enumerable.Range(0, 300).Select(_ => random.Next(g.NodeCount)).ToArray();
        var selection = new RphastSelection(ch, targets);
        Assert.True(selection.Count < g.NodeCount);
        var rphast = new RphastSearch(selection);
        var dijkstra = new DijkstraSearch(g);
        for (int k = 0; k < 30; k++)
        {
            int s = random.Next(g.NodeCount);
            rphast.Run([(s, 0L, 0.0)], targets);
            dijkstra.Run([(s, 0L, 0.0)], []);
            foreach (int t in targets)
            {
                Assert.Equal(dijkstra.CostMs(t), rphast.CostMs(t));
                if (dijkstra.CostMs(t) != DijkstraSearch.Unreached) Assert.Equal(dijkstra.DistanceMeters(t), rphast.DistanceMeters(t), dijkstra.DistanceMeters(t) * 0.05 + 1);
            }
        }
    }

    [Fact]
    public void Phast_TinyOneWayTriangle_ExactAgainstDijkstra()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), c = b.AddNode(0.001, 0), d = b.AddNode(0.002, 0);
        b.AddEdge(a, c, 3, forward: true, backward: false);
        b.AddEdge(c, d, 4, forward: true, backward: false);
        b.AddEdge(d, a, 5, forward: true, backward: false);
        Assert.Equal(9, CompareAll(b.Build(), 3, 3));
    }

    [Fact]
    public void Matrix_PhastRphastAndDijkstra_SameCellsOnAndorra()
    {
        var g = OsmGraphs.Andorra.Graph;
        var ch = ContractionHierarchy.Build(g);
        var random = new Random(11);
        var points = Enumerable.Range(0, 60).Select(_ => (1.45 + random.NextDouble() * 0.15, 42.45 + random.NextDouble() * 0.15)).ToArray();
        var a = TravelTimeMatrix.Compute(g, points[..10], points, new MatrixOptions { Algorithm = MatrixAlgorithm.Dijkstra });
        var b = TravelTimeMatrix.Compute(g, points[..10], points, new MatrixOptions { Hierarchy = ch, Algorithm = MatrixAlgorithm.Phast });
        var c = TravelTimeMatrix.Compute(g, points[..10], points, new MatrixOptions { Hierarchy = ch });
        int reachable = 0;
        for (int s = 0; s < 10; s++)
            for (int t = 0; t < points.Length; t++)
            {
                Assert.Equal(a[s, t].DurationSeconds, b[s, t].DurationSeconds);
                Assert.Equal(a[s, t].DurationSeconds, c[s, t].DurationSeconds);
                Assert.Equal(a[s, t].UnreachableReason, b[s, t].UnreachableReason);
                Assert.Equal(a[s, t].UnreachableReason, c[s, t].UnreachableReason);
                if (a[s, t].IsReachable) { reachable++; Assert.Equal(a[s, t].DistanceMeters!.Value, b[s, t].DistanceMeters!.Value, a[s, t].DistanceMeters!.Value * 0.05 + 1); }
            }
        Assert.True(reachable > 100);
    }

    [Fact]
    public void SaveLoad_Grid_SameDistancesAndBoundToGraph()
    {
        var g = SyntheticRoadNetwork.Grid(20, 20, seed: 3);
        var ch = ContractionHierarchy.Build(g);
        var ms = new MemoryStream();
        ch.Save(ms);
        ms.Position = 0;
        var loaded = ContractionHierarchy.Load(ms, g);
        var a = new PhastSearch(ch);
        var b = new PhastSearch(loaded);
        a.Run([(5, 0L, 0.0)], []);
        b.Run([(5, 0L, 0.0)], []);
        for (int v = 0; v < g.NodeCount; v++) Assert.Equal(a.CostMs(v), b.CostMs(v));
        ms.Position = 0;
        var other = SyntheticRoadNetwork.Grid(20, 20, seed: 4);
        Assert.Throws<InvalidDataException>(() => ContractionHierarchy.Load(ms, other));
    }

    /// <summary>A uniform-speed grid (no hierarchy in the roads), many one-ways and gaps, plus a second grid with no link to the first.</summary>
    private static RoadGraph TwoDisconnectedGrids()
    {
        var a = SyntheticRoadNetwork.Grid(25, 25, seed: 21, oneWayShare: 0.3, missingShare: 0.1, uniformSpeeds: true);
        var b = new RoadGraphBuilder();
        for (int v = 0; v < a.NodeCount; v++) b.AddNode(a.GetNodeLon(v), a.GetNodeLat(v));
        for (int v = 0; v < a.NodeCount; v++) b.AddNode(a.GetNodeLon(v) + 0.5, a.GetNodeLat(v));
        for (int e = 0; e < a.EdgeCount; e++)
            foreach (int shift in new[] { 0, a.NodeCount })
                b.AddEdge(a.GetEdgeFrom(e) + shift, a.GetEdgeTo(e) + shift, a.GetEdgeDurationSeconds(e) * (shift == 0 ? 1 : 1.7), a.GetEdgeDistanceMeters(e),
                    a.IsForwardAllowed(e), a.IsBackwardAllowed(e));
        return b.Build();
    }

    [Fact]
    public void Phast_UniformSpeedGridsOneWaysDisconnected_ExactAgainstDijkstra()
    {
        var g = TwoDisconnectedGrids();
        Assert.True(CompareAll(g, 30, 4) >= 30 * 1250);
        var grid = SyntheticRoadNetwork.Grid(45, 45, seed: 8, oneWayShare: 0.2, uniformSpeeds: true);
        Assert.True(CompareAll(grid, 25, 6) >= 25 * 2025);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(13)]
    public void Build_OneThreadOrSeveral_SameHierarchyAndCosts(int seed)
    {
        var g = SyntheticRoadNetwork.Grid(50, 50, seed, oneWayShare: 0.15, missingShare: 0.05, uniformSpeeds: true);
        var one = ContractionHierarchy.Build(g, new ContractionOptions { MaxDegreeOfParallelism = 1 });
        var four = ContractionHierarchy.Build(g, new ContractionOptions { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.PositionOfNode, four.PositionOfNode);
        Assert.Equal(one.UpHead, four.UpHead);
        Assert.Equal(one.UpWeightMs, four.UpWeightMs);
        Assert.Equal(one.DownTail, four.DownTail);
        Assert.Equal(one.DownWeightMs, four.DownWeightMs);
        var a = new PhastSearch(one);
        var b = new PhastSearch(four);
        var dijkstra = new DijkstraSearch(g);
        foreach (int s in new[] { 0, 1234, g.NodeCount - 1 })
        {
            a.Run([(s, 0L, 0.0)], []); b.Run([(s, 0L, 0.0)], []); dijkstra.Run([(s, 0L, 0.0)], []);
            for (int t = 0; t < g.NodeCount; t++)
            {
                Assert.Equal(dijkstra.CostMs(t), a.CostMs(t));
                Assert.Equal(a.CostMs(t), b.CostMs(t));
            }
        }
    }

    [Fact]
    public void Matrix_HierarchyAttachedToALargeGraph_UsedByAutoWithDijkstraCells()
    {
        var g = SyntheticRoadNetwork.Grid(60, 60, seed: 5, oneWayShare: 0.1);
        Assert.True(g.NodeCount >= TravelTimeMatrix.HierarchyMinNodes);
        var random = new Random(2);
        var points = Enumerable.Range(0, 300).Select(_ => (1.44 + random.NextDouble() * 0.07, 43.6 + random.NextDouble() * 0.05)).ToArray();
        var plain = TravelTimeMatrix.Compute(g, points[..8], points, new MatrixOptions { Algorithm = MatrixAlgorithm.Dijkstra });
        Assert.Throws<ArgumentException>(() => TravelTimeMatrix.Compute(g, points[..1], points, new MatrixOptions { Algorithm = MatrixAlgorithm.Rphast }));
        g.AttachHierarchy(ContractionHierarchy.Build(g));
        var auto = TravelTimeMatrix.Compute(g, points[..8], points);
        int reachable = 0;
        for (int s = 0; s < 8; s++)
            for (int t = 0; t < points.Length; t++)
            {
                Assert.Equal(plain[s, t].DurationSeconds, auto[s, t].DurationSeconds);
                if (plain[s, t].IsReachable) reachable++;
            }
        Assert.True(reachable > 1000);
        Assert.Throws<ArgumentException>(() => SyntheticRoadNetwork.Grid(5, 5, seed: 1).AttachHierarchy(g.Hierarchy!));
    }
}
