namespace Territory.Planning.Location;

/// <summary>A candidate plan: open sites, and the group → site assignment when capacities make it explicit.</summary>
/// <remarks>
/// Objective in the instance's integer units (see <see cref="Evaluator"/>). Without capacities each
/// group goes to its nearest open site within T, so the open set alone defines the plan.
/// </remarks>
internal sealed class LocationSolution(bool[] open, int[]? assignment, long objective, bool feasible)
{
    public bool[] Open { get; } = open;

    /// <summary>Site of each group (-1 none); null without capacities.</summary>
    public int[]? Assignment { get; } = assignment;

    public long Objective { get; } = objective;

    /// <summary>False when an LSCP plan leaves a coverable group uncovered, or when the open sites cost more than the budget.</summary>
    public bool Feasible { get; } = feasible;

    public int OpenCount => Open.Count(o => o);
}
