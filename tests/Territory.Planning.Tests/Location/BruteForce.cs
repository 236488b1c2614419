namespace Territory.Planning.Tests.Location;

/// <summary>Reference objectives by enumeration of every p-subset (independent of the planner's code).</summary>
internal static class BruteForce
{
    /// <summary>Largest dwellings within T over all p-subsets.</summary>
    public static long Mclp(double?[,] minutes, int[] dwellings, double t, int p, int[]? mustOpen = null)
    {
        long best = -1;
        foreach (var set in Sets(minutes.GetLength(0), p, mustOpen))
        {
            long covered = 0;
            for (int e = 0; e < dwellings.Length; e++)
                if (set.Any(s => minutes[s, e] is { } m && m <= t)) covered += dwellings[e];
            best = Math.Max(best, covered);
        }
        return best;
    }

    /// <summary>Smallest Σ dwellings × seconds (estates beyond T of the set cost penalty × T; estates beyond T of every site are left out).</summary>
    public static long PMedian(double?[,] minutes, int[] dwellings, double t, int p, double penaltyFactor = 2)
    {
        long best = long.MaxValue;
        int sites = minutes.GetLength(0);
        foreach (var set in Sets(sites, p, null))
        {
            long cost = 0;
            for (int e = 0; e < dwellings.Length; e++)
            {
                if (!Enumerable.Range(0, sites).Any(s => minutes[s, e] is { } x && x <= t)) continue;
                double nearest = set.Select(s => minutes[s, e] is { } m && m <= t ? m * 60 : penaltyFactor * t * 60).Min();
                cost += dwellings[e] * (long)Math.Round(nearest);
            }
            best = Math.Min(best, cost);
        }
        return best;
    }

    /// <summary>Smallest worst time in seconds (penalty × T when the set leaves a coverable estate beyond T).</summary>
    public static long PCenter(double?[,] minutes, double t, int p, double penaltyFactor = 2)
    {
        long best = long.MaxValue;
        int sites = minutes.GetLength(0), estates = minutes.GetLength(1);
        foreach (var set in Sets(sites, p, null))
        {
            long worst = 0;
            for (int e = 0; e < estates; e++)
            {
                if (!Enumerable.Range(0, sites).Any(s => minutes[s, e] is { } x && x <= t)) continue;
                double nearest = set.Select(s => minutes[s, e] is { } m && m <= t ? m * 60 : penaltyFactor * t * 60).Min();
                worst = Math.Max(worst, (long)Math.Round(nearest));
            }
            best = Math.Min(best, worst);
        }
        return best;
    }

    /// <summary>Fewest sites covering every coverable estate within T.</summary>
    public static int Lscp(double?[,] minutes, double t)
    {
        int sites = minutes.GetLength(0), estates = minutes.GetLength(1);
        var coverable = Enumerable.Range(0, estates).Where(e => Enumerable.Range(0, sites).Any(s => minutes[s, e] is { } m && m <= t)).ToArray();
        for (int k = 0; k <= sites; k++)
            foreach (var set in Sets(sites, k, null))
                if (coverable.All(e => set.Any(s => minutes[s, e] is { } m && m <= t))) return k;
        return sites;
    }

    /// <summary>Best capacitated MCLP: every assignment of estates to an open site within T (or none) that fits the capacities.</summary>
    public static long CapacitatedMclp(double?[,] minutes, int[] dwellings, double t, int p, int capacity)
    {
        long best = 0;
        int estates = dwellings.Length;
        foreach (var set in Sets(minutes.GetLength(0), p, null))
        {
            var load = new long[minutes.GetLength(0)];
            Search(0, 0);

            void Search(int e, long covered)
            {
                if (e == estates) { best = Math.Max(best, covered); return; }
                Search(e + 1, covered);
                foreach (int s in set)
                {
                    if (minutes[s, e] is not { } m || m > t || load[s] + dwellings[e] > capacity) continue;
                    load[s] += dwellings[e];
                    Search(e + 1, covered + dwellings[e]);
                    load[s] -= dwellings[e];
                }
            }
        }
        return best;
    }

    private static IEnumerable<int[]> Sets(int n, int k, int[]? mustOpen) =>
        k == 0 ? [[]] : PlanningTestData.Subsets(n, k).Where(s => mustOpen is null || mustOpen.All(s.Contains));
}
