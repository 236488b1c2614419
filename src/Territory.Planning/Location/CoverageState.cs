namespace Territory.Planning.Location;

/// <summary>How many open sites cover each group, and which one when it is exactly one.</summary>
internal sealed class CoverageState
{
    private readonly LocationInstance _inst;

    public CoverageState(LocationInstance inst, bool[] open)
    {
        _inst = inst;
        Open = (bool[])open.Clone();
        Count = new int[inst.GroupCount];
        SiteSum = new long[inst.GroupCount];
        for (int s = 0; s < inst.SiteCount; s++)
            if (Open[s]) foreach (int g in inst.GroupsOf(s)) { Count[g]++; SiteSum[g] += s; }
    }

    public bool[] Open { get; }

    /// <summary>Open sites covering each group.</summary>
    public int[] Count { get; }

    /// <summary>Sum of the indices of the open sites covering each group: the covering site when <see cref="Count"/> is 1.</summary>
    public long[] SiteSum { get; }

    public void Add(int site)
    {
        Open[site] = true;
        foreach (int g in _inst.GroupsOf(site)) { Count[g]++; SiteSum[g] += site; }
    }

    public void Remove(int site)
    {
        Open[site] = false;
        foreach (int g in _inst.GroupsOf(site)) { Count[g]--; SiteSum[g] -= site; }
    }

    /// <summary>Weight (or number, when <paramref name="unweighted"/>) of uncovered groups a closed site would cover.</summary>
    public long Gain(int site, bool unweighted = false)
    {
        long gain = 0;
        foreach (int g in _inst.GroupsOf(site)) if (Count[g] == 0) gain += unweighted ? 1 : _inst.Weight[g];
        return gain;
    }
}
