namespace Territory.Routing.Snapping;

/// <summary>Where a point lands on the road network.</summary>
/// <param name="IsSnapped">True when a routable road lies within the allowed distance.</param>
/// <param name="Edge">Graph edge snapped to (-1 when none was found at all).</param>
/// <param name="Fraction">Position along the edge from its From node, 0–1 of its length.</param>
/// <param name="Lon">Projected point on the road, WGS84 degrees.</param>
/// <param name="Lat">Projected point on the road, WGS84 degrees.</param>
/// <param name="SnapDistanceMeters">Haversine distance from the query to the projected point, metres (NaN when no road at all).</param>
/// <param name="FailureReason">Why the point was not snapped, e.g. "nearest road 812 m away (&gt; 500 m)".</param>
public readonly record struct RoadSnap(bool IsSnapped, int Edge, double Fraction, double Lon, double Lat, double SnapDistanceMeters, string? FailureReason)
{
    /// <summary>Stable code of <see cref="FailureReason"/> (a <see cref="SnapFailureCode"/> value), null when snapped.</summary>
    public string? FailureCode { get; init; }

    /// <summary>The limit the failure refers to, metres: the maximum snap distance, or the search horizon (NaN when none).</summary>
    public double LimitMeters { get; init; }

    /// <summary>Distance to the nearest road of a disconnected fragment, metres, for <see cref="SnapFailureCode.IsolatedFragment"/> (NaN otherwise).</summary>
    public double IsolatedRoadMeters { get; init; }
}
