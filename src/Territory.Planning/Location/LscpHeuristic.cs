namespace Territory.Planning.Location;

/// <summary>Set covering: greedy on the number of groups newly covered (Chvátal), then removal of redundant sites.</summary>
/// <remarks>
/// Redundant sites (every group they cover has another open site) are closed, the least useful
/// first, so the result is a minimal cover. The time limit of the pairs used can be lowered below
/// T, for the p-center radius search.
/// </remarks>
internal static class LscpHeuristic
{
    /// <summary>
    /// A cover within the budget when the greedy finds one: first on coverage alone, then, when that cover costs too much,
    /// on coverage per euro (and the dearest redundant sites closed first); else the cheaper-looking cover anyway (not
    /// feasible: the exact model decides), or null when some group cannot be covered at all.
    /// </summary>
    public static bool[]? Affordable(LocationInstance inst, bool[]? implied, bool[]? closed)
    {
        var plain = Cover(inst, int.MaxValue, implied, closed) ?? Cover(inst);
        if (plain is null || inst.Affordable(plain)) return plain;
        var thrifty = Cover(inst, int.MaxValue, implied, closed, perEuro: true) ?? Cover(inst, perEuro: true);
        return thrifty is not null && inst.Affordable(thrifty) ? thrifty : plain;
    }

    /// <summary>A cover of every group using pairs within <paramref name="maxTime"/> seconds, or null when some group cannot be covered.</summary>
    /// <param name="inst">The instance.</param>
    /// <param name="maxTime">Longest pair used, seconds.</param>
    /// <param name="implied">Groups covered whenever the others are (<see cref="CoverRows"/>): not counted in the gains, so the
    /// greedy follows the groups that are hard to reach instead of the many that every site reaches.</param>
    /// <param name="closed">Sites not to open.</param>
    /// <param name="perEuro">Rank sites by groups newly covered per euro of yearly cost (budgeted plans).</param>
    public static bool[]? Cover(LocationInstance inst, int maxTime = int.MaxValue, bool[]? implied = null, bool[]? closed = null, bool perEuro = false)
    {
        int n = inst.SiteCount;
        var open = (bool[])inst.Fixed.Clone();
        var count = new int[inst.GroupCount];
        int uncovered = 0;
        for (int g = 0; g < inst.GroupCount; g++) if (implied?[g] != true) uncovered++;
        for (int s = 0; s < n; s++) if (open[s]) Apply(s, +1);
        var queue = new GreedyQueue();
        for (int s = 0; s < n; s++) if (!open[s] && closed?[s] != true) queue.Push(s, Rank(s));
        while (uncovered > 0)
        {
            int s = queue.PopBest(Rank, out long gain);
            if (s < 0 || gain == 0) return null;
            open[s] = true;
            Apply(s, +1);
        }
        var order = Enumerable.Range(0, n).Where(s => open[s] && !inst.Fixed[s])
            .OrderByDescending(s => perEuro ? inst.Cost[s] : 0).ThenBy(Reach).ThenByDescending(s => s).ToArray();
        foreach (int s in order)
        {
            bool redundant = true;
            var groups = inst.GroupsOf(s);
            var times = inst.GroupTimesOf(s);
            for (int k = 0; k < groups.Length && redundant; k++) if (times[k] <= maxTime && implied?[groups[k]] != true && count[groups[k]] < 2) redundant = false;
            if (!redundant) continue;
            open[s] = false;
            Apply(s, -1);
        }
        return open;

        void Apply(int s, int delta)
        {
            var groups = inst.GroupsOf(s);
            var times = inst.GroupTimesOf(s);
            for (int k = 0; k < groups.Length; k++)
            {
                if (times[k] > maxTime || implied?[groups[k]] == true) continue;
                int g = groups[k];
                if (delta > 0 && count[g] == 0) uncovered--;
                count[g] += delta;
                if (count[g] == 0) uncovered++;
            }
        }

        // Per euro: groups × 10⁹ / (1 + cost), so that a site of any cost with a gain keeps a positive rank.
        long Rank(int s) => perEuro ? Gain(s) * 1_000_000_000 / (1 + inst.Cost[s]) : Gain(s);

        long Gain(int s)
        {
            long gain = 0;
            var groups = inst.GroupsOf(s);
            var times = inst.GroupTimesOf(s);
            for (int k = 0; k < groups.Length; k++) if (times[k] <= maxTime && implied?[groups[k]] != true && count[groups[k]] == 0) gain++;
            return gain;
        }

        int Reach(int s)
        {
            int reach = 0;
            var groups = inst.GroupsOf(s);
            var times = inst.GroupTimesOf(s);
            for (int k = 0; k < groups.Length; k++) if (times[k] <= maxTime && implied?[groups[k]] != true) reach++;
            return reach;
        }
    }
}
