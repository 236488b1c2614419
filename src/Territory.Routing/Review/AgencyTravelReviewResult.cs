using Territory.Core.Model;

namespace Territory.Routing.Review;

/// <summary>Outcome of an agency travel review.</summary>
/// <param name="Access">Per estate: time from its managing agency if named, else from the nearest agency.</param>
/// <param name="Estates">Per estate detail (nearest and managing agency).</param>
/// <param name="Agencies">Per agency statistics.</param>
/// <param name="Estimated">True when no road graph was used: every value is a straight-line estimate.</param>
/// <param name="UnsnappedAgencies">Agencies too far from a routable road, with the reason.</param>
public sealed record AgencyTravelReviewResult(
    IReadOnlyList<EstateAccess> Access,
    IReadOnlyList<EstateTravel> Estates,
    IReadOnlyList<AgencyTravelSummary> Agencies,
    bool Estimated,
    IReadOnlyDictionary<string, string> UnsnappedAgencies)
{
    /// <summary>Every agency × estate cell (seconds, metres or reason); null only for a result built by hand.</summary>
    public AgencyEstateMatrix? Matrix { get; init; }
}
