namespace Territory.Planning.Location;

/// <summary>A bound for the heuristic's plan when the exact model is too large: Lagrangian relaxation with subgradient steps.</summary>
/// <remarks>
/// <para>MCLP (upper bound): relax y_g ≤ Σ_{j ∈ N_g} x_j with μ_g ≥ 0;
/// L(μ) = Σ_g max(0, w_g − μ_g) + Σ_{fixed} v_j + the p − |fixed| largest other v_j, v_j = Σ_{g ∈ G_j} μ_g.</para>
/// <para>p-median (lower bound): relax Σ_j z_gj + u_g = 1 with λ_g;
/// L(λ) = Σ_g λ_g + Σ_g min(0, w_g P − λ_g) + Σ_{fixed} ρ_j + the p − |fixed| smallest other ρ_j,
/// ρ_j = Σ_{g ∈ G_j} min(0, w_g t_gj − λ_g) (P the beyond-reach penalty).</para>
/// <para>Polyak steps towards the heuristic's value, halved after 15 iterations without progress;
/// at most 300 iterations and a quarter of the remaining time. Other problems: no bound (null).</para>
/// </remarks>
internal static class LagrangianBound
{
    private const int MaxIterations = 300;

    public static double? Compute(LocationInstance inst, LocationSolution incumbent, Deadline deadline)
    {
        if (inst.Problem is not (PlanningProblem.Mclp or PlanningProblem.PMedian) || inst.Capacitated) return null;
        double budget = deadline.ElapsedSeconds + deadline.RemainingSeconds / 4;
        bool max = inst.Problem == PlanningProblem.Mclp;
        int groups = inst.GroupCount, n = inst.SiteCount;
        var mult = new double[groups];
        for (int g = 0; g < groups; g++)
        {
            int t = Evaluator.NearestTime(inst, g, incumbent.Open);
            mult[g] = max ? inst.Weight[g] / (double)Math.Max(1, inst.SitesOf(g).Length) : inst.Weight[g] * (double)(t >= 0 ? t : inst.PenaltySeconds);
        }
        var value = new double[n];
        var chosen = new bool[n];
        var sub = new double[groups];
        double best = max ? double.PositiveInfinity : double.NegativeInfinity, theta = 2;
        int stall = 0;
        for (int it = 0; it < MaxIterations && deadline.ElapsedSeconds < budget && !deadline.Token.IsCancellationRequested; it++)
        {
            double l = 0;
            for (int s = 0; s < n; s++)
            {
                double v = 0;
                var gs = inst.GroupsOf(s);
                var ts = inst.GroupTimesOf(s);
                for (int k = 0; k < gs.Length; k++)
                    v += max ? mult[gs[k]] : Math.Min(0, inst.Weight[gs[k]] * (double)ts[k] - mult[gs[k]]);
                value[s] = v;
            }
            Choose(inst, value, chosen, max);
            for (int s = 0; s < n; s++) if (chosen[s]) l += value[s];
            for (int g = 0; g < groups; g++)
            {
                if (max)
                {
                    bool y = inst.Weight[g] > mult[g];
                    l += Math.Max(0, inst.Weight[g] - mult[g]);
                    int covered = 0;
                    foreach (int s in inst.SitesOf(g)) if (chosen[s]) covered++;
                    sub[g] = covered - (y ? 1 : 0);
                }
                else
                {
                    double penalty = inst.Weight[g] * (double)inst.PenaltySeconds;
                    l += mult[g] + Math.Min(0, penalty - mult[g]);
                    int assigned = penalty < mult[g] ? 1 : 0;
                    var sites = inst.SitesOf(g);
                    var times = inst.TimesOf(g);
                    for (int k = 0; k < sites.Length; k++) if (chosen[sites[k]] && inst.Weight[g] * (double)times[k] < mult[g]) assigned++;
                    sub[g] = 1 - assigned;
                }
            }
            bool improved = max ? l < best - 1e-9 : l > best + 1e-9;
            if (improved) { best = l; stall = 0; } else if (++stall >= 15) { theta /= 2; stall = 0; }
            if (SitePlanner.Proven(inst.Problem, incumbent.Objective, best) || theta < 1e-4) break;
            double norm = 0;
            foreach (double x in sub) norm += x * x;
            if (norm == 0) break;
            double step = theta * Math.Abs(l - incumbent.Objective) / norm;
            if (step == 0) break;
            for (int g = 0; g < groups; g++)
                mult[g] = max ? Math.Max(0, mult[g] - step * sub[g]) : mult[g] + step * sub[g];
        }
        return double.IsFinite(best) ? best : null;
    }

    /// <summary>Fixed sites, plus the p − |fixed| best others (largest values for MCLP, most negative for p-median).</summary>
    private static void Choose(LocationInstance inst, double[] value, bool[] chosen, bool max)
    {
        var free = new List<int>();
        for (int s = 0; s < inst.SiteCount; s++) { chosen[s] = inst.Fixed[s]; if (!inst.Fixed[s]) free.Add(s); }
        free.Sort((a, b) => max ? value[b].CompareTo(value[a]) : value[a].CompareTo(value[b]));
        int need = inst.P - inst.FixedCount;
        for (int i = 0; i < need && i < free.Count; i++) chosen[free[i]] = true;
    }
}
