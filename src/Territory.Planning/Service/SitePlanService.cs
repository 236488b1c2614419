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
/// <see cref="SitePlanResult.Estimated"/>).
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
        var plan = SitePlanner.Plan(new SitePlanRequest
        {
            Problem = options.Problem, Matrix = matrix, Candidates = set.Sites, Demand = DemandPoints.FromEstates(data.Estates, options.DemandWeight),
            Minutes = options.Minutes, Count = options.Problem.NeedsCount() ? options.Count : null, KeepExisting = options.KeepExisting,
            Capacity = options.Capacity, TimeLimitSeconds = options.TimeLimitSeconds, Mode = options.Mode, Seed = options.Seed,
        }, cancellationToken);
        progress?.Report(new PlanningProgress(PlanningStage.Solve, 1, 1));
        return SitePlanResults.Build(data, set, plan, options, matrix.Source, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The checks that need no data, so a bad option fails before candidates and routing.</summary>
    private static void CheckOptions(SitePlanOptions o)
    {
        if (!(o.Minutes > 0) || !double.IsFinite(o.Minutes)) throw new PlanningException(PlanningErrorCodes.MinutesInvalid, ("minutes", o.Minutes));
        if (o.Problem.NeedsCount() && (o.Count is not { } p || p < 1)) throw new PlanningException(PlanningErrorCodes.CountInvalid, ("count", o.Count ?? 0));
        if (o.Capacity is <= 0) throw new PlanningException(PlanningErrorCodes.CapacityInvalid, ("site", null), ("capacity", o.Capacity));
        if (!(o.TimeLimitSeconds > 0)) throw new PlanningException(PlanningErrorCodes.TimeLimitInvalid, ("seconds", o.TimeLimitSeconds));
    }
}
