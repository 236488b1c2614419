namespace Territory.Planning.Location;

/// <summary>Runs the exact model of a location problem on OR-Tools and folds its answer into the plan, bound and status.</summary>
/// <remarks>
/// Backend measured on the benchmark's regional network (200 candidates × 3,000 estates, p = 20,
/// T = 20 min, 2 busy cores, 30 s): SCIP proved LSCP in 0.2 s, MCLP in 3.2 s and the p-median
/// (after Lagrangian probing) in 19 s, where CP-SAT had not closed any of them in 30 s — these
/// models have tight LP relaxations, which a MIP solver exploits and CP-SAT's portfolio on two
/// workers barely does. SCIP is therefore the default; CP-SAT stays available
/// (<see cref="SitePlanRequest.ExactBackend"/> <c>CP-SAT</c>).
/// </remarks>
internal static class ExactSolve
{
    public const string DefaultBackend = "SCIP";

    internal sealed record Result(LocationSolution Best, double? Bound, SolveStatus Status, string Method);

    public static Result Run(LocationInstance inst, LocationSolution incumbent, double? bound, bool[]? closed, bool[]? redundant, SitePlanRequest request, Deadline deadline)
    {
        var best = incumbent;
        string method = SitePlanMethods.Heuristic;
        var status = best.Feasible ? SolveStatus.Feasible : SolveStatus.NoSolution;
        if (inst.Problem == PlanningProblem.PCenter && !inst.Capacitated && request.ExactBackend is null)
        {
            var search = CenterSearch.Solve(inst, best, (long)Math.Ceiling(bound ?? 0), closed, request, deadline);
            return new Result(search.Best, Math.Max(bound ?? 0, search.Bound), status, search.Best == incumbent ? method : search.Method);
        }
        var formulation = LocationFormulation.Build(inst, best, closed, redundant);
        var outcome = Run(formulation.Model, request, deadline);
        // With sites left out by probing or dominance, the model still holds an optimal plan: its bound holds for all.
        if (outcome.Bound is { } b) bound = bound is not { } x ? b : inst.Problem == PlanningProblem.Mclp ? Math.Min(x, b) : Math.Max(x, b);
        if (outcome.Values is not null)
        {
            var candidate = formulation.Decode(inst, outcome.Values);
            if (candidate.Feasible && (!best.Feasible || !Evaluator.Better(inst.Problem, best.Objective, candidate.Objective))) { best = candidate; method = outcome.Method; }
        }
        if (outcome.Status == SolveStatus.Infeasible && !best.Feasible) return new Result(best, null, SolveStatus.Infeasible, outcome.Method);
        return new Result(best, bound, best.Feasible ? SolveStatus.Feasible : status, method);
    }

    /// <summary>Solves a model on the request's backend (SCIP by default) within the remaining time.</summary>
    public static ExactOutcome Run(LinearModel model, SitePlanRequest request, Deadline deadline)
    {
        string backend = request.ExactBackend ?? DefaultBackend;
        return string.Equals(backend, "CP-SAT", StringComparison.OrdinalIgnoreCase)
            ? CpSatBackend.Solve(model, deadline.RemainingSeconds, request.Workers, request.Seed, deadline.Token)
            : MipBackend.Solve(model, backend, deadline.RemainingSeconds, request.Workers, deadline.Token);
    }
}
