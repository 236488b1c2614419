using Territory.Routing.Graph;
using Territory.Routing.Profiles;

namespace Territory.Routing.Osm;

/// <summary>Collects nodes and drivable ways in any order, then splits ways into graph edges.</summary>
internal sealed class OsmWayCollector(CarProfile profile)
{
    private readonly Dictionary<long, long> _coordinates = [];
    private readonly List<(long[] Nodes, WayTraversal Traversal)> _ways = [];
    private readonly Dictionary<string, int> _waysByClass = new(StringComparer.Ordinal);
    private int _excludedByAccess;

    public void AddNode(long id, double lon, double lat) =>
        _coordinates[id] = ((long)GeoMath.ToE7(lat) << 32) | (uint)GeoMath.ToE7(lon);

    public void AddWay(long[] nodes, Func<string, string?> tag)
    {
        var traversal = profile.Evaluate(tag);
        if (traversal is null)
        {
            string? highway = tag("highway");
            if (highway is not null && profile.SpeedsKmh.ContainsKey(highway)) _excludedByAccess++;
            return;
        }
        _ways.Add((nodes, traversal.Value));
        _waysByClass[traversal.Value.HighwayClass] = _waysByClass.GetValueOrDefault(traversal.Value.HighwayClass) + 1;
    }

    public OsmRoadGraphResult Build(CancellationToken cancellationToken)
    {
        long missing = 0;
        int waysCut = 0;
        // Runs: maximal sequences of present nodes of a way, never bridged across a missing node.
        var runs = new List<(long[] Nodes, int Way)>();
        var use = new Dictionary<long, int>();
        for (int w = 0; w < _ways.Count; w++)
        {
            var current = new List<long>();
            bool cut = false;
            foreach (long id in _ways[w].Nodes)
            {
                if (!_coordinates.ContainsKey(id))
                {
                    missing++; cut = true;
                    Flush(current, w);
                    current = [];
                    continue;
                }
                if (current.Count > 0 && current[^1] == id) continue;
                current.Add(id);
            }
            Flush(current, w);
            if (cut) waysCut++;
        }
        cancellationToken.ThrowIfCancellationRequested();

        var vertexOf = new Dictionary<long, int>();
        var graph = new RoadGraphBuilder();
        var shape = new List<(double Lon, double Lat)>();
        foreach (var (nodes, w) in runs)
        {
            var t = _ways[w].Traversal;
            double speedMs = t.SpeedKmh / 3.6;
            int start = Vertex(nodes[0]);
            var (pLon, pLat) = Coord(nodes[0]);
            double length = 0;
            shape.Clear();
            for (int i = 1; i < nodes.Length; i++)
            {
                var (lon, lat) = Coord(nodes[i]);
                length += GeoMath.HaversineMeters(pLon, pLat, lon, lat);
                (pLon, pLat) = (lon, lat);
                if (use[nodes[i]] >= 2)
                {
                    int end = Vertex(nodes[i]);
                    if (end != start) graph.AddEdge(start, end, length / speedMs, length, t.Forward, t.Backward, shape);
                    start = end; length = 0; shape.Clear();
                }
                else
                {
                    shape.Add((lon, lat));
                }
            }
        }
        var frozen = graph.Build();
        var report = new OsmRoadGraphReport(frozen.NodeCount, frozen.EdgeCount, frozen.ArcCount, frozen.ComponentCount,
            frozen.LargestComponentNodeCount, frozen.NodeCount == 0 ? 0 : frozen.LargestComponentNodeCount / (double)frozen.NodeCount,
            missing, waysCut, _ways.Count, _excludedByAccess, new SortedDictionary<string, int>(_waysByClass, StringComparer.Ordinal));
        return new OsmRoadGraphResult(frozen, report);

        void Flush(List<long> run, int way)
        {
            if (run.Count < 2) return;
            var nodes = run.ToArray();
            runs.Add((nodes, way));
            foreach (long id in nodes) use[id] = use.GetValueOrDefault(id) + 1;
            // Run ends are always vertices; a closed run also gets its middle node so no edge loops on itself.
            use[nodes[0]] += 2;
            use[nodes[^1]] += 2;
            if (nodes[0] == nodes[^1] && nodes.Length > 3) use[nodes[nodes.Length / 2]] += 2;
        }

        int Vertex(long id)
        {
            if (!vertexOf.TryGetValue(id, out int v))
            {
                var (lon, lat) = Coord(id);
                v = graph.AddNode(lon, lat);
                vertexOf[id] = v;
            }
            return v;
        }

        (double Lon, double Lat) Coord(long id)
        {
            long packed = _coordinates[id];
            return ((int)(packed & 0xFFFFFFFF) * 1e-7, (int)(packed >> 32) * 1e-7);
        }
    }
}
