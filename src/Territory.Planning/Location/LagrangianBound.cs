namespace Territory.Planning.Location;

/// <summary>Lagrangian relaxation of MCLP and p-median: a bound, and the sites no plan at least as good as the incumbent can open.</summary>
/// <remarks>
/// <para>MCLP (upper bound): relax y_g ≤ Σ_{j ∈ N_g} x_j with μ_g ≥ 0;
/// L(μ) = Σ_g max(0, w_g − μ_g) + Σ_{fixed} v_j + the p − |fixed| largest other v_j, v_j = Σ_{g ∈ G_j} μ_g.</para>
/// <para>p-median (lower bound): relax Σ_j z_gj + u_g = 1 with λ_g;
/// L(λ) = Σ_g λ_g + Σ_g min(0, w_g P − λ_g) + Σ_{fixed} ρ_j + the p − |fixed| smallest other ρ_j,
/// ρ_j = Σ_{g ∈ G_j} min(0, w_g t_gj − λ_g) (P the beyond-reach penalty).</para>
/// <para>Multipliers start from the incumbent (μ_g = w_g when one open site covers g or none does, 0
/// when several do; λ_g = w_g × the second-nearest open time), where L equals the incumbent's value
/// when the incumbent's sites carry the best values; then Polyak subgradient steps towards the
/// incumbent's value, halved after 10 iterations without progress, at most 300 iterations within
/// the time budget. Since the subproblem has the integrality property, the bound tends to the LP one.</para>
/// <para>Probing: forcing a site j open replaces the worst chosen value by j's, so
/// L − v_last + v_j bounds every plan opening j; when that cannot reach the incumbent, j is closed in
/// every optimal plan and the exact model drops it.</para>
/// </remarks>
internal static class LagrangianBound
{
    private const int MaxIterations = 300;

    internal sealed record Result(double Bound, bool[] Closed);

    /// <param name="inst">The instance.</param>
    /// <param name="incumbent">The best plan known (its value steers the steps and the probing).</param>
    /// <param name="known">The best bound known: when 20 iterations do not beat it, the relaxation gives up.</param>
    /// <param name="deadline">The solve's clock.</param>
    /// <param name="budgetSeconds">Time the relaxation may take.</param>
    public static Result? Compute(LocationInstance inst, LocationSolution incumbent, double? known, Deadline deadline, double budgetSeconds)
    {
        if (inst.Problem is not (PlanningProblem.Mclp or PlanningProblem.PMedian) || inst.Capacitated || inst.GroupCount == 0) return null;
        bool max = inst.Problem == PlanningProblem.Mclp;
        double stopAt = deadline.ElapsedSeconds + budgetSeconds;
        var mult = Start(inst, incumbent.Open, max);
        var bestMult = (double[])mult.Clone();
        var sub = new double[inst.GroupCount];
        var chosen = new bool[inst.SiteCount];
        double best = max ? double.PositiveInfinity : double.NegativeInfinity, theta = 1;
        int stall = 0;
        for (int it = 0; it < MaxIterations && deadline.ElapsedSeconds < stopAt && !deadline.Token.IsCancellationRequested; it++)
        {
            double l = Evaluate(inst, mult, max, chosen, sub);
            if (max ? l < best - 1e-9 : l > best + 1e-9) { best = l; Array.Copy(mult, bestMult, mult.Length); stall = 0; }
            else if (++stall >= 10) { theta /= 2; stall = 0; }
            if (SitePlanner.Proven(inst.Problem, incumbent.Objective, best) || theta < 1e-3) break;
            if (it == 20 && known is { } k && (max ? best >= k : best <= k)) break;
            double norm = 0;
            foreach (double x in sub) norm += x * x;
            double step = norm == 0 ? 0 : theta * Math.Max(1, Math.Abs(l - incumbent.Objective)) / norm;
            if (step == 0) break;
            for (int g = 0; g < mult.Length; g++) mult[g] = max ? Math.Max(0, mult[g] - step * sub[g]) : mult[g] + step * sub[g];
        }
        if (!double.IsFinite(best)) return null;
        return new Result(best, Probe(inst, bestMult, best, incumbent.Objective, max));
    }

    private static double[] Start(LocationInstance inst, bool[] open, bool max)
    {
        var mult = new double[inst.GroupCount];
        for (int g = 0; g < mult.Length; g++)
        {
            int covering = 0;
            long second = inst.PenaltySeconds;
            var sites = inst.SitesOf(g);
            var times = inst.TimesOf(g);
            for (int k = 0; k < sites.Length && covering < 2; k++)
                if (open[sites[k]] && ++covering == 2) second = times[k];
            mult[g] = max ? inst.Weight[g] / (double)sites.Length : inst.Weight[g] * (double)second;
        }
        return mult;
    }

    /// <summary>L at the multipliers; fills the chosen sites and the subgradient.</summary>
    private static double Evaluate(LocationInstance inst, double[] mult, bool max, bool[] chosen, double[] sub)
    {
        var value = Values(inst, mult, max);
        Choose(inst, value, chosen, max);
        double l = 0;
        for (int s = 0; s < inst.SiteCount; s++) if (chosen[s]) l += value[s];
        for (int g = 0; g < inst.GroupCount; g++)
        {
            double w = inst.Weight[g];
            var sites = inst.SitesOf(g);
            if (max)
            {
                l += Math.Max(0, w - mult[g]);
                int covered = 0;
                foreach (int s in sites) if (chosen[s]) covered++;
                sub[g] = covered - (w > mult[g] ? 1 : 0);
            }
            else
            {
                double penalty = w * inst.PenaltySeconds;
                l += mult[g] + Math.Min(0, penalty - mult[g]);
                int assigned = penalty < mult[g] ? 1 : 0;
                var times = inst.TimesOf(g);
                for (int k = 0; k < sites.Length; k++) if (chosen[sites[k]] && w * times[k] < mult[g]) assigned++;
                sub[g] = 1 - assigned;
            }
        }
        return l;
    }

    private static double[] Values(LocationInstance inst, double[] mult, bool max)
    {
        var value = new double[inst.SiteCount];
        for (int s = 0; s < value.Length; s++)
        {
            double v = 0;
            var gs = inst.GroupsOf(s);
            var ts = inst.GroupTimesOf(s);
            for (int k = 0; k < gs.Length; k++) v += max ? mult[gs[k]] : Math.Min(0, inst.Weight[gs[k]] * (double)ts[k] - mult[gs[k]]);
            value[s] = v;
        }
        return value;
    }

    /// <summary>Fixed sites, plus the p − |fixed| best others (largest values for MCLP, smallest for p-median).</summary>
    private static List<int> Choose(LocationInstance inst, double[] value, bool[] chosen, bool max)
    {
        var free = new List<int>();
        for (int s = 0; s < inst.SiteCount; s++) { chosen[s] = inst.Fixed[s]; if (!inst.Fixed[s]) free.Add(s); }
        free.Sort((a, b) => max ? value[b].CompareTo(value[a]) : value[a].CompareTo(value[b]));
        int need = inst.P - inst.FixedCount;
        for (int i = 0; i < need && i < free.Count; i++) chosen[free[i]] = true;
        return free;
    }

    /// <summary>Sites that cannot be open in a plan at least as good as the incumbent (see remarks).</summary>
    private static bool[] Probe(LocationInstance inst, double[] mult, double bound, long incumbent, bool max)
    {
        var value = Values(inst, mult, max);
        var chosen = new bool[inst.SiteCount];
        var free = Choose(inst, value, chosen, max);
        var closed = new bool[inst.SiteCount];
        int need = inst.P - inst.FixedCount;
        if (need <= 0 || need >= free.Count) return closed;
        double last = value[free[need - 1]];
        foreach (int s in free.Skip(need))
        {
            double forced = bound - last + value[s];
            closed[s] = max ? Math.Floor(forced + 1e-6) < incumbent : Math.Ceiling(forced - 1e-6) > incumbent;
        }
        return closed;
    }
}
