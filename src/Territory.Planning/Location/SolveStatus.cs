namespace Territory.Planning.Location;

/// <summary>What the solver could say about the plan.</summary>
public enum SolveStatus
{
    /// <summary>Proven optimal (the bound meets the objective).</summary>
    Optimal,
    /// <summary>A valid plan, not proven optimal (time limit, or heuristic alone); see the gap.</summary>
    Feasible,
    /// <summary>No plan satisfies the constraints (capacities too small for the demand that must be served).</summary>
    Infeasible,
    /// <summary>No plan was found within the time limit.</summary>
    NoSolution,
}
