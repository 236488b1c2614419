using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Planning.Matrix;

/// <summary>How each snapped estate is entered from the road graph, indexed by node and by edge.</summary>
/// <remarks>
/// An estate on edge e is reached from up to <see cref="SnapEndpoints.MaxSeeds"/> nodes, each with
/// the partial cost of the edge piece (the same rounding as <see cref="TravelTimeMatrix"/>). The
/// node index lets a bounded search list the estates it reaches as it settles nodes; the edge
/// index catches a site and an estate on the same road piece.
/// </remarks>
internal sealed class EstateEntries
{
    private const int Max = SnapEndpoints.MaxSeeds;
    private readonly int[] _count;
    private readonly int[] _node;
    private readonly long[] _ms;
    private readonly double[] _meters;
    private readonly int[] _nodeFirst;
    private readonly int[] _nodeEstates;
    private readonly Dictionary<int, List<int>> _byEdge = [];

    public EstateEntries(RoadGraph graph, IReadOnlyList<RoadSnap> snaps)
    {
        Snaps = snaps;
        int n = snaps.Count;
        _count = new int[n];
        _node = new int[n * Max];
        _ms = new long[n * Max];
        _meters = new double[n * Max];
        Span<(int Node, long CostMs, double DistanceMeters)> ends = stackalloc (int, long, double)[Max];
        _nodeFirst = new int[graph.NodeCount + 1];
        for (int e = 0; e < n; e++)
        {
            if (!snaps[e].IsSnapped) continue;
            int k = SnapEndpoints.TargetSeeds(graph, snaps[e], ends);
            for (int j = 0; j < k; j++)
            {
                _node[e * Max + j] = ends[j].Node; _ms[e * Max + j] = ends[j].CostMs; _meters[e * Max + j] = ends[j].DistanceMeters;
                _nodeFirst[ends[j].Node + 1]++;
            }
            _count[e] = k;
            if (!_byEdge.TryGetValue(snaps[e].Edge, out var list)) _byEdge[snaps[e].Edge] = list = [];
            list.Add(e);
        }
        for (int v = 0; v < graph.NodeCount; v++) _nodeFirst[v + 1] += _nodeFirst[v];
        _nodeEstates = new int[_nodeFirst[^1]];
        var pos = _nodeFirst[..^1];
        for (int e = 0; e < n; e++)
            for (int j = 0; j < _count[e]; j++) _nodeEstates[pos[_node[e * Max + j]]++] = e;
        var nodes = new List<int>();
        for (int v = 0; v < graph.NodeCount; v++) if (_nodeFirst[v + 1] > _nodeFirst[v]) nodes.Add(v);
        EntryNodes = [.. nodes];
    }

    public IReadOnlyList<RoadSnap> Snaps { get; }

    /// <summary>Distinct graph nodes from which some estate is entered.</summary>
    public int[] EntryNodes { get; }

    public ReadOnlySpan<int> EstatesEnteredFrom(int node) => _nodeEstates.AsSpan(_nodeFirst[node], _nodeFirst[node + 1] - _nodeFirst[node]);

    public IReadOnlyList<int> EstatesOnEdge(int edge) => _byEdge.TryGetValue(edge, out var list) ? list : [];

    /// <summary>Best cost to an estate from per-node costs of a forward search; <see cref="DijkstraSearch.Unreached"/> when none.</summary>
    public (long CostMs, double Meters) Cost<TSearch>(int estate, TSearch search) where TSearch : IOneToManySearch
    {
        long best = DijkstraSearch.Unreached;
        double meters = double.NaN;
        for (int j = estate * Max, end = j + _count[estate]; j < end; j++)
        {
            long c = search.CostMs(_node[j]);
            if (c == DijkstraSearch.Unreached || c + _ms[j] >= best) continue;
            best = c + _ms[j];
            meters = search.DistanceMeters(_node[j]) + _meters[j];
        }
        return (best, meters);
    }
}
