using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Routing.Tests.Algorithms;

public sealed class DijkstraSearchTests
{
    private static long[] CostsFrom(RoadGraph g, int source, bool backward = false)
    {
        var s = new DijkstraSearch(g);
        s.Run([(source, 0L, 0.0)], [], backward);
        return Enumerable.Range(0, g.NodeCount).Select(s.CostMs).ToArray();
    }

    [Fact]
    public void Dijkstra_OneHop_FindsShortestPath()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), c = b.AddNode(0.001, 0), d = b.AddNode(0.002, 0);
        b.AddEdge(a, c, 10); b.AddEdge(c, d, 5); b.AddEdge(a, d, 20);
        var cost = CostsFrom(b.Build(), a);
        Assert.Equal([0L, 10_000L, 15_000L], cost);
    }

    [Fact]
    public void Dijkstra_OneWay_RespectsDirection()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), c = b.AddNode(0.001, 0), d = b.AddNode(0.002, 0);
        b.AddEdge(a, c, 10, forward: false, backward: true); // only c → a
        b.AddEdge(c, d, 5); b.AddEdge(a, d, 30);
        var g = b.Build();
        Assert.Equal(35_000L, CostsFrom(g, a)[c]);
        Assert.Equal(10_000L, CostsFrom(g, c)[a]);
        Assert.Equal(35_000L, CostsFrom(g, c, backward: true)[a]); // backward: cost a → c
    }

    [Fact]
    public void Dijkstra_EqualCostTies_CostIsUnique()
    {
        var b = new RoadGraphBuilder();
        int s = b.AddNode(0, 0), l = b.AddNode(0.001, 0.001), r = b.AddNode(0.001, -0.001), t = b.AddNode(0.002, 0);
        b.AddEdge(s, l, 7); b.AddEdge(l, t, 7); b.AddEdge(s, r, 7); b.AddEdge(r, t, 7);
        Assert.Equal(14_000L, CostsFrom(b.Build(), s)[t]);
    }

    [Fact]
    public void Dijkstra_DisconnectedParts_Unreached()
    {
        var b = new RoadGraphBuilder();
        int a = b.AddNode(0, 0), c = b.AddNode(0.001, 0), d = b.AddNode(1, 1), e = b.AddNode(1.001, 1);
        b.AddEdge(a, c, 1); b.AddEdge(d, e, 1);
        var cost = CostsFrom(b.Build(), a);
        Assert.Equal(DijkstraSearch.Unreached, cost[d]);
        Assert.Equal(DijkstraSearch.Unreached, cost[e]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Dijkstra_RandomSmallGraph_MatchesFloydWarshall(int seed)
    {
        var random = new Random(seed);
        int n = 12;
        var b = new RoadGraphBuilder();
        for (int i = 0; i < n; i++) b.AddNode(random.NextDouble() * 0.01, random.NextDouble() * 0.01);
        var fw = new long[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) fw[i, j] = i == j ? 0 : long.MaxValue / 4;
        for (int k = 0; k < 30; k++)
        {
            int u = random.Next(n), v = random.Next(n);
            if (u == v) continue;
            int seconds = random.Next(1, 60);
            bool forward = random.Next(3) > 0, backward = !forward || random.Next(2) == 0;
            b.AddEdge(u, v, seconds, forward: forward, backward: backward);
            if (forward) fw[u, v] = Math.Min(fw[u, v], seconds * 1000L);
            if (backward) fw[v, u] = Math.Min(fw[v, u], seconds * 1000L);
        }
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++)
            fw[i, j] = Math.Min(fw[i, j], fw[i, k] + fw[k, j]);
        var g = b.Build();
        for (int s = 0; s < n; s++)
        {
            var cost = CostsFrom(g, s);
            for (int t = 0; t < n; t++)
                Assert.Equal(fw[s, t] >= long.MaxValue / 4 ? DijkstraSearch.Unreached : fw[s, t], cost[t]);
        }
    }
}
