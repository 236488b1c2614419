namespace Territory.Planning.Location;

/// <summary>Objective of a plan in integer units, the same for heuristics and exact models.</summary>
/// <remarks>
/// LSCP: open sites (feasible when every group is covered). MCLP: Σ weight of covered groups.
/// p-median: Σ weight × seconds, beyond-reach groups at the penalty time. p-center: the largest
/// seconds over groups, penalty time for one left beyond reach. A plan whose sites cost more than the
/// budget is never feasible.
/// </remarks>
internal static class Evaluator
{
    public static bool Better(PlanningProblem problem, long a, long b) => problem == PlanningProblem.Mclp ? a > b : a < b;

    /// <summary>Evaluates an open set with nearest-site assignment (uncapacitated).</summary>
    public static LocationSolution Nearest(LocationInstance inst, bool[] open)
    {
        long objective = 0;
        bool feasible = true;
        for (int g = 0; g < inst.GroupCount; g++)
        {
            int t = NearestTime(inst, g, open);
            Add(inst, g, t, ref objective, ref feasible);
        }
        if (inst.Problem == PlanningProblem.Lscp) objective = open.Count(o => o);
        return new LocationSolution(open, null, objective, feasible && inst.Affordable(open));
    }

    /// <summary>Evaluates an explicit assignment (capacitated); the assignment must respect T and the open set.</summary>
    public static LocationSolution Assigned(LocationInstance inst, bool[] open, int[] assignment)
    {
        long objective = 0;
        bool feasible = true;
        for (int g = 0; g < inst.GroupCount; g++)
        {
            int s = assignment[g];
            int t = s >= 0 && open[s] ? inst.Time(g, s) : -1;
            Add(inst, g, t, ref objective, ref feasible);
        }
        if (inst.Problem == PlanningProblem.Lscp) objective = open.Count(o => o);
        return new LocationSolution(open, assignment, objective, feasible && inst.Affordable(open));
    }

    /// <summary>Time to the nearest open site within T, -1 when none.</summary>
    public static int NearestTime(LocationInstance inst, int group, bool[] open)
    {
        var sites = inst.SitesOf(group);
        for (int k = 0; k < sites.Length; k++) if (open[sites[k]]) return inst.TimesOf(group)[k];
        return -1;
    }

    /// <summary>Nearest open site within T, -1 when none.</summary>
    public static int NearestSite(LocationInstance inst, int group, bool[] open)
    {
        foreach (int s in inst.SitesOf(group)) if (open[s]) return s;
        return -1;
    }

    private static void Add(LocationInstance inst, int g, int t, ref long objective, ref bool feasible)
    {
        switch (inst.Problem)
        {
            case PlanningProblem.Lscp: if (t < 0) feasible = false; break;
            case PlanningProblem.Mclp: if (t >= 0) objective += inst.Weight[g]; break;
            case PlanningProblem.PMedian: objective += inst.Weight[g] * (t >= 0 ? t : inst.PenaltySeconds); break;
            case PlanningProblem.PCenter: objective = Math.Max(objective, t >= 0 ? t : inst.PenaltySeconds); break;
        }
    }
}
