namespace Territory.Planning.Location;

/// <summary>
/// What any site plan states about itself, the solver's (<see cref="SitePlan"/>) and the one users see
/// (<see cref="Service.SitePlanResult"/>) alike: T, how many sites, the dwellings covered, the objective with its proven
/// bound and gap, how it was found, and the times of the served estates.
/// </summary>
/// <remarks>
/// <para><see cref="Objective"/> by problem — LSCP: number of sites; MCLP: weighted dwellings within T
/// (dwellings when every weight is 1); p-median: Σ dwellings × weight × seconds, an estate beyond
/// reach counting the penalty time; p-center: the worst time in seconds (the penalty time when an
/// estate is left beyond reach).</para>
/// <para><see cref="Bound"/> is the best proven bound on the objective (upper for MCLP, lower for the
/// others); <see cref="Gap"/> = |objective − bound| / |objective|. <see cref="Optimal"/> is true only when proven.</para>
/// </remarks>
public abstract record SitePlanFigures
{
    /// <summary>T, minutes.</summary>
    public required double Minutes { get; init; }
    /// <summary>Number of chosen sites.</summary>
    public required int Count { get; init; }
    /// <summary>Dwellings within T of their site.</summary>
    public required long CoveredDwellings { get; init; }
    /// <summary>All dwellings of the demand, reachable or not.</summary>
    public required long TotalDwellings { get; init; }
    public required double Objective { get; init; }
    public double? Bound { get; init; }
    public double? Gap { get; init; }
    public required bool Optimal { get; init; }
    /// <summary>What produced the plan: <c>cp_sat</c>, <c>mip_&lt;solver&gt;</c> or <c>heuristic</c> (see <see cref="SitePlanMethods"/>).</summary>
    public required string Method { get; init; }
    /// <summary>True when the times are straight-line estimates: outputs must say so.</summary>
    public required bool Estimated { get; init; }
    /// <summary>Estates no candidate reaches within T (left out of the coverage constraint), with the reason.</summary>
    public required IReadOnlyList<UncoverableEstate> Uncoverable { get; init; }
    /// <summary>Dwelling-weighted mean travel time of the served estates, minutes; null when none is served.</summary>
    public double? MeanMinutes { get; init; }
    /// <summary>Longest travel time of a served estate, minutes; null when none is served.</summary>
    public double? WorstMinutes { get; init; }

    /// <summary>Share of the dwellings within T of their site, in [0, 1].</summary>
    public double CoveredShare => TotalDwellings == 0 ? 0 : (double)CoveredDwellings / TotalDwellings;
}
