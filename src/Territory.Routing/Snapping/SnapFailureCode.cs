namespace Territory.Routing.Snapping;

/// <summary>Stable codes of the reasons a point is not snapped (<see cref="RoadSnap.FailureCode"/>).</summary>
/// <remarks>The values travel with the code in <see cref="RoadSnap"/>: distances and limits in metres.</remarks>
public static class SnapFailureCode
{
    /// <summary>The graph has no routable road at all.</summary>
    public const string NoRoad = "snap_no_road";

    /// <summary>The point lies beyond the hull of the road network's nodes (outside the extract's coverage).</summary>
    public const string OutsideNetwork = "snap_outside_network";

    /// <summary>The nearest road of the largest connected network is farther than the maximum (<see cref="RoadSnap.SnapDistanceMeters"/> &gt; <see cref="RoadSnap.LimitMeters"/>).</summary>
    public const string TooFar = "snap_too_far";

    /// <summary>No road of the largest connected network within the search horizon (<see cref="RoadSnap.LimitMeters"/>).</summary>
    public const string NoRoadWithin = "snap_no_road_within";

    /// <summary>The nearest road within the maximum lies in a small disconnected fragment (<see cref="RoadSnap.IsolatedRoadMeters"/> away).</summary>
    public const string IsolatedFragment = "snap_isolated_fragment";
}
