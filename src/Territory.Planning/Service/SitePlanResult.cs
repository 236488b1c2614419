using Territory.Planning.Location;

namespace Territory.Planning.Service;

/// <summary>A site plan as users see it: the chosen sites (with source and WGS84 position), the served estates, how good it is (<see cref="SitePlanFigures"/>) and what a director must know beside.</summary>
/// <remarks>
/// <see cref="SitePlanFigures.Estimated"/> is true when times are straight-line estimates (no road graph): every output says so.
/// </remarks>
public sealed record SitePlanResult : SitePlanFigures
{
    public required string Problem { get; init; }
    /// <summary>The p asked for (null for LSCP).</summary>
    public int? RequestedCount { get; init; }
    public required IReadOnlyList<PlannedSite> Sites { get; init; }
    /// <summary>One per estate, in the project's order.</summary>
    public required IReadOnlyList<PlannedAssignment> Assignments { get; init; }
    /// <summary><c>optimal</c>, <c>feasible</c>, <c>infeasible</c> or <c>no_solution</c>.</summary>
    public required string Status { get; init; }
    /// <summary><c>road_graph</c>, <c>straight_line</c> or <c>user_file</c>.</summary>
    public required string TimeSource { get; init; }
    /// <summary>Existing points free to close that the plan did not keep, with their declared staff.</summary>
    public required IReadOnlyList<ClosedPoint> ClosedExisting { get; init; }
    /// <summary>
    /// True when existing points were candidates free to close: the plan starts from a clean slate and today's network
    /// has no advantage over the other candidates.
    /// </summary>
    public bool FromCleanSlate { get; init; }
    /// <summary>LSCP from a clean slate that closes points: the same question with every existing point kept; null otherwise.</summary>
    public KeepExistingAlternative? KeepExistingAlternative { get; init; }
    /// <summary>Budget the new sites had to fit, euros a year; null for none.</summary>
    public double? Budget { get; init; }
    /// <summary>Yearly cost of the chosen new sites, euros (sites without a declared cost count 0; existing points are not counted).</summary>
    public double YearlyCost { get; init; }
    /// <summary>Chosen new sites without a declared yearly cost (counted 0 in <see cref="YearlyCost"/> and the budget).</summary>
    public int NewSitesWithoutCost { get; init; }
    /// <summary>Candidates considered, by source code.</summary>
    public required IReadOnlyDictionary<string, int> CandidatesBySource { get; init; }
    /// <summary>Candidates dropped as duplicates of a nearer-ranked one (within 10 m).</summary>
    public int MergedCandidates { get; init; }
    /// <summary>Kind code of the new points the plan proposes.</summary>
    public required string PlannedKind { get; init; }
    public bool KeepExisting { get; init; }
    public int? Capacity { get; init; }
    /// <summary>Data version of the project the plan was computed from.</summary>
    public long DataVersion { get; init; }
    /// <summary>Wall-clock time of the whole job (candidates, matrix, solve), seconds.</summary>
    public required double Seconds { get; init; }
    /// <summary>Wall-clock time of the solve alone, seconds.</summary>
    public required double SolveSeconds { get; init; }
}
