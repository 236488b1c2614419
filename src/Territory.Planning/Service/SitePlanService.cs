using System.Diagnostics;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Planning.Candidates;
using Territory.Planning.Location;
using Territory.Planning.Matrix;
using Territory.Routing.Graph;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>Plans presence sites over a project: candidates, travel times, solve, and the result users see (CLI and map alike).</summary>
/// <remarks>
/// Bad input throws <see cref="PlanningException"/> before any long work (unknown count, T ≤ 0, no candidate,
/// a matrix naming an unknown id…). Travel times come from the road graph when one is given (the matrix
/// picks Dijkstra rows or RPHAST on the hierarchy), from the user's CSV matrix when
/// <see cref="SitePlanOptions.CostMatrixPath"/> is set, else from the straight-line estimate (flagged
/// <see cref="SitePlanFigures.Estimated"/>).
/// </remarks>
public static class SitePlanService
{
    public static SitePlanResult Plan(ProjectData data, RoadGraph? graph, SitePlanOptions options,
        IProgress<PlanningProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        CheckOptions(options);
        progress?.Report(new PlanningProgress(PlanningStage.Candidates, 0, 1));
        var set = SitePlanCandidates.Gather(data, options);
        progress?.Report(new PlanningProgress(PlanningStage.Candidates, set.Sites.Count, set.Sites.Count));
        if (set.Sites.Count == 0) throw new PlanningException(PlanningErrorCodes.NoCandidates);
        if (options.Problem.NeedsCount() && options.Count > set.Sites.Count)
            throw new PlanningException(PlanningErrorCodes.CountExceedsCandidates, ("count", options.Count), ("candidates", set.Sites.Count));
        if (options.KeepExisting && options.Problem.NeedsCount() && set.Sites.Count(s => s.Existing) is var kept && kept > options.Count)
            throw new PlanningException(PlanningErrorCodes.FixedExceedCount, ("fixed", kept), ("count", options.Count));

        progress?.Report(new PlanningProgress(PlanningStage.Matrix, 0, set.Sites.Count));
        var matrix = options.CostMatrixPath is { } csv
            ? CostMatrices.FromCsv(csv, set.Sites.Select(s => s.Id).ToArray(), data.Estates.Select(e => e.Id).ToArray())
            : CostMatrices.Build(set.Sites, data.Estates, data.WorkingCrs, graph, options.Minutes * 60,
                new RoadMatrixOptions { Hierarchy = graph?.Hierarchy }, cancellationToken: cancellationToken);
        progress?.Report(new PlanningProgress(PlanningStage.Matrix, set.Sites.Count, set.Sites.Count));

        progress?.Report(new PlanningProgress(PlanningStage.Solve, 0, 1));
        var request = new SitePlanRequest
        {
            Problem = options.Problem, Matrix = matrix, Candidates = set.Sites, Demand = DemandPoints.FromEstates(data.Estates, options.DemandWeight),
            Minutes = options.Minutes, Count = options.Problem.NeedsCount() ? options.Count : null, KeepExisting = options.KeepExisting,
            Capacity = options.Capacity, TimeLimitSeconds = options.TimeLimitSeconds, Mode = options.Mode, Seed = options.Seed, BudgetEuros = options.BudgetEuros,
        };
        var plan = SitePlanner.Plan(request, cancellationToken);
        var alternative = KeepingExisting(request, set, plan, cancellationToken);
        progress?.Report(new PlanningProgress(PlanningStage.Solve, 1, 1));
        return SitePlanResults.Build(data, set, plan, options, matrix.Source, clock.Elapsed.TotalSeconds, alternative);
    }

    /// <summary>
    /// LSCP from a clean slate that closes existing points, solved again with all of them kept (same matrix, a share of the
    /// time limit): the number of sites to add to today's network. Null for other problems or when nothing closes.
    /// </summary>
    private static KeepExistingAlternative? KeepingExisting(SitePlanRequest request, CandidateSet set, SitePlan plan, CancellationToken ct)
    {
        if (request.Problem != PlanningProblem.Lscp || request.KeepExisting) return null;
        var chosen = plan.Chosen.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (!set.Sites.Any(s => s.Existing && !chosen.Contains(s.Id))) return null;
        var kept = SitePlanner.Plan(request with { KeepExisting = true, TimeLimitSeconds = Math.Max(1, request.TimeLimitSeconds / 2) }, ct);
        var byId = set.Sites.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var added = kept.Chosen.Where(c => !byId[c.Id].Existing).ToList();
        int existing = kept.Chosen.Count - added.Count;
        return new KeepExistingAlternative(kept.Count, existing, added.Count, added.Select(c => c.Id).ToList(), kept.CoveredDwellings, kept.Optimal,
            kept.Status is SolveStatus.Optimal or SolveStatus.Feasible, added.Sum(c => byId[c.Id].YearlyCost ?? 0));
    }

    /// <summary>The checks that need no data, so a bad option fails before candidates and routing.</summary>
    private static void CheckOptions(SitePlanOptions o)
    {
        if (!(o.Minutes > 0) || !double.IsFinite(o.Minutes)) throw new PlanningException(PlanningErrorCodes.MinutesInvalid, ("minutes", o.Minutes));
        if (o.Problem.NeedsCount() && (o.Count is not { } p || p < 1)) throw new PlanningException(PlanningErrorCodes.CountInvalid, ("count", o.Count ?? 0));
        if (o.Capacity is <= 0) throw new PlanningException(PlanningErrorCodes.CapacityInvalid, ("site", null), ("capacity", o.Capacity));
        if (o.BudgetEuros is { } budget && (!(budget >= 0) || !double.IsFinite(budget))) throw new PlanningException(PlanningErrorCodes.BudgetInvalid, ("budget", budget));
        if (o.BudgetEuros is not null && o.Problem is not (PlanningProblem.Mclp or PlanningProblem.Lscp))
            throw new PlanningException(PlanningErrorCodes.BudgetProblem, ("problem", o.Problem.Code()));
        if (!(o.TimeLimitSeconds > 0)) throw new PlanningException(PlanningErrorCodes.TimeLimitInvalid, ("seconds", o.TimeLimitSeconds));
    }
}
