namespace Territory.Planning.Location;

/// <summary>Solves a location-allocation request: LSCP, MCLP, p-median or p-center, with or without capacities.</summary>
/// <remarks>
/// <para>Steps: validate (bad input throws <see cref="PlanningException"/> with a stable code); merge
/// estates with identical reachable sites; a fast heuristic (greedy, then interchange — see
/// <see cref="MclpHeuristic"/>, <see cref="MedianHeuristic"/>, <see cref="LscpHeuristic"/>,
/// <see cref="CenterHeuristic"/>); then the exact model (<see cref="LocationFormulation"/>) on OR-Tools,
/// seeded with the heuristic's plan, for the rest of the time limit. The better plan is kept; the
/// solver's bound gives the gap, and <see cref="SitePlanFigures.Optimal"/> is true only when it is proven.</para>
/// <para>MCLP and p-median (uncapacitated) also get a Lagrangian bound, and the sites it proves useless
/// (<see cref="LagrangianBound"/>) are left out of the exact model. Above <see cref="ExactMaxPairs"/>
/// pairs within T in that model, <see cref="SolveMode.Auto"/> lets the heuristic work alone.</para>
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
        // Reductions that keep the optimum: dominated sites, and for LSCP the covering rows others imply.
        // A site covering more may cost more: dominance holds only without a budget.
        bool[]? closed = inst.Budget is null && (request.Mode != SolveMode.Heuristic || inst.Problem == PlanningProblem.Lscp) ? WithDominated(inst, null, deadline) : null;
        bool[]? redundant = inst.Problem == PlanningProblem.Lscp && !inst.Capacitated ? LocationFormulation.RedundantCoverRows(inst, closed, deadline) : null;
        var best = HeuristicPlan(inst, redundant, closed, deadline);
        var method = SitePlanMethods.Heuristic;
        var status = best.Feasible ? SolveStatus.Feasible : SolveStatus.NoSolution;
        double? bound = TrivialBound(inst);
        if (best.Feasible && !Proven(inst.Problem, best.Objective, bound))
        {
            // A model too large for the exact solver leaves the time to the relaxation.
            double share = request.Mode == SolveMode.Heuristic || LocationFormulation.Size(inst, closed) > 4L * ExactMaxPairs ? 0.9 : 0.25;
            if (inst.Problem == PlanningProblem.Lscp && !inst.Capacitated && CoverLagrangian.Compute(inst, best.Open, redundant, closed, deadline, deadline.RemainingSeconds * share) is { } cover)
            {
                bound = Tighter(inst.Problem, bound, cover.Bound);
                if (cover.BestCount < best.Objective && inst.Affordable(cover.Best)) best = Evaluator.Nearest(inst, cover.Best);
            }
            var lagrangian = LagrangianBound.Compute(inst, best, bound, deadline, deadline.RemainingSeconds * share);
            if (lagrangian is not null)
            {
                bound = Tighter(inst.Problem, bound, lagrangian.Bound);
                closed = Union(inst, closed, lagrangian.Closed);
            }
        }
        bool exact = request.Mode == SolveMode.Exact || (request.Mode == SolveMode.Auto && LocationFormulation.Size(inst, closed, redundant) <= ExactMaxPairs);
        if (exact && !(best.Feasible && Proven(inst.Problem, best.Objective, bound)) && !deadline.Expired)
        {
            var result = ExactSolve.Run(inst, best, bound, closed, redundant, request, deadline);
            (best, bound, status, method) = (result.Best, result.Bound, result.Status, result.Method);
        }
        // Nothing fits the budget: the plan proposes no new site rather than one it cannot pay for.
        if (!best.Feasible && inst.Budget is not null) best = Evaluator.Nearest(inst, (bool[])inst.Fixed.Clone());
        bool optimal = best.Feasible && Proven(inst.Problem, best.Objective, bound);
        if (optimal) status = SolveStatus.Optimal;
        return SitePlanAssembler.Build(request, inst, best, best.Feasible ? bound : null, optimal, status, method, deadline.ElapsedSeconds);
    }

    /// <summary>The bound any plan obeys: every coverable group covered (MCLP), each at its nearest candidate (p-median, p-center), the fixed sites (LSCP).</summary>
    private static double? TrivialBound(LocationInstance inst)
    {
        long bound = 0;
        for (int g = 0; g < inst.GroupCount; g++)
        {
            long nearest = inst.TimesOf(g)[0];
            bound = inst.Problem switch
            {
                PlanningProblem.Mclp => bound + inst.Weight[g],
                PlanningProblem.PMedian => bound + inst.Weight[g] * nearest,
                PlanningProblem.PCenter => Math.Max(bound, nearest),
                _ => bound,
            };
        }
        return inst.Problem == PlanningProblem.Lscp ? Math.Max(inst.FixedCount, inst.GroupCount > 0 ? 1 : 0) : bound;
    }

    /// <summary>Adds the dominated sites to those left out, unless too few free sites would remain for p.</summary>
    private static bool[]? WithDominated(LocationInstance inst, bool[]? closed, Deadline deadline)
    {
        var dominated = SiteDominance.Find(inst, deadline);
        var merged = new bool[inst.SiteCount];
        int free = 0;
        for (int s = 0; s < merged.Length; s++)
        {
            merged[s] = (closed?[s] ?? false) || dominated[s];
            if (!merged[s] && !inst.Fixed[s]) free++;
        }
        return inst.Problem == PlanningProblem.Lscp || free >= inst.P - inst.FixedCount ? merged : closed;
    }

    /// <summary>Dominated and probed-out sites together, unless fewer than p free sites would remain (then probing alone, which never removes an optimal plan).</summary>
    private static bool[] Union(LocationInstance inst, bool[]? dominated, bool[] probed)
    {
        if (dominated is null) return probed;
        var union = dominated.Select((d, s) => d || probed[s]).ToArray();
        int free = Enumerable.Range(0, union.Length).Count(s => !union[s] && !inst.Fixed[s]);
        return free >= inst.P - inst.FixedCount ? union : probed;
    }

    private static double? Tighter(PlanningProblem problem, double? a, double b) =>
        a is not { } x ? b : problem == PlanningProblem.Mclp ? Math.Min(x, b) : Math.Max(x, b);

    private static LocationSolution HeuristicPlan(LocationInstance inst, bool[]? implied, bool[]? closed, Deadline deadline)
    {
        bool[] open = inst.Problem switch
        {
            PlanningProblem.Lscp => LscpHeuristic.Affordable(inst, implied, closed) ?? Enumerable.Repeat(true, inst.SiteCount).ToArray(),
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
    internal static bool Proven(PlanningProblem problem, long objective, double? bound) =>
        bound is { } b && (problem == PlanningProblem.Mclp ? Math.Floor(b + 1e-6) <= objective : Math.Ceiling(b - 1e-6) >= objective);
}
