namespace Territory.Planning.Location;

/// <summary>p-median: lazy greedy (Kuehn–Hamburger), then the fast swap-based local search of Resende and Werneck (2003).</summary>
/// <remarks>
/// Each group keeps its nearest and second-nearest open sites (d1, d2); "beyond reach" acts as an
/// always-open site at the penalty time. One pass computes gain(a) of every closed site, loss(r)
/// of every open one and extra(a, r); the best swap gains gain − loss + extra. Fixed sites stay.
/// Integer weights and seconds: sums are exact.
/// </remarks>
internal static class MedianHeuristic
{
    /// <summary>Adds sites to <paramref name="start"/> (the fixed sites by default) until p are open, each the one saving the most.</summary>
    public static bool[] Greedy(LocationInstance inst, bool[]? start = null)
    {
        var open = (bool[])(start ?? inst.Fixed).Clone();
        var d1 = new long[inst.GroupCount];
        for (int g = 0; g < inst.GroupCount; g++) { int t = Evaluator.NearestTime(inst, g, open); d1[g] = t >= 0 ? t : inst.PenaltySeconds; }
        var queue = new GreedyQueue();
        for (int s = 0; s < inst.SiteCount; s++) if (!open[s]) queue.Push(s, Gain(s));
        for (int need = inst.P - open.Count(o => o); need > 0 && queue.Count > 0; need--)
        {
            int s = queue.PopBest(Gain, out _);
            open[s] = true;
            var groups = inst.GroupsOf(s);
            var times = inst.GroupTimesOf(s);
            for (int k = 0; k < groups.Length; k++) d1[groups[k]] = Math.Min(d1[groups[k]], times[k]);
        }
        return open;

        long Gain(int s)
        {
            long gain = 0;
            var groups = inst.GroupsOf(s);
            var times = inst.GroupTimesOf(s);
            for (int k = 0; k < groups.Length; k++) if (times[k] < d1[groups[k]]) gain += inst.Weight[groups[k]] * (d1[groups[k]] - times[k]);
            return gain;
        }
    }

    public static bool[] Interchange(LocationInstance inst, bool[] start, Deadline deadline)
    {
        var open = (bool[])start.Clone();
        int n = inst.SiteCount, groups = inst.GroupCount;
        var d1 = new long[groups]; var d2 = new long[groups]; var s1 = new int[groups];
        var gain = new long[n]; var loss = new long[n]; var slot = new int[n];
        while (!deadline.Expired)
        {
            var free = Enumerable.Range(0, n).Where(s => open[s] && !inst.Fixed[s]).ToArray();
            if (free.Length == 0 || free.Length + inst.FixedCount == n) break;
            Array.Fill(slot, -1);
            for (int i = 0; i < free.Length; i++) slot[free[i]] = i;
            for (int g = 0; g < groups; g++) Nearest(g);
            Array.Clear(gain); Array.Clear(loss);
            var extra = new long[n * free.Length];
            for (int g = 0; g < groups; g++)
            {
                long w = inst.Weight[g];
                if (s1[g] >= 0 && slot[s1[g]] >= 0)
                {
                    int r = slot[s1[g]];
                    loss[s1[g]] += w * (d2[g] - d1[g]);
                    var sites = inst.SitesOf(g);
                    var times = inst.TimesOf(g);
                    for (int k = 0; k < sites.Length && times[k] < d2[g]; k++)
                        if (!open[sites[k]]) extra[sites[k] * free.Length + r] += w * (d2[g] - Math.Max(times[k], d1[g]));
                }
                var all = inst.SitesOf(g);
                var at = inst.TimesOf(g);
                for (int k = 0; k < all.Length && at[k] < d1[g]; k++) if (!open[all[k]]) gain[all[k]] += w * (d1[g] - at[k]);
            }
            long best = 0;
            int bestIn = -1, bestOut = -1;
            for (int a = 0; a < n; a++)
            {
                if (open[a]) continue;
                for (int i = 0; i < free.Length; i++)
                {
                    long delta = gain[a] - loss[free[i]] + extra[a * free.Length + i];
                    if (delta > best) { best = delta; bestIn = a; bestOut = free[i]; }
                }
            }
            if (bestIn < 0) break;
            open[bestOut] = false;
            open[bestIn] = true;
        }
        return open;

        void Nearest(int g)
        {
            d1[g] = d2[g] = inst.PenaltySeconds; s1[g] = -1;
            var sites = inst.SitesOf(g);
            var times = inst.TimesOf(g);
            for (int k = 0; k < sites.Length; k++)
            {
                if (!open[sites[k]]) continue;
                if (s1[g] < 0) { s1[g] = sites[k]; d1[g] = times[k]; }
                else { d2[g] = times[k]; break; }
            }
        }
    }
}
