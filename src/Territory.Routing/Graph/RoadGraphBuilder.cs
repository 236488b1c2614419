namespace Territory.Routing.Graph;

/// <summary>Mutable road network under construction; <see cref="Build"/> freezes it into a <see cref="RoadGraph"/>.</summary>
/// <remarks>Coordinates are WGS84 lon/lat degrees, durations seconds, distances metres.</remarks>
public sealed class RoadGraphBuilder
{
    private readonly List<int> _lon = [];
    private readonly List<int> _lat = [];
    private readonly List<int> _from = [];
    private readonly List<int> _to = [];
    private readonly List<int> _durationMs = [];
    private readonly List<float> _distance = [];
    private readonly List<byte> _flags = [];
    private readonly List<int> _shapeFirst = [0];
    private readonly List<int> _shapeLon = [];
    private readonly List<int> _shapeLat = [];

    public int NodeCount => _lon.Count;

    public int EdgeCount => _from.Count;

    /// <summary>Adds a node and returns its id.</summary>
    public int AddNode(double lon, double lat)
    {
        _lon.Add(GeoMath.ToE7(lon));
        _lat.Add(GeoMath.ToE7(lat));
        return _lon.Count - 1;
    }

    /// <summary>Adds an edge and returns its id.</summary>
    /// <param name="from">Start node.</param>
    /// <param name="to">End node.</param>
    /// <param name="durationSeconds">Travel time along the whole edge, seconds (rounded to ms).</param>
    /// <param name="distanceMeters">Length along the geometry, metres; NaN to compute the haversine length of the polyline.</param>
    /// <param name="forward">Travel allowed From → To.</param>
    /// <param name="backward">Travel allowed To → From.</param>
    /// <param name="shape">Intermediate points between the two nodes, lon/lat degrees.</param>
    public int AddEdge(int from, int to, double durationSeconds, double distanceMeters = double.NaN,
        bool forward = true, bool backward = true, IReadOnlyList<(double Lon, double Lat)>? shape = null)
    {
        if ((uint)from >= (uint)NodeCount || (uint)to >= (uint)NodeCount) throw new ArgumentOutOfRangeException(nameof(from), "Unknown node.");
        ArgumentOutOfRangeException.ThrowIfNegative(durationSeconds);
        if (!forward && !backward) throw new ArgumentException("An edge must be travellable in at least one direction.", nameof(forward));
        if (double.IsNaN(distanceMeters))
        {
            distanceMeters = 0;
            double pLon = _lon[from] * 1e-7, pLat = _lat[from] * 1e-7;
            foreach (var p in shape ?? [])
            {
                distanceMeters += GeoMath.HaversineMeters(pLon, pLat, p.Lon, p.Lat);
                (pLon, pLat) = p;
            }
            distanceMeters += GeoMath.HaversineMeters(pLon, pLat, _lon[to] * 1e-7, _lat[to] * 1e-7);
        }
        _from.Add(from);
        _to.Add(to);
        _durationMs.Add(checked((int)Math.Round(durationSeconds * 1000.0)));
        _distance.Add((float)distanceMeters);
        _flags.Add((byte)((forward ? RoadGraph.ForwardFlag : 0) | (backward ? RoadGraph.BackwardFlag : 0)));
        foreach (var p in shape ?? [])
        {
            _shapeLon.Add(GeoMath.ToE7(p.Lon));
            _shapeLat.Add(GeoMath.ToE7(p.Lat));
        }
        _shapeFirst.Add(_shapeLon.Count);
        return _from.Count - 1;
    }

    /// <summary>Freezes the network: builds forward and reverse CSR adjacency and the components.</summary>
    public RoadGraph Build() =>
        RoadGraph.Create(_lon.ToArray(), _lat.ToArray(), _from.ToArray(), _to.ToArray(), _durationMs.ToArray(), _distance.ToArray(), _flags.ToArray(),
            _shapeFirst.ToArray(), _shapeLon.ToArray(), _shapeLat.ToArray(), componentOfNode: null, componentCount: 0);
}
