namespace Territory.Planning.Location;

/// <summary>Finds candidate sites another candidate dominates, so the exact model can leave them out.</summary>
/// <remarks>
/// Site j is dominated by k when k reaches every group j reaches within T (coverage problems), and
/// no slower (p-median, p-center). Then any plan opening j is matched by one opening k instead, or
/// by one opening any other site if k is already open: the optimum does not change. Identical sites
/// keep the lower index. Fixed sites are never dropped; capacitated problems are left alone (a
/// dominated site may still add capacity). Subset tests run on bitsets over the groups, against the
/// sites covering j's rarest group only.
/// </remarks>
internal static class SiteDominance
{
    public static bool[] Find(LocationInstance inst, Deadline deadline)
    {
        int n = inst.SiteCount;
        var dominated = new bool[n];
        if (inst.Capacitated || inst.GroupCount == 0) return dominated;
        bool timed = inst.Problem is PlanningProblem.PMedian or PlanningProblem.PCenter;
        int words = (inst.GroupCount + 63) / 64;
        var bits = new ulong[n][];
        var size = new int[n];
        for (int s = 0; s < n; s++)
        {
            bits[s] = new ulong[words];
            foreach (int g in inst.GroupsOf(s)) bits[s][g >> 6] |= 1UL << (g & 63);
            size[s] = inst.SiteFirst[s + 1] - inst.SiteFirst[s];
        }
        var coverers = new int[inst.GroupCount];
        for (int g = 0; g < coverers.Length; g++) coverers[g] = inst.GroupFirst[g + 1] - inst.GroupFirst[g];
        for (int j = 0; j < n && !deadline.Expired; j++)
        {
            if (inst.Fixed[j] || size[j] == 0) { dominated[j] = !inst.Fixed[j] && size[j] == 0; continue; }
            int rarest = -1;
            foreach (int g in inst.GroupsOf(j)) if (rarest < 0 || coverers[g] < coverers[rarest]) rarest = g;
            foreach (int k in inst.SitesOf(rarest))
            {
                if (k == j || dominated[k] || size[k] < size[j] || (size[k] == size[j] && k > j && Same(bits[j], bits[k]))) continue;
                if (Subset(bits[j], bits[k]) && (!timed || NoSlower(inst, j, k))) { dominated[j] = true; break; }
            }
        }
        return dominated;
    }

    private static bool Subset(ulong[] a, ulong[] b)
    {
        for (int i = 0; i < a.Length; i++) if ((a[i] & ~b[i]) != 0) return false;
        return true;
    }

    private static bool Same(ulong[] a, ulong[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary>k reaches each group of j at least as fast (both rows sorted by group).</summary>
    private static bool NoSlower(LocationInstance inst, int j, int k)
    {
        var gj = inst.GroupsOf(j); var tj = inst.GroupTimesOf(j);
        var gk = inst.GroupsOf(k); var tk = inst.GroupTimesOf(k);
        int b = 0;
        for (int a = 0; a < gj.Length; a++)
        {
            while (gk[b] != gj[a]) b++;
            if (tk[b] > tj[a]) return false;
        }
        return true;
    }
}
