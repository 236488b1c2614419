namespace Territory.Planning.Location;

/// <summary>Maximal covering: lazy greedy, then best-improvement vertex substitution (Teitz–Bart) with gain/loss/extra tables.</summary>
/// <remarks>
/// One interchange pass costs one sweep of the pairs: gain(a) of each closed site, loss(r) of each
/// open one, and extra(a, r), the weight covered only by r that a also covers (Resende and
/// Werneck's fast swap, applied to coverage). The best swap a ↔ r gains gain − loss + extra. Fixed
/// sites are never swapped out. Stops at a local optimum or at the deadline.
/// </remarks>
internal static class MclpHeuristic
{
    public static bool[] Greedy(LocationInstance inst)
    {
        if (inst.Budget is null) return Greedy(inst, false);
        // Budgeted maximum coverage: the better of the greedy on gain and the greedy on gain per euro (Khuller, Moss and Naor).
        var byGain = Greedy(inst, false);
        var perEuro = Greedy(inst, true);
        return Evaluator.Nearest(inst, perEuro).Objective > Evaluator.Nearest(inst, byGain).Objective ? perEuro : byGain;
    }

    /// <summary>Greedy up to p sites; with a budget, only sites it can still pay for, ranked by gain or by gain per euro.</summary>
    private static bool[] Greedy(LocationInstance inst, bool perEuro)
    {
        var state = new CoverageState(inst, inst.Fixed);
        var queue = new GreedyQueue();
        long left = inst.Budget is { } b ? b - Spent(inst, state.Open) : long.MaxValue;
        long Rank(int s) => perEuro ? state.Gain(s) * 1_000_000_000 / (1 + inst.Cost[s]) : state.Gain(s);
        for (int s = 0; s < inst.SiteCount; s++) if (!state.Open[s]) queue.Push(s, Rank(s));
        for (int need = inst.P - inst.FixedCount; need > 0 && queue.Count > 0;)
        {
            int s = queue.PopBest(Rank, out long rank);
            if (s < 0) break;
            // Budgets only shrink: a site too dear now stays too dear. With a budget, a site that adds nothing is not bought.
            if (inst.Cost[s] > left || (inst.Budget is not null && rank == 0)) continue;
            state.Add(s);
            left -= inst.Cost[s];
            need--;
        }
        return state.Open;
    }

    private static long Spent(LocationInstance inst, bool[] open)
    {
        long total = 0;
        for (int s = 0; s < open.Length; s++) if (open[s]) total += inst.Cost[s];
        return total;
    }

    public static bool[] Interchange(LocationInstance inst, bool[] start, Deadline deadline)
    {
        var state = new CoverageState(inst, start);
        int n = inst.SiteCount;
        var gain = new long[n];
        var loss = new long[n];
        var slot = new int[n];
        long budget = inst.Budget ?? long.MaxValue;
        while (!deadline.Expired)
        {
            var free = Enumerable.Range(0, n).Where(s => state.Open[s] && !inst.Fixed[s]).ToArray();
            long spent = Spent(inst, state.Open);
            // With a budget the plan may hold fewer than p sites: adding an affordable useful one is a move too.
            if (inst.Budget is not null && free.Length + inst.FixedCount < inst.P && BestAddition(inst, state, budget - spent) is { } add)
            {
                state.Add(add);
                continue;
            }
            if (free.Length == 0 || free.Length + inst.FixedCount == n) break;
            Array.Fill(slot, -1);
            for (int i = 0; i < free.Length; i++) slot[free[i]] = i;
            var extra = new long[n * free.Length];
            Array.Clear(gain); Array.Clear(loss);
            for (int s = 0; s < n; s++)
            {
                bool open = state.Open[s];
                if (open && inst.Fixed[s]) continue;
                foreach (int g in inst.GroupsOf(s))
                {
                    if (!open && state.Count[g] == 0) gain[s] += inst.Weight[g];
                    else if (open && state.Count[g] == 1) loss[s] += inst.Weight[g];
                }
            }
            for (int g = 0; g < inst.GroupCount; g++)
            {
                if (state.Count[g] != 1) continue;
                int r = (int)state.SiteSum[g];
                if (slot[r] < 0) continue;
                foreach (int a in inst.SitesOf(g)) if (!state.Open[a]) extra[a * free.Length + slot[r]] += inst.Weight[g];
            }
            long best = 0;
            int bestIn = -1, bestOut = -1;
            for (int a = 0; a < n; a++)
            {
                if (state.Open[a] || gain[a] == 0) continue;
                for (int i = 0; i < free.Length; i++)
                {
                    if (spent - inst.Cost[free[i]] + inst.Cost[a] > budget) continue;
                    long delta = gain[a] - loss[free[i]] + extra[a * free.Length + i];
                    if (delta > best) { best = delta; bestIn = a; bestOut = free[i]; }
                }
            }
            if (bestIn < 0) break;
            state.Remove(bestOut);
            state.Add(bestIn);
        }
        return state.Open;
    }

    /// <summary>The closed site adding the most weight among those within <paramref name="left"/> euros, or null when none adds any.</summary>
    private static int? BestAddition(LocationInstance inst, CoverageState state, long left)
    {
        int? best = null;
        long bestGain = 0;
        for (int s = 0; s < inst.SiteCount; s++)
        {
            if (state.Open[s] || inst.Cost[s] > left) continue;
            long g = state.Gain(s);
            if (g > bestGain) { bestGain = g; best = s; }
        }
        return best;
    }
}
