namespace Territory.Planning.Location;

/// <summary>Turns the solver's plan into a <see cref="SitePlan"/>: per-estate assignment, per-site totals, objective and bound in user units.</summary>
internal static class SitePlanAssembler
{
    public static SitePlan Build(SitePlanRequest request, LocationInstance inst, LocationSolution plan, double? bound, bool optimal,
        SolveStatus status, string method, double seconds)
    {
        var m = request.Matrix;
        var siteOfGroup = new int[inst.GroupCount];
        for (int g = 0; g < inst.GroupCount; g++)
            siteOfGroup[g] = plan.Assignment is { } a ? a[g] : Evaluator.NearestSite(inst, g, plan.Open);
        var estates = new int[inst.SiteCount];
        var dwellings = new long[inst.SiteCount];
        var assignments = new EstateAssignment[m.EstateCount];
        long covered = 0, total = 0;
        double weightedSeconds = 0, worst = double.NaN;
        for (int e = 0; e < m.EstateCount; e++)
        {
            var demand = request.Demand[e];
            total += demand.Dwellings;
            int g = inst.EstateGroup[e];
            if (g < 0) { assignments[e] = new EstateAssignment(demand.EstateId, null, null, AssignmentStatus.Uncoverable); continue; }
            int s = siteOfGroup[g];
            if (s < 0) { assignments[e] = new EstateAssignment(demand.EstateId, null, null, AssignmentStatus.NotServed); continue; }
            double t = m.Seconds(s, e) ?? inst.Time(g, s);
            assignments[e] = new EstateAssignment(demand.EstateId, m.SiteIds[s], t, AssignmentStatus.Served);
            estates[s]++;
            dwellings[s] += demand.Dwellings;
            covered += demand.Dwellings;
            weightedSeconds += demand.Dwellings * t;
            worst = double.IsNaN(worst) ? t : Math.Max(worst, t);
        }
        var chosen = new List<ChosenSite>();
        for (int s = 0; s < inst.SiteCount; s++)
            if (plan.Open[s]) chosen.Add(new ChosenSite(s, m.SiteIds[s], inst.Fixed[s], request.Candidates[s].Existing, estates[s], dwellings[s]));
        double objective = ToUser(inst, plan.Objective);
        // Model objectives are integers: the bound rounds to the nearest reachable value.
        double? userBound = bound is { } b ? ToUser(inst, inst.Problem == PlanningProblem.Mclp ? Math.Floor(b + 1e-6) : Math.Ceiling(b - 1e-6)) : null;
        double? gap = userBound is { } ub && status != SolveStatus.NoSolution
            ? optimal ? 0 : Math.Abs(objective - ub) / Math.Max(1e-9, Math.Abs(objective))
            : null;
        return new SitePlan
        {
            Problem = request.Problem, Minutes = request.Minutes, Count = chosen.Count, Chosen = chosen, Assignments = assignments,
            CoveredDwellings = covered, TotalDwellings = total, Objective = objective, Bound = userBound, Gap = gap,
            Optimal = optimal, Status = status, Seconds = seconds, Method = method, Uncoverable = inst.Uncoverable,
            MeanMinutes = covered > 0 ? weightedSeconds / covered / 60 : null,
            WorstMinutes = double.IsNaN(worst) ? null : worst / 60,
            Estimated = m.Estimated, DemandGroups = inst.GroupCount,
        };
    }

    /// <summary>Model units to user units: weights back to dwellings × weight (MCLP, p-median); counts and seconds unchanged.</summary>
    private static double ToUser(LocationInstance inst, double value) =>
        inst.Problem is PlanningProblem.Mclp or PlanningProblem.PMedian ? value / inst.WeightScale : value;
}
