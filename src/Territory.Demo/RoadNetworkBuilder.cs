using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Crs;

namespace Territory.Demo;

/// <summary>Mutable road network in Lambert-93: nodes merged by position (decimetre), tagged ways.</summary>
internal sealed class RoadNetworkBuilder
{
    private readonly Dictionary<(long, long), long> _byPosition = [];
    private readonly List<Coordinate> _nodes = [];
    private readonly List<(long[] Nodes, SortedDictionary<string, string> Tags)> _ways = [];

    public int WayCount => _ways.Count;

    /// <summary>Ways as added so far (node ids and tags), in order.</summary>
    public IReadOnlyList<(long[] Nodes, SortedDictionary<string, string> Tags)> Ways => _ways;

    /// <summary>Position of node <paramref name="id"/> (Lambert-93, decimetre).</summary>
    public Coordinate Position(long id) => _nodes[(int)id - 1];

    /// <summary>Replaces every way, keeping the nodes (used when crossings are resolved).</summary>
    public void ReplaceWays(IEnumerable<(long[] Nodes, SortedDictionary<string, string> Tags)> ways)
    {
        var list = ways.ToList();
        _ways.Clear();
        _ways.AddRange(list);
    }

    /// <summary>Id of the node at <paramref name="c"/>, created when new (ids from 1).</summary>
    public long Node(Coordinate c)
    {
        var key = ((long)Math.Round(c.X * 10), (long)Math.Round(c.Y * 10));
        if (_byPosition.TryGetValue(key, out var id))
            return id;
        _nodes.Add(new Coordinate(key.Item1 / 10.0, key.Item2 / 10.0));
        id = _nodes.Count;
        _byPosition[key] = id;
        return id;
    }

    /// <summary>Adds a way through <paramref name="points"/>; tags given as key, value pairs.</summary>
    public void Way(IReadOnlyList<Coordinate> points, params string[] tags)
    {
        var ids = new List<long>(points.Count);
        foreach (var p in points)
        {
            var id = Node(p);
            if (ids.Count == 0 || ids[^1] != id)
                ids.Add(id);
        }
        if (ids.Count < 2)
            return;
        var dict = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < tags.Length; i += 2)
            dict[tags[i]] = tags[i + 1];
        _ways.Add((ids.ToArray(), dict));
    }

    /// <summary>Points from <paramref name="a"/> to <paramref name="b"/>, about every <paramref name="step"/> metres, both ends included.</summary>
    public static List<Coordinate> Line(Coordinate a, Coordinate b, double step)
    {
        var n = Math.Max(1, (int)Math.Ceiling(a.Distance(b) / step));
        var list = new List<Coordinate>(n + 1) { a };
        for (var k = 1; k < n; k++)
            list.Add(new Coordinate(a.X + (b.X - a.X) * k / n, a.Y + (b.Y - a.Y) * k / n));
        list.Add(b);
        return list;
    }

    /// <summary>A line through a bent midpoint, as country roads are rarely straight.</summary>
    public static List<Coordinate> Bent(Random rng, Coordinate a, Coordinate b, double step, double bend = 0.08)
    {
        var len = a.Distance(b);
        var off = CommunePlanner.Jitter(rng, bend) * len;
        var mid = new Coordinate((a.X + b.X) / 2 - (b.Y - a.Y) / len * off, (a.Y + b.Y) / 2 + (b.X - a.X) / len * off);
        var list = Line(a, mid, step);
        list.AddRange(Line(mid, b, step).Skip(1));
        return list;
    }

    /// <summary>Index of every segment, for distance-to-road queries during generation.</summary>
    public STRtree<LineSegment> SegmentIndex()
    {
        var tree = new STRtree<LineSegment>();
        foreach (var (nodes, _) in _ways)
            for (var i = 0; i + 1 < nodes.Length; i++)
            {
                var s = new LineSegment(_nodes[(int)nodes[i] - 1], _nodes[(int)nodes[i + 1] - 1]);
                tree.Insert(new Envelope(s.P0, s.P1), s);
            }
        tree.Build();
        return tree;
    }

    /// <summary>Freezes the network in longitude/latitude.</summary>
    public DemoRoadNetwork ToNetwork()
    {
        var toWgs84 = new Reprojector(CrsRegistry.Lambert93, CrsRegistry.Wgs84);
        var nodes = new List<DemoRoadNode>(_nodes.Count);
        for (var i = 0; i < _nodes.Count; i++)
        {
            var (lon, lat) = toWgs84.Transform(_nodes[i].X, _nodes[i].Y);
            nodes.Add(new DemoRoadNode(i + 1, Math.Round(lon, 7), Math.Round(lat, 7)));
        }
        var ways = _ways.Select((w, i) => new DemoRoadWay(i + 1, w.Nodes, w.Tags)).ToList();
        return new DemoRoadNetwork { Nodes = nodes, Ways = ways };
    }
}
