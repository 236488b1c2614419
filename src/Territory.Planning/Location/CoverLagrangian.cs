namespace Territory.Planning.Location;

/// <summary>LSCP: Lagrangian relaxation of the covering rows, for a lower bound and better covers (Beasley, 1990).</summary>
/// <remarks>
/// <para>Rows are the groups that matter (implied rows and rows a fixed site covers are left out),
/// over the sites not closed. With u_r ≥ 0, a site's reduced cost is c_j = 1 − Σ_{r ∋ j} u_r and
/// L(u) = Σ_r u_r + Σ_j min(0, c_j) (+ the fixed sites) bounds the number of sites from below; its
/// ceiling is the bound. Multipliers start at the smallest 1 / |rows of j| over each row's sites
/// and follow Polyak subgradient steps towards the best cover, halved after 20 iterations without
/// progress.</para>
/// <para>Every 10 iterations the relaxed solution (sites of negative reduced cost) is completed
/// greedily into a cover and made minimal (least useful sites closed first): the best cover wins.</para>
/// </remarks>
internal static class CoverLagrangian
{
    internal sealed record Result(double Bound, bool[] Best, long BestCount);

    public static Result? Compute(LocationInstance inst, bool[] incumbent, bool[]? implied, bool[]? closed, Deadline deadline, double budgetSeconds)
    {
        var rows = new List<int[]>();
        for (int g = 0; g < inst.GroupCount; g++)
        {
            if (implied?[g] == true) continue;
            var sites = new List<int>();
            bool fixedCovers = false;
            foreach (int s in inst.SitesOf(g)) { if (closed?[s] != true) sites.Add(s); fixedCovers |= inst.Fixed[s]; }
            if (!fixedCovers) rows.Add([.. sites]);
        }
        if (rows.Count == 0 || rows.Any(r => r.Length == 0)) return null;
        int n = inst.SiteCount, fixedCount = inst.FixedCount;
        var rowsOf = new List<int>[n];
        for (int s = 0; s < n; s++) rowsOf[s] = [];
        for (int r = 0; r < rows.Count; r++) foreach (int s in rows[r]) rowsOf[s].Add(r);
        var u = rows.Select(row => row.Min(s => 1.0 / rowsOf[s].Count)).ToArray();
        var best = (bool[])incumbent.Clone();
        long upper = best.Count(o => o);
        double lower = double.NegativeInfinity, theta = 2;
        var reduced = new double[n];
        var sub = new double[rows.Count];
        int stall = 0;
        double stopAt = deadline.ElapsedSeconds + budgetSeconds;
        for (int it = 0; it < 5000 && deadline.ElapsedSeconds < stopAt && !deadline.Token.IsCancellationRequested; it++)
        {
            double l = fixedCount;
            for (int r = 0; r < u.Length; r++) l += u[r];
            for (int s = 0; s < n; s++)
            {
                if (inst.Fixed[s] || closed?[s] == true) { reduced[s] = double.PositiveInfinity; continue; }
                double c = 1;
                foreach (int r in rowsOf[s]) c -= u[r];
                reduced[s] = c;
                if (c < 0) l += c;
            }
            if (l > lower + 1e-9) { lower = l; stall = 0; } else if (++stall >= 20) { theta /= 2; stall = 0; }
            if (it % 10 == 0)
            {
                var cover = Complete(inst, rows, rowsOf, reduced);
                long count = cover.Count(o => o);
                if (count < upper) { upper = count; best = cover; }
            }
            if (Math.Ceiling(lower - 1e-6) >= upper || theta < 1e-3) break;
            double norm = 0;
            for (int r = 0; r < rows.Count; r++)
            {
                int covered = 0;
                foreach (int s in rows[r]) if (reduced[s] < 0) covered++;
                sub[r] = 1 - covered;
                norm += sub[r] * sub[r];
            }
            if (norm == 0) break;
            double step = theta * Math.Max(0.5, upper - l) / norm;
            for (int r = 0; r < u.Length; r++) u[r] = Math.Max(0, u[r] + step * sub[r]);
        }
        return double.IsFinite(lower) ? new Result(lower, best, upper) : null;
    }

    /// <summary>Fixed sites and the sites of negative reduced cost, completed greedily (most uncovered rows per reduced cost), then made minimal.</summary>
    private static bool[] Complete(LocationInstance inst, List<int[]> rows, List<int>[] rowsOf, double[] reduced)
    {
        int n = inst.SiteCount;
        var open = new bool[n];
        var count = new int[rows.Count];
        int uncovered = rows.Count;
        for (int s = 0; s < n; s++) if (inst.Fixed[s] || reduced[s] < 0) Open(s);
        while (uncovered > 0)
        {
            int pick = -1;
            double score = double.PositiveInfinity;
            for (int s = 0; s < n; s++)
            {
                if (open[s] || double.IsPositiveInfinity(reduced[s])) continue;
                int gain = 0;
                foreach (int r in rowsOf[s]) if (count[r] == 0) gain++;
                if (gain == 0) continue;
                double value = Math.Max(reduced[s], 1e-6) / gain;
                if (value < score) { score = value; pick = s; }
            }
            if (pick < 0) break;
            Open(pick);
        }
        foreach (int s in Enumerable.Range(0, n).Where(s => open[s] && !inst.Fixed[s]).OrderByDescending(s => reduced[s]).ThenByDescending(s => s))
        {
            if (rowsOf[s].Any(r => count[r] < 2)) continue;
            open[s] = false;
            foreach (int r in rowsOf[s]) count[r]--;
        }
        return open;

        void Open(int s)
        {
            open[s] = true;
            foreach (int r in rowsOf[s]) if (count[r]++ == 0) uncovered--;
        }
    }
}
