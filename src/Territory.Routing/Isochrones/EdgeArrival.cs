namespace Territory.Routing.Isochrones;

/// <summary>Earliest arrival time along one edge as a function of the position on it.</summary>
/// <remarks>
/// Times are milliseconds from the origin; positions are fractions 0–1 of the edge length from
/// its From node. Driving on from a reached end costs the edge duration pro rata; the origin's
/// own edge is also driven from the snapped point. Sides that may not be travelled, or ends not
/// reached, contribute <see cref="double.PositiveInfinity"/>.
/// </remarks>
internal readonly struct EdgeArrival(double fromMs, double toMs, double durationMs, double snapFraction, bool snapForward, bool snapBackward)
{
    /// <summary>Arrival (ms) at the position <paramref name="f"/> (fraction of the edge from From).</summary>
    public double At(double f)
    {
        double t = Math.Min(fromMs + f * durationMs, toMs + (1 - f) * durationMs);
        if (snapForward && f >= snapFraction) t = Math.Min(t, (f - snapFraction) * durationMs);
        if (snapBackward && f <= snapFraction) t = Math.Min(t, (snapFraction - f) * durationMs);
        return t;
    }
}
