namespace Territory.Planning.Service;

/// <summary>A leg of a day's round: from one place to the next, its driving and its line (WGS84 lon/lat pairs).</summary>
/// <param name="From">Id of the place left (the base or a stop).</param>
/// <param name="To">Id of the place reached.</param>
/// <param name="DriveMinutes">Driving of the leg as planned, minutes.</param>
/// <param name="OnRoads">True when <paramref name="Line"/> follows the road graph's fastest path; false for a straight line (no graph, or no path).</param>
/// <param name="Line">Vertices, each <c>[lon, lat]</c>, from <paramref name="From"/> to <paramref name="To"/>.</param>
public sealed record RoundLeg(string From, string To, double DriveMinutes, bool OnRoads, IReadOnlyList<double[]> Line);
