namespace Territory.Demo;

/// <summary>An OSM-like road network: nodes in longitude/latitude and tagged ways.</summary>
/// <remarks>Nodes are ordered by id, ways by id; ids start at 1. Ways share nodes at intersections.</remarks>
public sealed record DemoRoadNetwork
{
    /// <summary>Nodes, ordered by id.</summary>
    public required IReadOnlyList<DemoRoadNode> Nodes { get; init; }
    /// <summary>Ways, ordered by id; every node reference is in <see cref="Nodes"/>.</summary>
    public required IReadOnlyList<DemoRoadWay> Ways { get; init; }
}
