using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Planning.Service;

/// <summary>The line of each leg of a round: the road graph's fastest path (<see cref="Router"/>), else a straight line said as such.</summary>
/// <remarks>
/// The path runs between the places' snapped road points; the places themselves are added at both ends so that the line
/// starts and ends where the stops are drawn. Positions are WGS84 lon/lat.
/// </remarks>
internal sealed class RoundLegs
{
    private readonly RoadSnapper? _snapper;
    private readonly double _maxSnapMeters;

    public RoundLegs(RoadGraph? graph, double maxSnapMeters = RoadSnapper.DefaultMaxSnapDistanceMeters)
    {
        _snapper = graph is null ? null : RoadSnapper.For(graph);
        _maxSnapMeters = maxSnapMeters;
    }

    /// <summary>The legs base → stops → base of a day; none for a day without stop.</summary>
    /// <param name="home">The base.</param>
    /// <param name="stops">The day's stops in order (their drive minutes are the legs reaching them).</param>
    /// <param name="backMinutes">Driving of the way back to the base, minutes.</param>
    public IReadOnlyList<RoundLeg> Day((string Id, double Lon, double Lat) home, IReadOnlyList<RoundResultStop> stops, double backMinutes)
    {
        if (stops.Count == 0) return [];
        var places = new List<(string Id, double Lon, double Lat, double Minutes)> { (home.Id, home.Lon, home.Lat, 0) };
        places.AddRange(stops.Select(s => (s.Id, s.Lon, s.Lat, s.DriveMinutes)));
        var legs = new List<RoundLeg>(places.Count);
        for (int i = 1; i <= places.Count; i++)
        {
            var from = places[i - 1];
            var to = i < places.Count ? places[i] : places[0];
            legs.Add(Leg(from, to, i < places.Count ? to.Minutes : backMinutes));
        }
        return legs;
    }

    private RoundLeg Leg((string Id, double Lon, double Lat, double _) from, (string Id, double Lon, double Lat, double _) to, double plannedMinutes)
    {
        var route = _snapper is null ? null : Router.Route(_snapper, (from.Lon, from.Lat), (to.Lon, to.Lat), _maxSnapMeters);
        if (route is not { Found: true })
            return new RoundLeg(from.Id, to.Id, plannedMinutes, false, [[from.Lon, from.Lat], [to.Lon, to.Lat]]);
        var line = new List<double[]>(route.Geometry.Count + 2) { new[] { from.Lon, from.Lat } };
        line.AddRange(route.Geometry.Select(p => new[] { p.Lon, p.Lat }));
        line.Add([to.Lon, to.Lat]);
        return new RoundLeg(from.Id, to.Id, plannedMinutes, true, line);
    }
}
