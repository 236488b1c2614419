namespace Territory.Core.Model;

/// <summary>Travel from the nearest presence point of one kind to an estate.</summary>
/// <remarks>
/// Built from the agency × estate travel matrix (by car on the road network, or a straight-line
/// estimate flagged <see cref="Estimated"/>). Only points of the estate's landlord, or of no
/// landlord (public relay places such as France Services), are considered.
/// </remarks>
/// <param name="EstateId">Estate id.</param>
/// <param name="Kind">Kind of presence point.</param>
/// <param name="AgencyId">Id of the nearest point of that kind.</param>
/// <param name="DurationSeconds">Travel time, seconds.</param>
/// <param name="Estimated">True when the time is a straight-line estimate.</param>
public sealed record PresenceAccess(string EstateId, AgencyKind Kind, string AgencyId, double DurationSeconds, bool Estimated);
