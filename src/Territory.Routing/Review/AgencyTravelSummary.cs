namespace Territory.Routing.Review;

/// <summary>Travel statistics of the estates an agency serves (its managed estates, or those nearest to it when unnamed).</summary>
/// <remarks>Mean, median, 90th percentile and max are dwelling-weighted, in minutes, over timed estates.</remarks>
/// <param name="AgencyId">Agency id.</param>
/// <param name="EstateCount">Estates served.</param>
/// <param name="Dwellings">Dwellings in those estates.</param>
/// <param name="MeanMinutes">Dwelling-weighted mean travel time.</param>
/// <param name="MedianMinutes">Dwelling-weighted median travel time.</param>
/// <param name="P90Minutes">Dwelling-weighted 90th percentile travel time.</param>
/// <param name="MaxMinutes">Longest travel time.</param>
/// <param name="DwellingsBeyondMinutes">Dwellings farther than each threshold (minutes → dwellings).</param>
/// <param name="EstatesNearerToAnotherAgency">Managed estates whose nearest agency is another one.</param>
/// <param name="UnreachableEstates">Served estates that could not be timed.</param>
/// <param name="Estimated">True when straight-line estimates were used.</param>
public sealed record AgencyTravelSummary(
    string AgencyId,
    int EstateCount,
    int Dwellings,
    double? MeanMinutes,
    double? MedianMinutes,
    double? P90Minutes,
    double? MaxMinutes,
    IReadOnlyDictionary<int, int> DwellingsBeyondMinutes,
    int EstatesNearerToAnotherAgency,
    int UnreachableEstates,
    bool Estimated);
