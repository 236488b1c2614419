namespace Territory.Planning.Location;

/// <summary>The answer of <see cref="SitePlanner.Plan"/>: chosen sites, who serves which estate, and how good it is proven to be (<see cref="SitePlanFigures"/>).</summary>
public sealed record SitePlan : SitePlanFigures
{
    public required PlanningProblem Problem { get; init; }
    public required IReadOnlyList<ChosenSite> Chosen { get; init; }
    /// <summary>One entry per estate, in the demand's order.</summary>
    public required IReadOnlyList<EstateAssignment> Assignments { get; init; }
    public required SolveStatus Status { get; init; }
    /// <summary>Wall-clock time of the solve (model, heuristic and solver), seconds.</summary>
    public required double Seconds { get; init; }
    /// <summary>Demand groups the model solved after merging estates with the same reachable sites.</summary>
    public required int DemandGroups { get; init; }
}
