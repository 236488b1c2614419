namespace Territory.Routing.Review;

/// <summary>Travel detail of one estate: nearest agency by road and its managing agency.</summary>
/// <param name="EstateId">Estate id.</param>
/// <param name="ManagingAgencyId">Agency named by the source (<c>Estate.AgencyId</c>), if any.</param>
/// <param name="NearestAgencyId">Fastest agency to reach the estate, null when none reaches it.</param>
/// <param name="NearestDurationSeconds">Travel time from the nearest agency, seconds.</param>
/// <param name="NearestDistanceMeters">Path length from the nearest agency, metres.</param>
/// <param name="ManagingDurationSeconds">Travel time from the managing agency, seconds.</param>
/// <param name="ManagingDistanceMeters">Path length from the managing agency, metres.</param>
/// <param name="SnapDistanceMeters">Distance from the estate to its road, metres (null without a graph).</param>
/// <param name="Estimated">True when straight-line estimates were used (no road graph).</param>
/// <param name="UnreachableReason">Why the estate could not be timed.</param>
public sealed record EstateTravel(
    string EstateId,
    string? ManagingAgencyId,
    string? NearestAgencyId,
    double? NearestDurationSeconds,
    double? NearestDistanceMeters,
    double? ManagingDurationSeconds,
    double? ManagingDistanceMeters,
    double? SnapDistanceMeters,
    bool Estimated,
    string? UnreachableReason)
{
    /// <summary>Stable code of the estate's snapping failure (<see cref="Snapping.SnapFailureCode"/>), null when it was snapped or without a graph.</summary>
    public string? SnapFailureCode { get; init; }
}
