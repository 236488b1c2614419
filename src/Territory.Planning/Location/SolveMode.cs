namespace Territory.Planning.Location;

/// <summary>How a location problem is solved.</summary>
public enum SolveMode
{
    /// <summary>Heuristic seed then the exact solver, unless the model is too large (heuristic alone).</summary>
    Auto,
    /// <summary>Heuristic seed then the exact solver whatever the size.</summary>
    Exact,
    /// <summary>Greedy + interchange heuristic alone (with a Lagrangian bound where there is one).</summary>
    Heuristic,
}
