namespace Territory.Routing.Algorithms;

/// <summary>A straight-line travel estimate (never a routed value).</summary>
/// <param name="DurationSeconds">Estimated travel time, seconds.</param>
/// <param name="DistanceMeters">Straight-line distance × detour factor, metres.</param>
public readonly record struct EstimatedTravel(double DurationSeconds, double DistanceMeters)
{
    /// <summary>Always true: this value was not routed on a road network.</summary>
    public bool Estimated => true;
}
