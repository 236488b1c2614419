namespace Territory.Routing.Algorithms;

/// <summary>Settings of a contraction hierarchy build.</summary>
public sealed record ContractionOptions
{
    /// <summary>Threads contracting an independent node set per round; defaults to the processor count. The hierarchy is the same whatever the count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
