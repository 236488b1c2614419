namespace Territory.Planning.Location;

/// <summary>Solves a location-allocation request: LSCP, MCLP, p-median or p-center, with or without capacities.</summary>
/// <remarks>
/// <para>Steps: validate (bad input throws <see cref="PlanningException"/> with a stable code); merge
/// estates with identical reachable sites; a fast heuristic (greedy, then interchange — see
/// <see cref="MclpHeuristic"/>, <see cref="MedianHeuristic"/>, <see cref="LscpHeuristic"/>,
/// <see cref="CenterHeuristic"/>); then the exact model (<see cref="LocationFormulation"/>) on OR-Tools,
/// seeded with the heuristic's plan, for the rest of the time limit. The better plan is kept; the
/// solver's bound gives the gap, and <see cref="SitePlan.Optimal"/> is true only when it is proven.</para>
/// <para>Above <see cref="ExactMaxPairs"/> pairs within T, <see cref="SolveMode.Auto"/> lets the
/// heuristic work alone, with a Lagrangian bound (MCLP, p-median) for the gap.</para>
/// </remarks>
public static class SitePlanner
{
    /// <summary>Largest number of (group, site) pairs within T handed to the exact solver in <see cref="SolveMode.Auto"/>.</summary>
    public const int ExactMaxPairs = 3_000_000;

    /// <summary>Plans the sites.</summary>
    public static SitePlan Plan(SitePlanRequest request, CancellationToken cancellationToken = default)
    {
        var deadline = new Deadline(request.TimeLimitSeconds, cancellationToken);
        var (isFixed, capacity) = RequestValidation.Check(request);
        var inst = LocationInstance.Create(request, isFixed, capacity);
        var best = HeuristicPlan(inst, deadline);
        var method = SitePlanMethods.Heuristic;
        double? bound = null;
        var status = best.Feasible ? SolveStatus.Feasible : SolveStatus.NoSolution;
        bool optimal = false;
        if (inst.GroupCount == 0)
        {
            (bound, optimal, status) = (best.Objective, true, SolveStatus.Optimal);
        }
        else if (request.Mode == SolveMode.Exact || (request.Mode == SolveMode.Auto && inst.PairCount <= ExactMaxPairs))
        {
            var formulation = LocationFormulation.Build(inst, best);
            var outcome = Solve(request, formulation.Model, deadline);
            bound = outcome.Bound;
            if (outcome.Values is not null)
            {
                var exact = formulation.Decode(inst, outcome.Values);
                if (exact.Feasible && (!best.Feasible || !Evaluator.Better(inst.Problem, best.Objective, exact.Objective))) { best = exact; method = outcome.Method; }
            }
            if (outcome.Status == SolveStatus.Infeasible) status = SolveStatus.Infeasible;
            else if (best.Feasible) status = SolveStatus.Feasible;
        }
        else if (request.Mode != SolveMode.Exact)
        {
            bound = LagrangianBound.Compute(inst, best, deadline);
        }
        if (bound is { } b && best.Feasible && Proven(inst.Problem, best.Objective, b)) { optimal = true; status = SolveStatus.Optimal; }
        return SitePlanAssembler.Build(request, inst, best, bound, optimal, status, method, deadline.ElapsedSeconds);
    }

    private static ExactOutcome Solve(SitePlanRequest request, LinearModel model, Deadline deadline)
    {
        string? mip = request.ExactBackend ?? DefaultBackend(request.Problem);
        return mip is null
            ? CpSatBackend.Solve(model, deadline.RemainingSeconds, request.Workers, request.Seed, deadline.Token)
            : MipBackend.Solve(model, mip, deadline.RemainingSeconds, request.Workers, deadline.Token);
    }

    /// <summary>The MIP backend used for a problem, or null for CP-SAT.</summary>
    internal static string? DefaultBackend(PlanningProblem problem) => null;

    private static LocationSolution HeuristicPlan(LocationInstance inst, Deadline deadline)
    {
        bool[] open = inst.Problem switch
        {
            PlanningProblem.Lscp => LscpHeuristic.Cover(inst) ?? Enumerable.Repeat(true, inst.SiteCount).ToArray(),
            PlanningProblem.Mclp => MclpHeuristic.Interchange(inst, MclpHeuristic.Greedy(inst), deadline),
            PlanningProblem.PMedian => MedianHeuristic.Interchange(inst, MedianHeuristic.Greedy(inst), deadline),
            _ => CenterHeuristic.Solve(inst, deadline),
        };
        if (!inst.Capacitated) return Evaluator.Nearest(inst, open);
        if (inst.Problem == PlanningProblem.Lscp)
        {
            var (covered, assignment) = CapacitatedAssignment.Cover(inst, open);
            return Evaluator.Assigned(inst, covered, assignment);
        }
        return Evaluator.Assigned(inst, open, CapacitatedAssignment.Assign(inst, open));
    }

    /// <summary>True when the bound meets the (integer) objective.</summary>
    internal static bool Proven(PlanningProblem problem, long objective, double bound) =>
        problem == PlanningProblem.Mclp ? Math.Floor(bound + 1e-6) <= objective : Math.Ceiling(bound - 1e-6) >= objective;
}
