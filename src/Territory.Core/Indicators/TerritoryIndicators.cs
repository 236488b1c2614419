namespace Territory.Core.Indicators;

/// <summary>Indicators of one territory, the inputs of the classifier and of the recommendations.</summary>
/// <remarks>
/// Distances in metres, travel in minutes, shares in [0, 1]. Per-estate values (isolation, travel)
/// are aggregated as dwelling-weighted means. Null means unknown, never zero.
/// </remarks>
public sealed record TerritoryIndicators
{
    /// <summary>Dwellings (logements).</summary>
    public required int Dwellings { get; init; }
    /// <summary>Estates (programmes / résidences).</summary>
    public required int Estates { get; init; }
    /// <summary>Dwellings per estate.</summary>
    public double DwellingsPerEstate => Estates == 0 ? 0 : (double)Dwellings / Estates;
    /// <summary>Collective dwellings (collective and student housing).</summary>
    public required int CollectiveDwellings { get; init; }
    /// <summary>Share of collective dwellings among those whose kind is known; null when none is known.</summary>
    public double? CollectiveShare { get; init; }
    /// <summary>Dwellings located in a QPV.</summary>
    public required int QpvDwellings { get; init; }
    /// <summary>Share of the dwellings in a QPV.</summary>
    public double QpvShare => Dwellings == 0 ? 0 : (double)QpvDwellings / Dwellings;
    /// <summary>INSEE density level 1–7 of the territory's (dominant) commune.</summary>
    public int? DensityLevel { get; init; }
    /// <summary>True when <see cref="DensityLevel"/> was estimated from population and area.</summary>
    public bool DensityEstimated { get; init; }
    /// <summary>Population of the commune(s) the territory belongs to.</summary>
    public long? Population { get; init; }
    /// <summary>Share of the commune's (or sector's) area covered by QPV polygons.</summary>
    public double? QpvAreaShare { get; init; }
    /// <summary>Distance to the nearest other estate of the same landlord (dwelling-weighted mean), metres.</summary>
    public double? NearestSameLandlordMeters { get; init; }
    /// <summary>Dwellings of the same landlord within the isolation radius of each estate, excluding the estate (dwelling-weighted mean).</summary>
    public required double NearbyLandlordDwellings { get; init; }
    /// <summary>Dwelling-weighted mean travel time from the agency, minutes.</summary>
    public double? MeanTravelMinutes { get; init; }
    /// <summary>Longest travel time from the agency, minutes.</summary>
    public double? MaxTravelMinutes { get; init; }
    /// <summary>True when any travel time is a straight-line estimate.</summary>
    public bool TravelEstimated { get; init; }
    /// <summary>Distinct landlords present.</summary>
    public required IReadOnlyList<string> Landlords { get; init; }
    /// <summary>Offices (agence, antenne, bureau de proximité, siège) located inside the territory.</summary>
    public required int OfficesInside { get; init; }
    /// <summary>Site staff (gardiens) allocated to the territory, FTE.</summary>
    public required double SiteAgents { get; init; }
    /// <summary>Dwellings per site agent; null when no site staff is allocated.</summary>
    public double? DwellingsPerSiteAgent => SiteAgents > 0 ? Dwellings / SiteAgents : null;
    /// <summary>
    /// For a QPV part: social dwellings of every landlord loaded in the whole district (all its communes),
    /// the stock « grand quartier » is judged on; null otherwise.
    /// </summary>
    public int? DistrictDwellings { get; init; }
    /// <summary>For a QPV part: the district's municipal population (INSEE indicators), when imported.</summary>
    public int? DistrictPopulation { get; init; }
    /// <summary>Territory area, km².</summary>
    public required double AreaKm2 { get; init; }
}
