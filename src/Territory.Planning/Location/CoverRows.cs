namespace Territory.Planning.Location;

/// <summary>Covering rows implied by others: a group whose reachable sites include all of another group's is covered whenever that one is.</summary>
/// <remarks>
/// The classic row reduction of set covering: when N_g ⊆ N_h, the constraint of h is redundant. In a
/// dense instance most groups are reached by hundreds of sites and fall to a peripheral group,
/// so LSCP and the covering models of the p-center search keep a few hundred rows out of tens of
/// thousands. Rows are scanned from the smallest; a candidate superset must hold the smallest
/// row's rarest site; subset tests use bitsets over the sites.
/// </remarks>
internal static class CoverRows
{
    /// <summary>Redundant rows (true) among <paramref name="rows"/>, each a list of site indices.</summary>
    public static bool[] Redundant(IReadOnlyList<int[]> rows, int siteCount, Deadline deadline)
    {
        int n = rows.Count, words = (siteCount + 63) / 64;
        var redundant = new bool[n];
        var bits = new ulong[n][];
        var rowsOfSite = new List<int>[siteCount];
        for (int s = 0; s < siteCount; s++) rowsOfSite[s] = [];
        for (int r = 0; r < n; r++)
        {
            bits[r] = new ulong[words];
            foreach (int s in rows[r]) { bits[r][s >> 6] |= 1UL << (s & 63); rowsOfSite[s].Add(r); }
        }
        var order = Enumerable.Range(0, n).OrderBy(r => rows[r].Length).ThenBy(r => r).ToArray();
        foreach (int g in order)
        {
            if (redundant[g] || rows[g].Length == 0) continue;
            if (deadline.Expired) break;
            int rarest = rows[g][0];
            foreach (int s in rows[g]) if (rowsOfSite[s].Count < rowsOfSite[rarest].Count) rarest = s;
            foreach (int h in rowsOfSite[rarest])
            {
                if (h == g || redundant[h] || rows[h].Length < rows[g].Length) continue;
                if (rows[h].Length == rows[g].Length && h < g) continue; // identical rows: keep the first
                if (Subset(bits[g], bits[h])) redundant[h] = true;
            }
        }
        return redundant;
    }

    private static bool Subset(ulong[] a, ulong[] b)
    {
        for (int i = 0; i < a.Length; i++) if ((a[i] & ~b[i]) != 0) return false;
        return true;
    }
}
