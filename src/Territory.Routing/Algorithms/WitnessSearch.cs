using System.Runtime.CompilerServices;

namespace Territory.Routing.Algorithms;

/// <summary>Bounded Dijkstra over the not-yet-contracted overlay that looks for a path avoiding the node being contracted.</summary>
/// <remarks>
/// One instance per thread (its buffers span the whole graph, reset lazily by a generation stamp).
/// The state of a node (cost, stamp, target mark, target bound) is one 16-byte record, so a
/// relaxation touches one cache line, not four arrays. A missed witness only adds a superfluous
/// shortcut, never a wrong distance, so the settle limit trades build time against hierarchy
/// size, never exactness.
/// </remarks>
internal sealed class WitnessSearch
{
    private struct NodeState
    {
        /// <summary>Cost from the source in ms, valid when <see cref="Stamp"/> is the current generation.</summary>
        public int Cost;
        public int Stamp;
        /// <summary>+generation: a target not yet decided; −generation: a decided target; anything else: not a target.</summary>
        public int Target;
        /// <summary>Cost at or under which a target is witnessed.</summary>
        public int Bound;
    }

    private readonly NodeState[] _state;
    private readonly MinHeap _heap = new();
    private int _generation;
    internal long Searches, Settled, Relaxed;

    /// <summary>Scratch list of the shortcuts found by the caller of this instance (one instance per thread).</summary>
    public List<ChShortcut> Found { get; } = [];

    public WitnessSearch(int nodeCount) => _state = new NodeState[nodeCount];

    /// <summary>Cost of the best path found to x by the last <see cref="Run"/>, or long.MaxValue.</summary>
    public long CostTo(int x) => _state[x].Stamp == _generation ? _state[x].Cost : long.MaxValue;

    /// <summary>
    /// Searches from u up to <paramref name="maxCost"/>, never through <paramref name="avoid"/> nor a
    /// node whose <paramref name="rank"/> is below <paramref name="rankLimit"/> (contracted earlier in
    /// the same round); stops once every target x is decided: reached within
    /// <paramref name="viaCost"/> + its arc weight (witnessed) or settled (its cost is final), or after
    /// <paramref name="settleLimit"/> settled nodes.
    /// </summary>
    /// <remarks>Costs are milliseconds below 2³¹ (the heap packs them in 32 bits), as in the graph.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ChOverlay overlay, int u, int avoid, int[] rank, int rankLimit, long maxCost, long viaCost, ChOverlay.Arc[] targets, int targetCount, int settleLimit)
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_state);
            _generation = 1;
        }
        int gen = _generation;
        var state = _state;
        int remaining = 0;
        for (int j = 0; j < targetCount; j++)
        {
            int x = targets[j].Node;
            if (x == u || state[x].Target == gen) continue;
            state[x].Target = gen;
            state[x].Bound = (int)Math.Min(int.MaxValue, viaCost + targets[j].WeightMs);
            remaining++;
        }
        if (remaining == 0) return;
        // The search may stop once it is past the largest bound of the targets still undecided: that
        // bound falls as targets are decided, so the search often stops well before maxCost.
        long maxBound = Math.Min(maxCost, LargestOpenBound(targets, targetCount, u, gen));
        _heap.Clear();
        state[u].Stamp = gen; state[u].Cost = 0;
        _heap.Push(0, u);
        int settled = 0;
        Searches++;
        bool blocking = rankLimit > 0;
        while (_heap.Count > 0 && settled < settleLimit)
        {
            var (cost, x) = _heap.Pop();
            ref var sx = ref state[x];
            if (cost != sx.Cost) continue;
            if (cost > maxBound) break;
            settled++;
            if (sx.Target == gen)
            {
                sx.Target = -gen;
                if (--remaining == 0) break;
                if (sx.Bound >= maxBound) maxBound = Math.Min(maxCost, LargestOpenBound(targets, targetCount, u, gen));
            }
            var outs = overlay.Out[x];
            int n = overlay.OutCount[x];
            Relaxed += n;
            for (int i = 0; i < n; i++)
            {
                int y = outs[i].Node;
                if (y == avoid || (blocking && rank[y] < rankLimit)) continue;
                long c = cost + outs[i].WeightMs;
                ref var sy = ref state[y];
                if (sy.Stamp == gen && sy.Cost <= c) continue;
                if (c > maxBound) continue;
                sy.Stamp = gen; sy.Cost = (int)c;
                _heap.Push(c, y);
                if (sy.Target == gen && c <= sy.Bound)
                {
                    sy.Target = -gen;
                    if (--remaining == 0) break;
                    if (sy.Bound >= maxBound) maxBound = Math.Min(maxCost, LargestOpenBound(targets, targetCount, u, gen));
                }
            }
            if (remaining == 0) break;
        }
        Settled += settled;
    }

    /// <summary>Largest bound among the targets not yet decided in this generation.</summary>
    private long LargestOpenBound(ChOverlay.Arc[] targets, int targetCount, int u, int gen)
    {
        long largest = -1;
        for (int j = 0; j < targetCount; j++)
        {
            int x = targets[j].Node;
            if (x != u && _state[x].Target == gen) largest = Math.Max(largest, _state[x].Bound);
        }
        return largest;
    }
}
