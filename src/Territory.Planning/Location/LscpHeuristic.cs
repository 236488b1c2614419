namespace Territory.Planning.Location;

/// <summary>Set covering: greedy on the number of groups newly covered (Chvátal), then removal of redundant sites.</summary>
/// <remarks>
/// Redundant sites (every group they cover has another open site) are closed, the least useful
/// first, so the result is a minimal cover. The time limit of the pairs used can be lowered below
/// T, for the p-center radius search.
/// </remarks>
internal static class LscpHeuristic
{
    /// <summary>A cover of every group using pairs within <paramref name="maxTime"/> seconds, or null when some group cannot be covered.</summary>
    /// <param name="inst">The instance.</param>
    /// <param name="maxTime">Longest pair used, seconds.</param>
    /// <param name="implied">Groups covered whenever the others are (<see cref="CoverRows"/>): not counted in the gains, so the
    /// greedy follows the groups that are hard to reach instead of the many that every site reaches.</param>
    /// <param name="closed">Sites not to open.</param>
    public static bool[]? Cover(LocationInstance inst, int maxTime = int.MaxValue, bool[]? implied = null, bool[]? closed = null)
    {
        int n = inst.SiteCount;
        var open = (bool[])inst.Fixed.Clone();
        var count = new int[inst.GroupCount];
        int uncovered = 0;
        for (int g = 0; g < inst.GroupCount; g++) if (implied?[g] != true) uncovered++;
        for (int s = 0; s < n; s++) if (open[s]) Apply(s, +1);
        var queue = new GreedyQueue();
        for (int s = 0; s < n; s++) if (!open[s] && closed?[s] != true) queue.Push(s, Gain(s));
        while (uncovered > 0)
        {
            int s = queue.PopBest(Gain, out long gain);
            if (s < 0 || gain == 0) return null;
            open[s] = true;
            Apply(s, +1);
        }
        var order = Enumerable.Range(0, n).Where(s => open[s] && !inst.Fixed[s]).OrderBy(Reach).ThenByDescending(s => s).ToArray();
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
