namespace Territory.Planning.Matrix;

/// <summary>Codes of <see cref="PointIssue"/>.</summary>
public static class PointIssueCodes
{
    /// <summary>The nearest road of the main network is farther than the maximum snap distance.</summary>
    public const string NotSnapped = "not_snapped";

    /// <summary>The point lies beyond the road network's coverage (outside the extract's hull, with the maximum snap distance as tolerance).</summary>
    public const string OutsideNetwork = "outside_network";

    /// <summary>The road graph has no routable road at all.</summary>
    public const string NoRoad = "no_road";

    /// <summary>The point has no usable coordinates (empty geometry, NaN).</summary>
    public const string NoLocation = "no_location";
}
