using Territory.Routing.Graph;

namespace Territory.Routing.Algorithms;

/// <summary>Fallback travel estimate without a road network: haversine × detour factor at an average speed.</summary>
/// <remarks>Results are always flagged <c>Estimated = true</c>; outputs must say so.</remarks>
public sealed record StraightLineEstimator
{
    /// <summary>Road length over straight-line length; 1.3 is a common figure for French rural and suburban networks.</summary>
    public double DetourFactor { get; init; } = 1.3;

    /// <summary>Average door-to-door speed, km/h.</summary>
    public double SpeedKmh { get; init; } = 40;

    /// <summary>Estimated travel between two WGS84 lon/lat points.</summary>
    public EstimatedTravel Estimate((double Lon, double Lat) from, (double Lon, double Lat) to)
    {
        double meters = GeoMath.HaversineMeters(from.Lon, from.Lat, to.Lon, to.Lat) * DetourFactor;
        return new EstimatedTravel(meters / (SpeedKmh / 3.6), meters);
    }
}
