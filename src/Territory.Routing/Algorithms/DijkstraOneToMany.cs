using Territory.Routing.Graph;

namespace Territory.Routing.Algorithms;

/// <summary>Adapts <see cref="DijkstraSearch"/> to <see cref="IOneToManySearch"/>.</summary>
internal sealed class DijkstraOneToMany(RoadGraph graph) : IOneToManySearch
{
    private readonly DijkstraSearch _search = new(graph);

    public void Run(ReadOnlySpan<(int Node, long CostMs, double DistanceMeters)> seeds, ReadOnlySpan<int> targets) => _search.Run(seeds, targets);

    public long CostMs(int node) => _search.CostMs(node);

    public double DistanceMeters(int node) => _search.DistanceMeters(node);
}
