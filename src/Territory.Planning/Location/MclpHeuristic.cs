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
        var state = new CoverageState(inst, inst.Fixed);
        var queue = new GreedyQueue();
        for (int s = 0; s < inst.SiteCount; s++) if (!state.Open[s]) queue.Push(s, state.Gain(s));
        for (int need = inst.P - inst.FixedCount; need > 0 && queue.Count > 0; need--)
            state.Add(queue.PopBest(s => state.Gain(s), out _));
        return state.Open;
    }

    public static bool[] Interchange(LocationInstance inst, bool[] start, Deadline deadline)
    {
        var state = new CoverageState(inst, start);
        int n = inst.SiteCount;
        var gain = new long[n];
        var loss = new long[n];
        var slot = new int[n];
        while (!deadline.Expired)
        {
            var free = Enumerable.Range(0, n).Where(s => state.Open[s] && !inst.Fixed[s]).ToArray();
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
}
