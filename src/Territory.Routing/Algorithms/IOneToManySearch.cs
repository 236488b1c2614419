namespace Territory.Routing.Algorithms;

/// <summary>A search giving the cost from a set of seeds to graph nodes (Dijkstra or PHAST).</summary>
internal interface IOneToManySearch
{
    void Run(ReadOnlySpan<(int Node, long CostMs, double DistanceMeters)> seeds, ReadOnlySpan<int> targets);

    /// <summary>Cost to a node in ms, <see cref="DijkstraSearch.Unreached"/> when unreachable.</summary>
    long CostMs(int node);

    double DistanceMeters(int node);
}
