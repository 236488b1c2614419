namespace Territory.Routing.Algorithms;

/// <summary>Settings of a <see cref="TravelTimeMatrix"/> computation.</summary>
public sealed record MatrixOptions
{
    /// <summary>Points farther than this from any routable road are not snapped, metres.</summary>
    public double MaxSnapDistanceMeters { get; init; } = Snapping.RoadSnapper.DefaultMaxSnapDistanceMeters;

    public MatrixAlgorithm Algorithm { get; init; } = MatrixAlgorithm.Auto;

    /// <summary>A pre-built hierarchy of the same graph (always used by <see cref="MatrixAlgorithm.Auto"/>); when null, the graph's own <see cref="Graph.RoadGraph.Hierarchy"/> is used on large graphs.</summary>
    public ContractionHierarchy? Hierarchy { get; init; }

    /// <summary>Rows computed in parallel; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
