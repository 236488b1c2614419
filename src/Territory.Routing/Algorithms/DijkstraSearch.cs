using System.Runtime.CompilerServices;
using Territory.Routing.Graph;

namespace Territory.Routing.Algorithms;

/// <summary>Reusable one-to-many Dijkstra over the frozen graph's CSR arrays (forward or backward).</summary>
/// <remarks>
/// Costs are integer milliseconds (sums stay exact); distances are metres along the chosen
/// (fastest) path. Buffers are reset lazily with a generation stamp, so repeated queries cost
/// only what they touch. Not thread-safe: one instance per thread.
/// </remarks>
internal sealed class DijkstraSearch
{
    public const long Unreached = long.MaxValue;

    private readonly RoadGraph _graph;
    private readonly long[] _cost;
    private readonly double[] _distance;
    private readonly int[] _parentArc;
    private readonly int[] _stamp;
    private readonly int[] _settledStamp;
    private readonly int[] _targetStamp;
    private readonly MinHeap _heap = new();
    private int _generation;

    public DijkstraSearch(RoadGraph graph)
    {
        _graph = graph;
        int n = graph.NodeCount;
        _cost = new long[n]; _distance = new double[n]; _parentArc = new int[n];
        _stamp = new int[n]; _settledStamp = new int[n]; _targetStamp = new int[n];
    }

    /// <summary>True when the last search was backward (over reverse arcs).</summary>
    public bool Backward { get; private set; }

    public long CostMs(int node) => _stamp[node] == _generation && _settledStamp[node] == _generation ? _cost[node] : Unreached;

    public double DistanceMeters(int node) => _distance[node];

    /// <summary>Arc index (into OutHead or InTail) that reached the node, -1 for a seed.</summary>
    public int ParentArc(int node) => _parentArc[node];

    /// <summary>Runs from the seeds until the targets are settled, the cutoff is passed or the graph is exhausted.</summary>
    /// <param name="seeds">Start nodes with initial cost (ms) and distance (m).</param>
    /// <param name="targets">Nodes to settle before stopping early; empty to search everything up to the cutoff.</param>
    /// <param name="backward">Search along reverse arcs (costs to reach the seeds).</param>
    /// <param name="maxCostMs">Nodes costing more are not settled.</param>
    /// <param name="settled">Called for each settled node, in cost order.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ReadOnlySpan<(int Node, long CostMs, double DistanceMeters)> seeds, ReadOnlySpan<int> targets,
        bool backward = false, long maxCostMs = long.MaxValue - 1, Action<int>? settled = null)
    {
        _generation++;
        if (_generation == int.MaxValue) { Array.Clear(_stamp); Array.Clear(_settledStamp); Array.Clear(_targetStamp); _generation = 1; }
        int gen = _generation;
        Backward = backward;
        _heap.Clear();
        int remaining = 0;
        foreach (int t in targets)
            if (_targetStamp[t] != gen) { _targetStamp[t] = gen; remaining++; }
        foreach (var (node, cost, dist) in seeds)
        {
            if (_stamp[node] == gen && _cost[node] <= cost) continue;
            _stamp[node] = gen; _cost[node] = cost; _distance[node] = dist; _parentArc[node] = -1;
            _heap.Push(cost, node);
        }
        int[] first = backward ? _graph.FirstIn : _graph.FirstOut;
        int[] other = backward ? _graph.InTail : _graph.OutHead;
        int[] weight = backward ? _graph.InWeightMs : _graph.OutWeightMs;
        int[] arcEdge = backward ? _graph.InEdge : _graph.OutEdge;
        float[] edgeDistance = _graph.EdgeDistanceMeters;
        bool stopOnTargets = targets.Length > 0;
        while (_heap.Count > 0)
        {
            var (cost, u) = _heap.Pop();
            if (_settledStamp[u] == gen || cost != _cost[u]) continue;
            if (cost > maxCostMs) break;
            _settledStamp[u] = gen;
            settled?.Invoke(u);
            if (stopOnTargets && _targetStamp[u] == gen && --remaining == 0) break;
            double du = _distance[u];
            for (int a = first[u], end = first[u + 1]; a < end; a++)
            {
                int v = other[a];
                long c = cost + weight[a];
                if (_stamp[v] != gen)
                {
                    _stamp[v] = gen; _settledStamp[v] = 0;
                }
                else if (c >= _cost[v]) continue;
                _cost[v] = c; _distance[v] = du + edgeDistance[arcEdge[a]]; _parentArc[v] = a;
                _heap.Push(c, v);
            }
        }
    }
}
