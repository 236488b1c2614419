namespace Territory.Planning.Location;

/// <summary>Assigns whole estates (groups) to open sites within T, nearest pairs first, while capacity remains.</summary>
/// <remarks>
/// A seed for the exact model, not an optimum: groups left over stay unassigned (not served).
/// For LSCP, sites are added while some coverable group is left, the one taking the most of
/// the left-over dwellings first.
/// </remarks>
internal static class CapacitatedAssignment
{
    public static int[] Assign(LocationInstance inst, bool[] open)
    {
        var capacity = inst.Capacity!;
        var left = new long[inst.SiteCount];
        for (int s = 0; s < inst.SiteCount; s++) left[s] = open[s] ? capacity[s] : 0;
        var pairs = new List<(int Time, int Group, int Site)>();
        for (int g = 0; g < inst.GroupCount; g++)
        {
            var sites = inst.SitesOf(g);
            var times = inst.TimesOf(g);
            for (int k = 0; k < sites.Length; k++) if (open[sites[k]]) pairs.Add((times[k], g, sites[k]));
        }
        pairs.Sort();
        var assignment = new int[inst.GroupCount];
        Array.Fill(assignment, -1);
        foreach (var (_, g, s) in pairs)
        {
            if (assignment[g] >= 0 || left[s] < inst.Dwellings[g]) continue;
            assignment[g] = s;
            left[s] -= inst.Dwellings[g];
        }
        return assignment;
    }

    /// <summary>LSCP with capacities: opens sites from <paramref name="start"/> until every group is assigned or no site helps.</summary>
    public static (bool[] Open, int[] Assignment) Cover(LocationInstance inst, bool[] start)
    {
        var open = (bool[])start.Clone();
        while (true)
        {
            var assignment = Assign(inst, open);
            var leftOver = new long[inst.SiteCount];
            bool any = false;
            for (int g = 0; g < inst.GroupCount; g++)
            {
                if (assignment[g] >= 0) continue;
                any = true;
                foreach (int s in inst.SitesOf(g)) if (!open[s]) leftOver[s] += Math.Min(inst.Dwellings[g], inst.Capacity![s]);
            }
            if (!any) return (open, assignment);
            int best = -1;
            for (int s = 0; s < inst.SiteCount; s++) if (!open[s] && leftOver[s] > 0 && (best < 0 || leftOver[s] > leftOver[best])) best = s;
            if (best < 0) return (open, assignment);
            open[best] = true;
        }
    }
}
