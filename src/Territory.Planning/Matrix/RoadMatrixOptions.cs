using Territory.Routing.Algorithms;
using Territory.Routing.Snapping;

namespace Territory.Planning.Matrix;

/// <summary>Settings of a cost matrix routed on the road graph.</summary>
public sealed record RoadMatrixOptions
{
    /// <summary>Sites and estates farther than this from the main road network are unreachable, metres.</summary>
    public double MaxSnapDistanceMeters { get; init; } = RoadSnapper.DefaultMaxSnapDistanceMeters;

    public RoadMatrixAlgorithm Algorithm { get; init; } = RoadMatrixAlgorithm.Auto;

    /// <summary>A hierarchy of the same graph, for <see cref="RoadMatrixAlgorithm.Rphast"/>.</summary>
    public ContractionHierarchy? Hierarchy { get; init; }

    /// <summary>Sites searched in parallel; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
