using System.Runtime.CompilerServices;

namespace Territory.Routing.Algorithms;

/// <summary>RPHAST one-to-many: upward CH Dijkstra from the seeds, then a sweep of the target-restricted sub-hierarchy.</summary>
/// <remarks>Exact like PHAST, but only nodes of the <see cref="RphastSelection"/> can be queried. One instance per thread.</remarks>
internal sealed class RphastSearch : IOneToManySearch
{
    private const int Infinity = 1 << 30;
    private readonly RphastSelection _selection;
    private readonly ContractionHierarchy _ch;
    private readonly int[] _upCost;
    private readonly float[] _upDistance;
    private readonly int[] _touched;
    private int _touchedCount;
    private readonly int[] _cost;
    private readonly float[] _distance;
    private readonly MinHeap _heap = new();

    public RphastSearch(RphastSelection selection)
    {
        _selection = selection;
        _ch = selection.Hierarchy;
        int n = _ch.Graph.NodeCount;
        _upCost = new int[n];
        Array.Fill(_upCost, Infinity);
        _upDistance = new float[n];
        _touched = new int[n];
        _cost = new int[selection.Count];
        _distance = new float[selection.Count];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ReadOnlySpan<(int Node, long CostMs, double DistanceMeters)> seeds, ReadOnlySpan<int> targets)
    {
        var upCost = _upCost; var upDistance = _upDistance; var touched = _touched;
        for (int i = 0; i < _touchedCount; i++) upCost[touched[i]] = Infinity;
        int touchedCount = 0;
        _heap.Clear();
        foreach (var (node, c, d) in seeds)
        {
            int p = _ch.PositionOfNode[node];
            if (c >= upCost[p]) continue;
            if (upCost[p] == Infinity) touched[touchedCount++] = p;
            upCost[p] = (int)c; upDistance[p] = (float)d; _heap.Push(c, p);
        }
        int[] upFirst = _ch.UpFirst, upHead = _ch.UpHead, upWeight = _ch.UpWeightMs;
        float[] upArcDistance = _ch.UpDistanceMeters;
        while (_heap.Count > 0)
        {
            var (c, u) = _heap.Pop();
            if (c != upCost[u]) continue;
            float du = upDistance[u];
            for (int a = upFirst[u]; a < upFirst[u + 1]; a++)
            {
                int v = upHead[a];
                int nc = (int)c + upWeight[a];
                if (nc >= upCost[v]) continue;
                if (upCost[v] == Infinity) touched[touchedCount++] = v;
                upCost[v] = nc; upDistance[v] = du + upArcDistance[a]; _heap.Push(nc, v);
            }
        }
        _touchedCount = touchedCount;
        Sweep();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Sweep()
    {
        var s = _selection;
        int[] position = s.Position, first = s.First, tail = s.Tail, weight = s.WeightMs;
        float[] arcDistance = s.DistanceMeters;
        int[] cost = _cost, upCost = _upCost;
        float[] distance = _distance, upDistance = _upDistance;
        int count = cost.Length;
        for (int v = 0; v < count; v++)
        {
            int p = position[v];
            int best = upCost[p];
            float bestDistance = best < Infinity ? upDistance[p] : 0;
            for (int a = first[v], end = first[v + 1]; a < end; a++)
            {
                int t = tail[a];
                int c = cost[t] + weight[a];
                if (c < best) { best = c; bestDistance = distance[t] + arcDistance[a]; }
            }
            cost[v] = best; distance[v] = bestDistance;
        }
    }

    public long CostMs(int node)
    {
        int v = _selection.LocalOfPosition[_ch.PositionOfNode[node]];
        if (v < 0) return DijkstraSearch.Unreached;
        int c = _cost[v];
        return c >= Infinity ? DijkstraSearch.Unreached : c;
    }

    public double DistanceMeters(int node)
    {
        int v = _selection.LocalOfPosition[_ch.PositionOfNode[node]];
        return v < 0 ? 0 : _distance[v];
    }
}
