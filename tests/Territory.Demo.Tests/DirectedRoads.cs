using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Demo;

namespace Territory.Demo.Tests;

/// <summary>
/// A small directed graph over a <see cref="DemoRoadNetwork"/> for tests: Lambert-93 lengths,
/// one-ways, roundabouts and motorways respected; tracks, paths and private roads left out.
/// </summary>
internal sealed class DirectedRoads
{
    private readonly Dictionary<long, Coordinate> _position = [];
    private readonly Dictionary<long, List<(long To, double Meters)>> _forward = [];
    private readonly Dictionary<long, List<(long To, double Meters)>> _backward = [];

    public DirectedRoads(DemoRoadNetwork roads)
    {
        var toL93 = new Reprojector(CrsRegistry.Wgs84, CrsRegistry.Lambert93);
        var all = roads.Nodes.ToDictionary(n => n.Id, n => { var (x, y) = toL93.Transform(n.Longitude, n.Latitude); return new Coordinate(x, y); });
        foreach (var w in roads.Ways)
        {
            var highway = w.Tags["highway"];
            if (highway is "track" or "path" || w.Tags.GetValueOrDefault("access") == "private")
                continue;
            var oneway = w.Tags.GetValueOrDefault("oneway");
            var forwardOnly = oneway == "yes" || w.Tags.GetValueOrDefault("junction") == "roundabout" || highway == "motorway";
            for (var i = 1; i < w.NodeIds.Count; i++)
            {
                var (a, b) = (w.NodeIds[i - 1], w.NodeIds[i]);
                _position[a] = all[a];
                _position[b] = all[b];
                var m = all[a].Distance(all[b]);
                if (oneway != "-1")
                    Edge(a, b, m);
                if (!forwardOnly)
                    Edge(b, a, m);
            }
        }
    }

    /// <summary>Every node on a routable way.</summary>
    public IEnumerable<long> NodeIds => _position.Keys.Order();

    private void Edge(long a, long b, double m)
    {
        (_forward.TryGetValue(a, out var f) ? f : _forward[a] = []).Add((b, m));
        (_backward.TryGetValue(b, out var r) ? r : _backward[b] = []).Add((a, m));
    }

    /// <summary>Nearest routable node to a Lambert-93 point, and its distance in metres.</summary>
    public (long Id, double Meters) Nearest(Coordinate c)
    {
        var best = (Id: 0L, Meters: double.MaxValue);
        foreach (var (id, p) in _position)
        {
            var d = p.Distance(c);
            if (d < best.Meters || d == best.Meters && id < best.Id)
                best = (id, d);
        }
        return best;
    }

    /// <summary>Shortest distances in metres from <paramref name="start"/> (to it, when <paramref name="reverse"/>).</summary>
    public Dictionary<long, double> Dijkstra(long start, bool reverse = false)
    {
        var graph = reverse ? _backward : _forward;
        var dist = new Dictionary<long, double> { [start] = 0 };
        var queue = new PriorityQueue<long, double>();
        queue.Enqueue(start, 0);
        while (queue.TryDequeue(out var node, out var d))
        {
            if (d > dist[node])
                continue;
            foreach (var (to, m) in graph.GetValueOrDefault(node) ?? [])
            {
                var nd = d + m;
                if (nd < dist.GetValueOrDefault(to, double.MaxValue))
                {
                    dist[to] = nd;
                    queue.Enqueue(to, nd);
                }
            }
        }
        return dist;
    }
}
