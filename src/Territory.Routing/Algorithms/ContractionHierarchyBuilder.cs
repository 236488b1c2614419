using System.Runtime.CompilerServices;
using Territory.Routing.Graph;

namespace Territory.Routing.Algorithms;

/// <summary>Contracts nodes in lazy edge-difference order with bounded witness searches.</summary>
/// <remarks>
/// Witness searches are bounded (settled-node limit, cheaper when only simulating for the priority)
/// and stop once every target is settled: a missed witness only adds a superfluous
/// shortcut, never a wrong distance, so the hierarchy stays exact.
/// </remarks>
internal sealed class ContractionHierarchyBuilder
{
    // Priority simulations only estimate the shortcut count, so a short search is enough; the real
    // contraction searches further, because each superfluous shortcut raises later degrees.
    private const int SimulateSettleLimit = 20;
    private const int ContractSettleLimit = 500;
    private readonly ChOverlay _overlay;
    private readonly int _n;
    private readonly int[] _deletedNeighbours;
    private readonly int[] _level;
    private readonly bool[] _contracted;
    private readonly long[] _witnessCost;
    private readonly int[] _witnessStamp;
    private readonly int[] _targetStamp;
    private readonly int[] _neighbourOf;
    private readonly MinHeap _witnessHeap = new();
    private int _witnessGeneration;
    private readonly List<(int From, int To, int WeightMs, float DistanceMeters)> _up = [];
    private readonly List<(int From, int To, int WeightMs, float DistanceMeters)> _down = [];

    public ContractionHierarchyBuilder(RoadGraph g)
    {
        _n = g.NodeCount;
        _overlay = new ChOverlay(_n);
        for (int u = 0; u < _n; u++)
            for (int a = g.FirstOut[u]; a < g.FirstOut[u + 1]; a++)
                _overlay.AddOrImprove(u, g.OutHead[a], g.OutWeightMs[a], g.EdgeDistanceMeters[g.OutEdge[a]]);
        _deletedNeighbours = new int[_n]; _level = new int[_n]; _contracted = new bool[_n];
        _witnessCost = new long[_n]; _witnessStamp = new int[_n]; _targetStamp = new int[_n]; _neighbourOf = new int[_n];
    }

    /// <summary>Contracts every node; returns rank per node and the upward / downward arcs.</summary>
    public (int[] Rank, List<(int From, int To, int WeightMs, float DistanceMeters)> Up, List<(int From, int To, int WeightMs, float DistanceMeters)> Down)
        Run(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rank = new int[_n];
        var priority = new int[_n];
        var queue = new MinHeap();
        const int offset = 1 << 24;
        for (int v = 0; v < _n; v++) { priority[v] = Priority(v); queue.Push(priority[v] + offset, v); }
        int next = 0;
        var neighbours = new List<int>();
        while (queue.Count > 0)
        {
            var (key, v) = queue.Pop();
            if (_contracted[v] || key - offset != priority[v]) continue;
            int fresh = Priority(v);
            if (fresh > priority[v] && queue.Count > 0 && fresh + offset > queue.PeekCost)
            {
                priority[v] = fresh; queue.Push(fresh + offset, v);
                continue;
            }
            Contract(v, simulate: false);
            rank[v] = next++;
            if ((next & 0x3FFF) == 0) { cancellationToken.ThrowIfCancellationRequested(); progress?.Report(next / (double)_n); }
            neighbours.Clear();
            for (int i = 0; i < _overlay.InCount[v]; i++) AddNeighbour(neighbours, _overlay.In[v][i].Node, v);
            for (int i = 0; i < _overlay.OutCount[v]; i++) AddNeighbour(neighbours, _overlay.Out[v][i].Node, v);
            for (int i = 0; i < _overlay.OutCount[v]; i++) { var a = _overlay.Out[v][i]; _up.Add((v, a.Node, a.WeightMs, a.DistanceMeters)); }
            for (int i = 0; i < _overlay.InCount[v]; i++) { var a = _overlay.In[v][i]; _down.Add((a.Node, v, a.WeightMs, a.DistanceMeters)); }
            _overlay.Detach(v);
            _contracted[v] = true;
            foreach (int w in neighbours)
            {
                _deletedNeighbours[w]++;
                _level[w] = Math.Max(_level[w], _level[v] + 1);
                int p = Priority(w);
                if (p != priority[w]) { priority[w] = p; queue.Push(p + offset, w); }
            }
        }
        return (rank, _up, _down);
    }

    /// <summary>Adds w once per contraction of v (two-way neighbours appear in both lists).</summary>
    private void AddNeighbour(List<int> neighbours, int w, int v)
    {
        if (_neighbourOf[w] == v + 1) return;
        _neighbourOf[w] = v + 1;
        neighbours.Add(w);
    }

    private int Priority(int v)
    {
        int shortcuts = Contract(v, simulate: true);
        int removed = _overlay.InCount[v] + _overlay.OutCount[v];
        return 4 * (shortcuts - removed) + 2 * _deletedNeighbours[v] + _level[v];
    }

    /// <summary>Adds (or counts) the shortcuts needed to remove v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Contract(int v, bool simulate)
    {
        int count = 0;
        var ins = _overlay.In[v]; var outs = _overlay.Out[v];
        int inCount = _overlay.InCount[v], outCount = _overlay.OutCount[v];
        if (inCount == 0 || outCount == 0) return 0;
        var pending = simulate ? null : new List<(int, int, int, float)>();
        for (int i = 0; i < inCount; i++)
        {
            int u = ins[i].Node;
            long maxCost = 0;
            for (int j = 0; j < outCount; j++)
                if (outs[j].Node != u) maxCost = Math.Max(maxCost, (long)ins[i].WeightMs + outs[j].WeightMs);
            if (maxCost == 0 && outCount == 1 && outs[0].Node == u) continue;
            Witness(u, v, maxCost, outs, outCount, simulate ? SimulateSettleLimit : ContractSettleLimit);
            for (int j = 0; j < outCount; j++)
            {
                int x = outs[j].Node;
                if (x == u) continue;
                long via = (long)ins[i].WeightMs + outs[j].WeightMs;
                if (_witnessStamp[x] == _witnessGeneration && _witnessCost[x] <= via) continue;
                count++;
                pending?.Add((u, x, (int)via, ins[i].DistanceMeters + outs[j].DistanceMeters));
            }
        }
        if (pending is not null)
            foreach (var (u, x, w, d) in pending) _overlay.AddOrImprove(u, x, w, d);
        return count;
    }

    /// <summary>Bounded Dijkstra from u avoiding v over uncontracted nodes; stops once every target is settled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Witness(int u, int v, long maxCost, ChOverlay.Arc[] targets, int targetCount, int settleLimit)
    {
        int gen = ++_witnessGeneration;
        int remaining = 0;
        for (int j = 0; j < targetCount; j++)
        {
            int x = targets[j].Node;
            if (x != u && _targetStamp[x] != gen) { _targetStamp[x] = gen; remaining++; }
        }
        _witnessHeap.Clear();
        _witnessStamp[u] = gen; _witnessCost[u] = 0;
        _witnessHeap.Push(0, u);
        int settled = 0;
        while (_witnessHeap.Count > 0 && settled < settleLimit)
        {
            var (cost, x) = _witnessHeap.Pop();
            if (cost != _witnessCost[x]) continue;
            if (cost > maxCost) break;
            settled++;
            if (_targetStamp[x] == gen && --remaining == 0) break;
            var outs = _overlay.Out[x];
            for (int i = 0; i < _overlay.OutCount[x]; i++)
            {
                int y = outs[i].Node;
                if (y == v) continue;
                long c = cost + outs[i].WeightMs;
                if (_witnessStamp[y] == gen && _witnessCost[y] <= c) continue;
                _witnessStamp[y] = gen; _witnessCost[y] = c;
                _witnessHeap.Push(c, y);
            }
        }
    }
}
