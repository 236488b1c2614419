namespace Territory.Planning.Location;

/// <summary>p-center: the smallest radius whose greedy set cover needs at most p sites (binary search on the times), then p-median greedy padding and swaps.</summary>
/// <remarks>
/// The classic reduction of p-center to a sequence of covering problems (Minieka, 1970) with the
/// greedy cover as the oracle. When p sites cannot cover everything within T, the maximal-covering
/// greedy starts instead. Remaining sites are added by the p-median greedy (they shorten the
/// average trip without lengthening the worst), then single swaps that lower the worst time (then
/// the weighted sum) are applied while the model is small enough to re-evaluate.
/// </remarks>
internal static class CenterHeuristic
{
    private const int MaxPairsForSwaps = 300_000;

    public static bool[] Solve(LocationInstance inst, Deadline deadline)
    {
        var times = inst.GroupTime.Distinct().Order().ToArray();
        bool[]? best = null;
        int lo = 0, hi = times.Length - 1;
        while (lo <= hi && !deadline.Expired)
        {
            int mid = (lo + hi) / 2;
            var cover = LscpHeuristic.Cover(inst, times[mid]);
            if (cover is not null && cover.Count(o => o) <= inst.P) { best = cover; hi = mid - 1; }
            else lo = mid + 1;
        }
        var open = MedianHeuristic.Greedy(inst, best ?? MclpHeuristic.Greedy(inst));
        return inst.PairCount <= MaxPairsForSwaps ? Swaps(inst, open, deadline) : open;
    }

    private static bool[] Swaps(LocationInstance inst, bool[] open, Deadline deadline)
    {
        var current = Score(inst, open);
        bool improved = true;
        while (improved && !deadline.Expired)
        {
            improved = false;
            for (int r = 0; r < inst.SiteCount && !improved && !deadline.Expired; r++)
            {
                if (!open[r] || inst.Fixed[r]) continue;
                for (int a = 0; a < inst.SiteCount && !improved; a++)
                {
                    if (open[a]) continue;
                    open[r] = false; open[a] = true;
                    var score = Score(inst, open);
                    if (score.CompareTo(current) < 0) { current = score; improved = true; }
                    else { open[a] = false; open[r] = true; }
                }
            }
        }
        return open;
    }

    private static (long Worst, long Sum) Score(LocationInstance inst, bool[] open)
    {
        long worst = 0, sum = 0;
        for (int g = 0; g < inst.GroupCount; g++)
        {
            int t = Evaluator.NearestTime(inst, g, open);
            long time = t >= 0 ? t : inst.PenaltySeconds;
            worst = Math.Max(worst, time);
            sum += inst.Weight[g] * time;
        }
        return (worst, sum);
    }
}
