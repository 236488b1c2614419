using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Routing.Tests.Algorithms;

public sealed class WitnessSearchTests
{
    /// <summary>u → v → x (the node being contracted, 2 + 2) and u → w → x (1 + 3): w's path is as short.</summary>
    private static (ChOverlay Overlay, int U, int V, int W, int X) Diamond()
    {
        var overlay = new ChOverlay(4);
        const int u = 0, v = 1, w = 2, x = 3;
        overlay.AddOrImprove(u, v, 2, 1f);
        overlay.AddOrImprove(v, x, 2, 1f);
        overlay.AddOrImprove(u, w, 1, 1f);
        overlay.AddOrImprove(w, x, 3, 1f);
        return (overlay, u, v, w, x);
    }

    private static long WitnessCost(int wRank, int rankLimit)
    {
        var (overlay, u, v, w, x) = Diamond();
        var rank = new[] { int.MaxValue, 10, int.MaxValue, int.MaxValue };
        rank[w] = wRank;
        var search = new WitnessSearch(4);
        search.Run(overlay, u, v, rank, rankLimit, maxCost: 4, viaCost: 2, overlay.Out[v], overlay.OutCount[v], settleLimit: 100);
        return search.CostTo(x);
    }

    [Fact]
    public void Run_PathThroughNodeStillInGraph_IsAWitness() => Assert.Equal(4, WitnessCost(int.MaxValue, 0));

    [Fact]
    public void Run_PathThroughLaterNodeOfTheSameRound_IsAWitness() => Assert.Equal(4, WitnessCost(wRank: 11, rankLimit: 10));

    [Fact]
    public void Run_PathThroughEarlierNodeOfTheSameRound_IsNoWitness() => Assert.Equal(long.MaxValue, WitnessCost(wRank: 9, rankLimit: 10));

    [Fact]
    public void Run_WitnessLongerThanTheBound_NotReached()
    {
        var (overlay, u, v, _, x) = Diamond();
        overlay.AddOrImprove(u, x, 9, 1f);
        var search = new WitnessSearch(4);
        var rank = new[] { int.MaxValue, 10, 5, int.MaxValue };
        search.Run(overlay, u, v, rank, 10, maxCost: 4, viaCost: 2, overlay.Out[v], overlay.OutCount[v], settleLimit: 100);
        Assert.True(search.CostTo(x) > 4);
    }

    /// <summary>Every link the same duration: every pair of neighbours has several equally short paths, the case where parallel contraction could drop all of them.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Build_EqualWeightGridWithOneWays_PhastEqualsDijkstra(int threads)
    {
        const int side = 35;
        var b = new RoadGraphBuilder();
        for (int r = 0; r < side; r++)
            for (int c = 0; c < side; c++) b.AddNode(1.44 + c * 0.001, 43.6 + r * 0.001);
        var random = new Random(17);
        for (int r = 0; r < side; r++)
            for (int c = 0; c < side; c++)
            {
                int v = r * side + c;
                if (c + 1 < side) AddLink(v, v + 1);
                if (r + 1 < side) AddLink(v, v + side);
            }
        var g = b.Build();
        var ch = ContractionHierarchy.Build(g, new ContractionOptions { MaxDegreeOfParallelism = threads });
        var phast = new PhastSearch(ch);
        var dijkstra = new DijkstraSearch(g);
        for (int k = 0; k < 20; k++)
        {
            int s = random.Next(g.NodeCount);
            phast.Run([(s, 0L, 0.0)], []);
            dijkstra.Run([(s, 0L, 0.0)], []);
            for (int t = 0; t < g.NodeCount; t++) Assert.Equal(dijkstra.CostMs(t), phast.CostMs(t));
        }

        void AddLink(int a, int c)
        {
            bool oneWay = random.NextDouble() < 0.1;
            bool reversed = random.NextDouble() < 0.5;
            b.AddEdge(a, c, 10, 100, forward: !oneWay || !reversed, backward: !oneWay || reversed);
        }
    }
}
