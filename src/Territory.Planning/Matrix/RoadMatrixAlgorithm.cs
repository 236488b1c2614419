namespace Territory.Planning.Matrix;

/// <summary>Search run from each site when a matrix is routed on the road graph.</summary>
public enum RoadMatrixAlgorithm
{
    /// <summary>RPHAST when a hierarchy is given, there are at least 200 sites and sampled searches reach half the graph within the cut-off; else bounded Dijkstra.</summary>
    Auto,
    /// <summary>Dijkstra from each site, stopped at the cut-off.</summary>
    BoundedDijkstra,
    /// <summary>RPHAST over the hierarchy restricted once to the estates' roads (needs a hierarchy).</summary>
    Rphast,
}
