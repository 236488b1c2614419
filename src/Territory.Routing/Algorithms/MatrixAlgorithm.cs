namespace Territory.Routing.Algorithms;

/// <summary>Search used for each matrix row.</summary>
public enum MatrixAlgorithm
{
    /// <summary>RPHAST when <see cref="MatrixOptions.Hierarchy"/> is supplied, or when the graph carries one and has at least <see cref="TravelTimeMatrix.HierarchyMinNodes"/> nodes; else Dijkstra.</summary>
    Auto,
    /// <summary>One-to-many Dijkstra per source, stopping once every target is settled.</summary>
    Dijkstra,
    /// <summary>PHAST (upward CH search then a linear downward sweep) per source; needs a hierarchy.</summary>
    Phast,
    /// <summary>RPHAST: PHAST whose downward sweep is restricted once to the part of the hierarchy reaching the targets; needs a hierarchy.</summary>
    Rphast,
}
