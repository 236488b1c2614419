namespace Territory.Planning.Location;

/// <summary>The solver's view of a request: integer times and weights, estates merged into demand groups, both adjacency directions.</summary>
/// <remarks>
/// <para>Only pairs within T are kept (seconds rounded to whole seconds). Estates with no such pair
/// are uncoverable and left out. Without capacities, estates with the same reachable sites (coverage
/// problems) or the same sites at the same times (p-median, p-center) form one group whose weight is
/// the sum: the optimum is unchanged and the model shrinks. With capacities each estate is its own
/// group (an estate is assigned whole), and pairs to sites too small for it are dropped.</para>
/// <para>Group rows are sorted by time then site; site rows by group.</para>
/// </remarks>
internal sealed partial class LocationInstance
{
    public required PlanningProblem Problem { get; init; }
    public required int SiteCount { get; init; }
    /// <summary>p (0 for LSCP).</summary>
    public required int P { get; init; }
    public required bool[] Fixed { get; init; }
    /// <summary>Capacity per site in dwellings (long.MaxValue for none); null when the problem is uncapacitated.</summary>
    public required long[]? Capacity { get; init; }
    public required int LimitSeconds { get; init; }
    /// <summary>Cost of an estate left beyond reach (p-median, p-center), seconds.</summary>
    public required int PenaltySeconds { get; init; }
    /// <summary>Integer weights are dwellings × weight × this.</summary>
    public required double WeightScale { get; init; }

    /// <summary>Yearly cost of each site counted against <see cref="Budget"/>, whole euros: 0 for existing points and sites without a cost.</summary>
    public required long[] Cost { get; init; }
    /// <summary>Most the open sites may cost a year, whole euros; null for no budget.</summary>
    public long? Budget { get; init; }

    /// <summary>True when the open sites' cost stays within the budget (always without one).</summary>
    public bool Affordable(bool[] open)
    {
        if (Budget is not { } budget) return true;
        long total = 0;
        for (int s = 0; s < open.Length; s++) if (open[s]) total += Cost[s];
        return total <= budget;
    }

    public required long[] Weight { get; init; }
    public required long[] Dwellings { get; init; }
    public required int[] GroupFirst { get; init; }
    public required int[] GroupSite { get; init; }
    public required int[] GroupTime { get; init; }
    public required int[] SiteFirst { get; init; }
    public required int[] SiteGroup { get; init; }
    public required int[] SiteTime { get; init; }
    /// <summary>Group of each estate, -1 when uncoverable.</summary>
    public required int[] EstateGroup { get; init; }
    public required int[] MemberFirst { get; init; }
    public required int[] Members { get; init; }
    public required IReadOnlyList<UncoverableEstate> Uncoverable { get; init; }

    public int GroupCount => Weight.Length;

    public int PairCount => GroupSite.Length;

    public bool Capacitated => Capacity is not null;

    public int FixedCount => Fixed.Count(f => f);

    public ReadOnlySpan<int> SitesOf(int group) => GroupSite.AsSpan(GroupFirst[group], GroupFirst[group + 1] - GroupFirst[group]);

    public ReadOnlySpan<int> TimesOf(int group) => GroupTime.AsSpan(GroupFirst[group], GroupFirst[group + 1] - GroupFirst[group]);

    public ReadOnlySpan<int> GroupsOf(int site) => SiteGroup.AsSpan(SiteFirst[site], SiteFirst[site + 1] - SiteFirst[site]);

    public ReadOnlySpan<int> GroupTimesOf(int site) => SiteTime.AsSpan(SiteFirst[site], SiteFirst[site + 1] - SiteFirst[site]);

    public ReadOnlySpan<int> MembersOf(int group) => Members.AsSpan(MemberFirst[group], MemberFirst[group + 1] - MemberFirst[group]);

    /// <summary>Time from a site to a group, seconds; -1 when beyond T.</summary>
    public int Time(int group, int site)
    {
        var sites = SitesOf(group);
        var times = TimesOf(group);
        for (int k = 0; k < sites.Length; k++) if (sites[k] == site) return times[k];
        return -1;
    }
}
