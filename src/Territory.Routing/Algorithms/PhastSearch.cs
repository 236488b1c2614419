using System.Runtime.CompilerServices;
namespace Territory.Routing.Algorithms;

/// <summary>PHAST one-to-all: upward CH Dijkstra from the seeds, then one linear downward sweep.</summary>
/// <remarks>Delling et al., "PHAST: Hardware-accelerated shortest path trees" (2011). One instance per thread.</remarks>
internal sealed class PhastSearch : IOneToManySearch
{
    private const int Infinity = 1 << 30;
    private readonly ContractionHierarchy _ch;
    private readonly int[] _cost;
    private readonly float[] _distance;
    private readonly MinHeap _heap = new();

    public PhastSearch(ContractionHierarchy ch)
    {
        _ch = ch;
        _cost = new int[ch.Graph.NodeCount];
        _distance = new float[ch.Graph.NodeCount];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ReadOnlySpan<(int Node, long CostMs, double DistanceMeters)> seeds, ReadOnlySpan<int> targets)
    {
        var cost = _cost; var distance = _distance;
        Array.Fill(cost, Infinity);
        _heap.Clear();
        foreach (var (node, c, d) in seeds)
        {
            int p = _ch.PositionOfNode[node];
            if (c < cost[p]) { cost[p] = (int)c; distance[p] = (float)d; _heap.Push(c, p); }
        }
        int[] upFirst = _ch.UpFirst, upHead = _ch.UpHead, upWeight = _ch.UpWeightMs;
        float[] upDistance = _ch.UpDistanceMeters;
        while (_heap.Count > 0)
        {
            var (c, u) = _heap.Pop();
            if (c != cost[u]) continue;
            float du = distance[u];
            for (int a = upFirst[u]; a < upFirst[u + 1]; a++)
            {
                int v = upHead[a];
                int nc = (int)c + upWeight[a];
                if (nc < cost[v]) { cost[v] = nc; distance[v] = du + upDistance[a]; _heap.Push(nc, v); }
            }
        }
        int[] downFirst = _ch.DownFirst, downTail = _ch.DownTail, downWeight = _ch.DownWeightMs;
        float[] downDistance = _ch.DownDistanceMeters;
        int n = cost.Length;
        for (int v = 0; v < n; v++)
        {
            int best = cost[v];
            int bestArc = -1;
            for (int a = downFirst[v], end = downFirst[v + 1]; a < end; a++)
            {
                int c = cost[downTail[a]] + downWeight[a];
                if (c < best) { best = c; bestArc = a; }
            }
            if (bestArc >= 0) { cost[v] = best; distance[v] = distance[downTail[bestArc]] + downDistance[bestArc]; }
        }
    }

    public long CostMs(int node)
    {
        int c = _cost[_ch.PositionOfNode[node]];
        return c >= Infinity ? DijkstraSearch.Unreached : c;
    }

    public double DistanceMeters(int node) => _distance[_ch.PositionOfNode[node]];
}
