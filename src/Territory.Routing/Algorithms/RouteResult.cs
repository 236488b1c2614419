namespace Territory.Routing.Algorithms;

/// <summary>A car route between two lon/lat points.</summary>
/// <param name="Found">True when both points snapped and a path exists.</param>
/// <param name="DurationSeconds">Travel time, seconds (NaN when not found).</param>
/// <param name="DistanceMeters">Length of the fastest path, metres (NaN when not found).</param>
/// <param name="SnapFromMeters">Distance from the origin to its snapped road point, metres.</param>
/// <param name="SnapToMeters">Distance from the destination to its snapped road point, metres.</param>
/// <param name="Geometry">Path from the snapped origin to the snapped destination, lon/lat degrees.</param>
/// <param name="FailureReason">Why no route was found.</param>
public sealed record RouteResult(
    bool Found,
    double DurationSeconds,
    double DistanceMeters,
    double SnapFromMeters,
    double SnapToMeters,
    IReadOnlyList<(double Lon, double Lat)> Geometry,
    string? FailureReason = null);
