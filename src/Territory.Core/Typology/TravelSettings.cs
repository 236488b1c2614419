namespace Territory.Core.Typology;

/// <summary>Straight-line fallback when no travel time is given (section <c>travel</c>).</summary>
public sealed class TravelSettings
{
    /// <summary>Road distance / straight-line distance.</summary>
    public double DetourFactor { get; init; } = 1.3;
    /// <summary>Average car speed, km/h.</summary>
    public double AverageSpeedKmh { get; init; } = 40;
    /// <summary>Radius of the « landlord dwellings nearby » isolation indicator, metres.</summary>
    public double IsolationRadiusMeters { get; init; } = 5_000;
}
