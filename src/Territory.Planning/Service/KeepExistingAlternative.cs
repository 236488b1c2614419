namespace Territory.Planning.Service;

/// <summary>
/// LSCP answered again with every existing point kept open: how many sites to add to today's network so that every
/// coverable estate is within T (the director's other question when the clean-slate plan closes points).
/// </summary>
/// <param name="Count">Sites in that plan, existing points included.</param>
/// <param name="Kept">Existing points kept.</param>
/// <param name="Added">New sites to add (<paramref name="Count"/> − <paramref name="Kept"/>).</param>
/// <param name="AddedIds">Ids of the new sites.</param>
/// <param name="CoveredDwellings">Dwellings within T of a site.</param>
/// <param name="Optimal">True when the number of sites is proven the least.</param>
/// <param name="Feasible">False when no cover exists within the budget with every existing point kept.</param>
/// <param name="YearlyCost">Yearly cost of the new sites, euros (sites without a cost count 0).</param>
public sealed record KeepExistingAlternative(int Count, int Kept, int Added, IReadOnlyList<string> AddedIds, long CoveredDwellings,
    bool Optimal, bool Feasible, double YearlyCost);
