namespace Territory.Planning.Location;

/// <summary>Exact p-center without capacities: binary search on the radius, each radius a set-covering model solved exactly.</summary>
/// <remarks>
/// The optimum is one of the distinct times. For a radius r, the fewest sites covering every group
/// within r (fixed sites open) is an LSCP; r is feasible when it needs at most p sites (Minieka,
/// 1970; Daskin, 2013). The search runs between the trivial bound (the largest nearest-candidate
/// time) and the incumbent's worst time; a radius proven infeasible raises the bound, a feasible one
/// gives a plan (padded to p sites by the p-median greedy). When p sites cannot cover everything
/// within T, the optimum is the beyond-reach penalty and the search proves it. Covering models are
/// small and LP-friendly: a MIP backend proves them in fractions of a second where the direct radius
/// model of <see cref="LocationFormulation"/> stalls.
/// </remarks>
internal static class CenterSearch
{
    internal sealed record Result(LocationSolution Best, long Bound, string Method);

    public static Result Solve(LocationInstance inst, LocationSolution incumbent, long lowerBound, bool[]? closed, SitePlanRequest request, Deadline deadline)
    {
        var best = incumbent;
        long bound = lowerBound;
        string method = SitePlanMethods.Heuristic;
        var times = inst.GroupTime.Distinct().Where(t => t >= lowerBound).Order().ToArray();
        if (best.Objective >= inst.PenaltySeconds)
        {
            // Can p sites serve every group within T at all?
            var (state, plan) = Cover(inst, inst.LimitSeconds, closed, request, deadline, ref method);
            if (state == false) return new Result(best, inst.PenaltySeconds, SitePlanMethods.MipPrefix + Backend(request).ToLowerInvariant());
            if (state is null) return new Result(best, bound, method);
            best = plan!;
        }
        int lo = 0, hi = Array.BinarySearch(times, (int)Math.Min(best.Objective, int.MaxValue));
        if (hi < 0) hi = ~hi;
        // Invariant: times[hi] is achieved (or hi = times.Length); every radius below times[lo] is proven infeasible.
        while (lo < hi && !deadline.Expired)
        {
            int mid = (lo + hi) / 2;
            var (state, plan) = Cover(inst, times[mid], closed, request, deadline, ref method);
            if (state is null) break;
            if (state == false) { lo = mid + 1; continue; }
            best = plan!;
            int at = Array.BinarySearch(times, (int)best.Objective);
            hi = at >= 0 ? at : ~at;
        }
        if (lo < times.Length) bound = Math.Max(bound, times[Math.Min(lo, hi)]);
        return new Result(best, bound, method);
    }

    /// <summary>True with a plan when p sites cover every group within <paramref name="radius"/>, false when proven impossible, null when unknown (time).</summary>
    private static (bool? Feasible, LocationSolution? Plan) Cover(LocationInstance inst, int radius, bool[]? closed, SitePlanRequest request,
        Deadline deadline, ref string method)
    {
        var model = new LinearModel();
        var x = new int[inst.SiteCount];
        for (int s = 0; s < x.Length; s++) x[s] = model.AddVar(inst.Fixed[s] ? 1 : 0, closed?[s] == true ? 0 : 1, 1);
        var rows = new int[inst.GroupCount][];
        var list = new List<int>();
        for (int g = 0; g < inst.GroupCount; g++)
        {
            list.Clear();
            var sites = inst.SitesOf(g);
            var groupTimes = inst.TimesOf(g);
            bool fixedCovers = false;
            for (int k = 0; k < sites.Length && groupTimes[k] <= radius; k++)
                if (closed?[sites[k]] != true) { list.Add(sites[k]); fixedCovers |= inst.Fixed[sites[k]]; }
            if (list.Count == 0) return (false, null);
            rows[g] = fixedCovers ? [] : [.. list];
        }
        var redundant = CoverRows.Redundant(rows, inst.SiteCount, deadline);
        for (int g = 0; g < rows.Length; g++)
            if (!redundant[g] && rows[g].Length > 0)
                model.AddRow([.. rows[g].Select(s => x[s])], [.. Enumerable.Repeat(1L, rows[g].Length)], 1, LinearModel.Infinity);
        var outcome = ExactSolve.Run(model, request, deadline);
        if (outcome.Status == SolveStatus.Infeasible || (outcome.Bound is { } b && Math.Ceiling(b - 1e-6) > inst.P)) return (false, null);
        if (outcome.Values is null || outcome.Objective > inst.P + 1e-6) return (null, null);
        method = outcome.Method;
        var open = new bool[inst.SiteCount];
        for (int s = 0; s < open.Length; s++) open[s] = outcome.Values[x[s]] > 0;
        return (true, Evaluator.Nearest(inst, MedianHeuristic.Greedy(inst, open)));
    }

    private static string Backend(SitePlanRequest request) => request.ExactBackend ?? ExactSolve.DefaultBackend;
}
