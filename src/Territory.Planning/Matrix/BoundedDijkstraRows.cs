using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Planning.Matrix;

/// <summary>One thread's rows by Dijkstra from the site, stopped at the cut-off.</summary>
/// <remarks>
/// Settling a node lists the estates entered from it; once the search stops, each listed estate
/// takes its best entry. Every node cheaper than the cut-off is settled, so a pair within the
/// cut-off is never missed. Work is proportional to the area reached, not to the estate count.
/// </remarks>
internal sealed class BoundedDijkstraRows : IMatrixRows
{
    private readonly RoadGraph _graph;
    private readonly EstateEntries _entries;
    private readonly long _maxMs;
    private readonly DijkstraSearch _search;
    private readonly Adapter _adapter;
    private readonly int[] _stamp;
    private readonly List<int> _touched = [];
    private readonly Action<int> _onSettled;
    private int _generation;

    public BoundedDijkstraRows(RoadGraph graph, EstateEntries entries, long maxMs)
    {
        _graph = graph; _entries = entries; _maxMs = maxMs;
        _search = new DijkstraSearch(graph);
        _adapter = new Adapter(_search);
        _stamp = new int[entries.Snaps.Count];
        _onSettled = Settled;
    }

    /// <summary>Nodes settled by the last row's search.</summary>
    public int LastSettled { get; private set; }

    public MatrixRow Row(in RoadSnap site)
    {
        _generation++;
        LastSettled = 0;
        _touched.Clear();
        Span<(int, long, double)> seeds = stackalloc (int, long, double)[SnapEndpoints.MaxSeeds];
        int n = SnapEndpoints.SourceSeeds(_graph, site, seeds);
        _search.Run(seeds[..n], ReadOnlySpan<int>.Empty, backward: false, maxCostMs: _maxMs, settled: _onSettled);
        foreach (int e in _entries.EstatesOnEdge(site.Edge)) Touch(e);
        // Rows are stored by estate: a dense row is read back in estate order from the stamps, a sparse one sorted.
        if (_touched.Count > _stamp.Length / 16)
        {
            _touched.Clear();
            for (int e = 0; e < _stamp.Length; e++) if (_stamp[e] == _generation) _touched.Add(e);
        }
        else _touched.Sort();
        var row = new MatrixRow(_touched.Count);
        foreach (int e in _touched)
        {
            var (cost, meters) = _entries.Cost(e, _adapter);
            var target = _entries.Snaps[e];
            if (SnapEndpoints.SameEdge(_graph, site, target) is { } direct && direct.CostMs <= cost) (cost, meters) = (direct.CostMs, direct.DistanceMeters);
            if (cost <= _maxMs) row.Add(e, cost / 1000f, (float)meters);
        }
        return row;
    }

    private void Settled(int node)
    {
        LastSettled++;
        foreach (int e in _entries.EstatesEnteredFrom(node)) Touch(e);
    }

    private void Touch(int estate)
    {
        if (_stamp[estate] == _generation) return;
        _stamp[estate] = _generation;
        _touched.Add(estate);
    }

    /// <summary>Reads the bounded search's settled costs through the one-to-many interface.</summary>
    private readonly struct Adapter(DijkstraSearch search) : IOneToManySearch
    {
        public void Run(ReadOnlySpan<(int Node, long CostMs, double DistanceMeters)> seeds, ReadOnlySpan<int> targets) => throw new NotSupportedException();

        public long CostMs(int node) => search.CostMs(node);

        public double DistanceMeters(int node) => search.DistanceMeters(node);
    }
}
