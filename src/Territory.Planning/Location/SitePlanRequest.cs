using Territory.Planning.Candidates;
using Territory.Planning.Matrix;

namespace Territory.Planning.Location;

/// <summary>A location-allocation problem built from plain inputs: candidates, demand, travel times and the rules.</summary>
/// <remarks>
/// <para><see cref="Candidates"/> follow the rows of <see cref="Matrix"/> and <see cref="Demand"/> its
/// columns (same ids, same order). Times are in the matrix (seconds, site → estate).</para>
/// <para><see cref="Minutes"/> (T) is the coverage limit of LSCP and MCLP; for p-median and p-center it
/// is the longest trip that still serves an estate: an estate farther than T from every chosen site
/// is "beyond reach" and costs <see cref="BeyondReachPenaltyFactor"/> × T in the objective.</para>
/// <para>Capacities (dwellings served per site) apply when <see cref="Capacity"/> is given or a
/// candidate carries its own <see cref="CandidateSite.Capacity"/> (which wins); each estate is then
/// assigned whole to one site.</para>
/// </remarks>
public sealed record SitePlanRequest
{
    public required PlanningProblem Problem { get; init; }

    /// <summary>Travel times from the candidates (rows) to the estates (columns).</summary>
    public required CostMatrix Matrix { get; init; }

    /// <summary>Candidate sites, in the matrix's row order.</summary>
    public required IReadOnlyList<CandidateSite> Candidates { get; init; }

    /// <summary>Demand per estate, in the matrix's column order.</summary>
    public required IReadOnlyList<DemandPoint> Demand { get; init; }

    /// <summary>T, minutes (&gt; 0, at most the matrix cut-off).</summary>
    public required double Minutes { get; init; }

    /// <summary>p, the number of sites (MCLP, p-median, p-center; ignored by LSCP).</summary>
    public int? Count { get; init; }

    /// <summary>Keep every existing candidate open (counted in p); otherwise existing points are free to close.</summary>
    public bool KeepExisting { get; init; }

    /// <summary>Capacity of candidates that have none of their own, dwellings; null for none.</summary>
    public int? Capacity { get; init; }

    /// <summary>
    /// Most the chosen new sites may cost a year, euros (MCLP and LSCP): Σ <see cref="CandidateSite.YearlyCost"/> of the chosen
    /// sites that are not existing points ≤ this; a site without a cost counts 0. With a budget, MCLP opens at most p sites.
    /// </summary>
    public double? BudgetEuros { get; init; }

    /// <summary>Wall-clock budget of the whole solve, seconds.</summary>
    public double TimeLimitSeconds { get; init; } = 30;

    /// <summary>Seed of the solver's randomness (fixed for reproducible plans).</summary>
    public int Seed { get; init; }

    /// <summary>Solver threads; defaults to the processor count.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>p-median/p-center: an estate left beyond T costs this × T seconds.</summary>
    public double BeyondReachPenaltyFactor { get; init; } = 2;

    /// <summary>Exact solver, heuristic alone, or the choice by size.</summary>
    public SolveMode Mode { get; init; } = SolveMode.Auto;

    /// <summary>OR-Tools linear-solver backend (<c>HIGHS</c>, <c>SCIP</c>…) instead of the default, for measurements.</summary>
    internal string? ExactBackend { get; init; }
}
