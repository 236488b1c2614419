using System.Collections.Concurrent;
using Territory.Routing.Graph;

namespace Territory.Routing.Algorithms;

/// <summary>Contracts a graph in rounds of independent node sets, each set contracted in parallel.</summary>
/// <remarks>
/// Priority of a node = 4 × edge difference (shortcuts it needs − arcs it removes) + 2 × deleted
/// neighbours (spreads contraction evenly) + its level (keeps the hierarchy shallow), as in
/// Geisberger et al. (2008). A round selects every remaining node whose priority is smaller than
/// all its neighbours' (ties broken by a hash of the id, so ties do not chain along grid rows);
/// the edge difference is refreshed lazily, only for such candidates whose neighbourhood changed
/// since it was simulated, and a candidate is kept only if still below its neighbours. No two
/// kept nodes are adjacent, so their shortcuts are computed in parallel on the same overlay.
/// Witness searches avoid every node of the round (a witness through a node leaving in the same
/// round would not survive it), which keeps the hierarchy exact. Shortcuts are applied in node
/// order on one thread: the hierarchy is the same whatever the thread count (Vetter, "Parallel
/// time-dependent contraction hierarchies", 2009).
/// </remarks>
internal sealed class ContractionHierarchyBuilder
{
    // Priority simulations only estimate the shortcut count, so a short search is enough; the real
    // contraction searches further, because each superfluous shortcut raises later degrees.
    private const int SimulateSettleLimit = 25;
    private const int ContractSettleLimit = 400;
    private readonly ChOverlay _overlay;
    private readonly int _n;
    private readonly int[] _deletedNeighbours;
    private readonly int[] _level;
    private readonly int[] _edgeDifference;
    private readonly bool[] _stale;
    private readonly bool[] _inRound;
    private readonly ConcurrentBag<WitnessSearch> _searches = [];
    private readonly ParallelOptions _parallel;
    private readonly List<(int From, int To, int WeightMs, float DistanceMeters)> _up = [];
    private readonly List<(int From, int To, int WeightMs, float DistanceMeters)> _down = [];

    public ContractionHierarchyBuilder(RoadGraph g, ContractionOptions options, CancellationToken cancellationToken)
    {
        _n = g.NodeCount;
        _overlay = new ChOverlay(_n);
        for (int u = 0; u < _n; u++)
            for (int a = g.FirstOut[u]; a < g.FirstOut[u + 1]; a++)
                _overlay.AddOrImprove(u, g.OutHead[a], g.OutWeightMs[a], g.EdgeDistanceMeters[g.OutEdge[a]]);
        _deletedNeighbours = new int[_n]; _level = new int[_n]; _edgeDifference = new int[_n]; _stale = new bool[_n]; _inRound = new bool[_n];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
    }

    /// <summary>Contracts every node; returns rank per node and the upward / downward arcs.</summary>
    public (int[] Rank, List<(int From, int To, int WeightMs, float DistanceMeters)> Up, List<(int From, int To, int WeightMs, float DistanceMeters)> Down)
        Run(IProgress<double>? progress)
    {
        var rank = new int[_n];
        var remaining = new int[_n];
        for (int v = 0; v < _n; v++) remaining[v] = v;
        int remainingCount = _n, next = 0;
        ForEach(remaining, _n, (v, search) => _edgeDifference[v] = EdgeDifference(v, search));
        var round = new int[_n];
        var touchedStamp = new int[_n];
        int roundNumber = 0;
        while (remainingCount > 0)
        {
            _parallel.CancellationToken.ThrowIfCancellationRequested();
            roundNumber++;
            // Candidates on possibly stale priorities; those whose neighbourhood changed are
            // re-simulated and kept only if still below all their neighbours (lazy updates).
            ForEach(remaining, remainingCount, (v, _) => _inRound[v] = IsLocalMinimum(v));
            int candidateCount = 0;
            for (int i = 0; i < remainingCount; i++)
                if (_inRound[remaining[i]]) round[candidateCount++] = remaining[i];
            ForEach(round, candidateCount, (v, search) =>
            {
                if (!_stale[v]) return;
                _edgeDifference[v] = EdgeDifference(v, search);
                _stale[v] = false;
            });
            ForEach(round, candidateCount, (v, _) => _inRound[v] = IsLocalMinimum(v));
            int roundCount = 0;
            for (int i = 0; i < candidateCount; i++)
                if (_inRound[round[i]]) round[roundCount++] = round[i];
            var shortcuts = new (int U, int X, int WeightMs, float DistanceMeters)[roundCount][];
            ForEach(round, roundCount, (v, search) => { }, (k, search) => shortcuts[k] = Shortcuts(round[k], search));
            for (int k = 0; k < roundCount; k++)
            {
                int v = round[k];
                rank[v] = next++;
                for (int i = 0; i < _overlay.OutCount[v]; i++)
                {
                    var a = _overlay.Out[v][i];
                    _up.Add((v, a.Node, a.WeightMs, a.DistanceMeters));
                    Touch(a.Node, v);
                }
                for (int i = 0; i < _overlay.InCount[v]; i++)
                {
                    var a = _overlay.In[v][i];
                    _down.Add((a.Node, v, a.WeightMs, a.DistanceMeters));
                    Touch(a.Node, v);
                }
                _overlay.Detach(v);
            }
            for (int k = 0; k < roundCount; k++)
                foreach (var (u, x, w, d) in shortcuts[k]) _overlay.AddOrImprove(u, x, w, d);
            int kept = 0;
            for (int i = 0; i < remainingCount; i++)
                if (!_inRound[remaining[i]]) remaining[kept++] = remaining[i];
            remainingCount = kept;
            progress?.Report(next / (double)_n);

            void Touch(int w, int v)
            {
                _level[w] = Math.Max(_level[w], _level[v] + 1);
                if (touchedStamp[w] == roundNumber) return;
                touchedStamp[w] = roundNumber;
                _deletedNeighbours[w]++;
                _stale[w] = true;
            }
        }
        return (rank, _up, _down);
    }

    /// <summary>Runs <paramref name="nodeAction"/> for every node of a list (or <paramref name="indexAction"/> for every index), in parallel blocks.</summary>
    private void ForEach(int[] nodes, int count, Action<int, WitnessSearch> nodeAction, Action<int, WitnessSearch>? indexAction = null)
    {
        const int Block = 256;
        int blocks = (count + Block - 1) / Block;
        if (blocks == 0) return;
        Parallel.For(0, blocks, _parallel, () => _searches.TryTake(out var s) ? s : new WitnessSearch(_n), (b, _, search) =>
        {
            for (int i = b * Block, end = Math.Min(count, i + Block); i < end; i++)
            {
                if (indexAction is not null) indexAction(i, search);
                else nodeAction(nodes[i], search);
            }
            return search;
        }, _searches.Add);
    }

    /// <summary>True when v's priority is below every neighbour's (ties broken by a hash of the ids).</summary>
    private bool IsLocalMinimum(int v)
    {
        for (int i = 0; i < _overlay.OutCount[v]; i++) if (Before(_overlay.Out[v][i].Node, v)) return false;
        for (int i = 0; i < _overlay.InCount[v]; i++) if (Before(_overlay.In[v][i].Node, v)) return false;
        return true;
    }

    private bool Before(int a, int b)
    {
        int pa = Priority(a), pb = Priority(b);
        if (pa != pb) return pa < pb;
        uint ha = Hash(a), hb = Hash(b);
        return ha != hb ? ha < hb : a < b;
    }

    private static uint Hash(int v) => (uint)(((ulong)(uint)v * 0x9E3779B97F4A7C15UL) >> 32);

    private int Priority(int v) => 4 * _edgeDifference[v] + 2 * _deletedNeighbours[v] + _level[v];

    /// <summary>Shortcuts needed to remove v minus the arcs removed with it (a short simulated contraction).</summary>
    private int EdgeDifference(int v, WitnessSearch search) =>
        CountOrCollect(v, search, null, SimulateSettleLimit, null) - _overlay.InCount[v] - _overlay.OutCount[v];

    private (int, int, int, float)[] Shortcuts(int v, WitnessSearch search)
    {
        var found = new List<(int, int, int, float)>();
        CountOrCollect(v, search, _inRound, ContractSettleLimit, found);
        return [.. found];
    }

    /// <summary>Counts (or collects) the shortcuts u → x needed to remove v: pairs of its neighbours with no witness path as short.</summary>
    private int CountOrCollect(int v, WitnessSearch search, bool[]? blocked, int settleLimit, List<(int, int, int, float)>? found)
    {
        int count = 0;
        var ins = _overlay.In[v]; var outs = _overlay.Out[v];
        int inCount = _overlay.InCount[v], outCount = _overlay.OutCount[v];
        if (inCount == 0 || outCount == 0) return 0;
        for (int i = 0; i < inCount; i++)
        {
            int u = ins[i].Node;
            long maxCost = 0;
            for (int j = 0; j < outCount; j++)
                if (outs[j].Node != u) maxCost = Math.Max(maxCost, (long)ins[i].WeightMs + outs[j].WeightMs);
            if (maxCost == 0 && outCount == 1 && outs[0].Node == u) continue;
            search.Run(_overlay, u, v, blocked, maxCost, ins[i].WeightMs, outs, outCount, settleLimit);
            for (int j = 0; j < outCount; j++)
            {
                int x = outs[j].Node;
                if (x == u) continue;
                long via = (long)ins[i].WeightMs + outs[j].WeightMs;
                if (search.CostTo(x) <= via) continue;
                count++;
                found?.Add((u, x, (int)via, ins[i].DistanceMeters + outs[j].DistanceMeters));
            }
        }
        return count;
    }
}
