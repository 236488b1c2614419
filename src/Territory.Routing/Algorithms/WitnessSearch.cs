using System.Runtime.CompilerServices;

namespace Territory.Routing.Algorithms;

/// <summary>Bounded Dijkstra over the not-yet-contracted overlay that looks for a path avoiding the node being contracted.</summary>
/// <remarks>
/// One instance per thread (its buffers span the whole graph, reset lazily by a generation stamp).
/// A missed witness only adds a superfluous shortcut, never a wrong distance, so the settle limit
/// trades build time against hierarchy size, never exactness.
/// </remarks>
internal sealed class WitnessSearch
{
    private readonly long[] _cost;
    private readonly int[] _stamp;
    private readonly int[] _targetStamp;
    private readonly int[] _resolvedStamp;
    private readonly long[] _bound;
    private readonly MinHeap _heap = new();
    private int _generation;

    public WitnessSearch(int nodeCount)
    {
        _cost = new long[nodeCount]; _stamp = new int[nodeCount]; _targetStamp = new int[nodeCount];
        _resolvedStamp = new int[nodeCount]; _bound = new long[nodeCount];
    }

    /// <summary>Cost of the best path found to x by the last <see cref="Run"/>, or long.MaxValue.</summary>
    public long CostTo(int x) => _stamp[x] == _generation ? _cost[x] : long.MaxValue;

    /// <summary>
    /// Searches from u up to <paramref name="maxCost"/>, never through <paramref name="avoid"/> nor a
    /// node flagged in <paramref name="blocked"/>; stops once every target x is decided: reached
    /// within <paramref name="viaCost"/> + its arc weight (witnessed) or settled (its cost is final).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ChOverlay overlay, int u, int avoid, bool[]? blocked, long maxCost, long viaCost, ChOverlay.Arc[] targets, int targetCount, int settleLimit)
    {
        if (++_generation == int.MaxValue) { Array.Clear(_stamp); Array.Clear(_targetStamp); Array.Clear(_resolvedStamp); _generation = 1; }
        int gen = _generation;
        int remaining = 0;
        for (int j = 0; j < targetCount; j++)
        {
            int x = targets[j].Node;
            if (x != u && _targetStamp[x] != gen) { _targetStamp[x] = gen; _bound[x] = viaCost + targets[j].WeightMs; remaining++; }
        }
        if (remaining == 0) return;
        _heap.Clear();
        _stamp[u] = gen; _cost[u] = 0;
        _heap.Push(0, u);
        int settled = 0;
        while (_heap.Count > 0 && settled < settleLimit)
        {
            var (cost, x) = _heap.Pop();
            if (cost != _cost[x]) continue;
            if (cost > maxCost) break;
            settled++;
            if (_targetStamp[x] == gen && _resolvedStamp[x] != gen)
            {
                _resolvedStamp[x] = gen;
                if (--remaining == 0) break;
            }
            var outs = overlay.Out[x];
            for (int i = 0, n = overlay.OutCount[x]; i < n; i++)
            {
                int y = outs[i].Node;
                if (y == avoid || (blocked is not null && blocked[y])) continue;
                long c = cost + outs[i].WeightMs;
                if (_stamp[y] == gen && _cost[y] <= c) continue;
                _stamp[y] = gen; _cost[y] = c;
                _heap.Push(c, y);
                if (_targetStamp[y] == gen && _resolvedStamp[y] != gen && c <= _bound[y])
                {
                    _resolvedStamp[y] = gen;
                    remaining--;
                }
            }
            if (remaining == 0) break;
        }
    }
}
