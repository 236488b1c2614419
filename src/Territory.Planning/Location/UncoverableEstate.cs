namespace Territory.Planning.Location;

/// <summary>An estate no candidate can serve, and why.</summary>
/// <param name="EstateId">Estate id.</param>
/// <param name="Reason">
/// <c>not_snapped</c>/<c>outside_network</c>/<c>no_road</c>/<c>no_location</c> (the matrix could not place it),
/// <c>beyond_minutes</c> (no candidate within T), or <c>over_capacity</c> (larger than every capacity within T).
/// </param>
public sealed record UncoverableEstate(string EstateId, string Reason);
