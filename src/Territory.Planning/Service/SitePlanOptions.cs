using Territory.Core.Model;
using Territory.Planning.Location;

namespace Territory.Planning.Service;

/// <summary>What a user asks of a site plan (the <c>plan sites</c> command and the map's « Planifier » tab).</summary>
public sealed record SitePlanOptions
{
    public required PlanningProblem Problem { get; init; }

    /// <summary>T, minutes (&gt; 0): the coverage limit (LSCP, MCLP), the longest trip still serving an estate (p-median, p-center).</summary>
    public required double Minutes { get; init; }

    /// <summary>p, the number of sites; required by every problem but LSCP.</summary>
    public int? Count { get; init; }

    public CandidateSelection Sources { get; init; } = CandidateSelection.All;

    /// <summary>Sites from a file the user gave (<c>--candidates F</c>), working CRS; always candidates.</summary>
    public IReadOnlyList<Candidate> ExtraCandidates { get; init; } = [];

    /// <summary>Name of the file <see cref="ExtraCandidates"/> came from (shown as their source reference).</summary>
    public string? ExtraCandidatesFile { get; init; }

    /// <summary>Keep every existing presence point open (counted in p).</summary>
    public bool KeepExisting { get; init; }

    /// <summary>Dwellings a site can serve at most (candidates with a capacity of their own keep theirs); null for none.</summary>
    public int? Capacity { get; init; }

    /// <summary>A user matrix <c>estate_id;site_id;seconds</c> instead of routing; with <see cref="ExtraCandidates"/> those alone are the sites.</summary>
    public string? CostMatrixPath { get; init; }

    /// <summary>Most the new sites may cost a year, euros (MCLP and LSCP); null for no budget. See <see cref="SitePlanRequest.BudgetEuros"/>.</summary>
    public double? BudgetEuros { get; init; }

    /// <summary>Wall-clock budget of the solve, seconds.</summary>
    public double TimeLimitSeconds { get; init; } = 30;

    /// <summary>Kind of the new points the plan proposes (relay place by default).</summary>
    public AgencyKind PlannedKind { get; init; } = AgencyKind.LieuRelais;

    /// <summary>Demand weight per estate (e.g. by territory type); null weighs every dwelling 1.</summary>
    public Func<Estate, double>? DemandWeight { get; init; }

    /// <summary>Exact solver, heuristic alone, or chosen by size.</summary>
    public SolveMode Mode { get; init; } = SolveMode.Auto;

    /// <summary>Seed of the solver (fixed for reproducible plans).</summary>
    public int Seed { get; init; }
}
