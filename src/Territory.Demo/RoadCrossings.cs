using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Territory.Demo;

/// <summary>
/// Turns crossings into intersections: where two ways cross at grade, both get a shared node at
/// the crossing; where a motorway crosses a road, the motorway gets a short bridge instead.
/// </summary>
/// <remarks>
/// Without this, roads drawn independently cross without meeting, as if every crossing were a
/// bridge, and routes take absurd detours. Runs once, after every way has been added.
/// </remarks>
internal static class RoadCrossings
{
    /// <summary>Half length of a motorway bridge over a crossing road, metres.</summary>
    private const double BridgeHalfLength = 25;

    private sealed record Segment(int Way, int Index, long A, long B, Coordinate P0, Coordinate P1, bool GradeSeparated);

    public static void Resolve(RoadNetworkBuilder net)
    {
        var ways = net.Ways.ToList();
        var segments = new List<Segment>();
        var tree = new STRtree<int>();
        for (var w = 0; w < ways.Count; w++)
        {
            var separated = ways[w].Tags["highway"] == "motorway";
            var nodes = ways[w].Nodes;
            for (var i = 0; i + 1 < nodes.Length; i++)
            {
                var s = new Segment(w, i, nodes[i], nodes[i + 1], net.Position(nodes[i]), net.Position(nodes[i + 1]), separated);
                tree.Insert(new Envelope(s.P0, s.P1), segments.Count);
                segments.Add(s);
            }
        }
        tree.Build();

        // Per (way, segment): nodes to insert (at-grade) or bridge centres (motorway), as distances from P0.
        var inserts = new Dictionary<(int, int), List<(double T, long Id)>>();
        var bridges = new Dictionary<(int, int), List<double>>();
        var li = new RobustLineIntersector();
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            foreach (var j in tree.Query(new Envelope(s.P0, s.P1)).Where(j => j > i).Order())
            {
                var o = segments[j];
                if (o.Way == s.Way || s.GradeSeparated && o.GradeSeparated)
                    continue;
                li.ComputeIntersection(s.P0, s.P1, o.P0, o.P1);
                if (!li.HasIntersection || li.IntersectionNum != 1)
                    continue;
                var p = li.GetIntersection(0);
                if (s.GradeSeparated || o.GradeSeparated)
                {
                    var m = s.GradeSeparated ? s : o;
                    var other = s.GradeSeparated ? o : s;
                    // Ramps meet the motorway at its own nodes: that is a junction, not a crossing.
                    if (m.A == other.A || m.A == other.B || m.B == other.A || m.B == other.B)
                        continue;
                    Add(bridges, (m.Way, m.Index), m.P0.Distance(p));
                    continue;
                }
                var id = net.Node(p);
                if (id != s.A && id != s.B)
                    Add(inserts, (s.Way, s.Index), (net.Position(id).Distance(s.P0), id));
                if (id != o.A && id != o.B)
                    Add(inserts, (o.Way, o.Index), (net.Position(id).Distance(o.P0), id));
            }
        }

        var result = new List<(long[] Nodes, SortedDictionary<string, string> Tags)>();
        for (var w = 0; w < ways.Count; w++)
        {
            if (ways[w].Tags["highway"] == "motorway")
                result.AddRange(Bridged(net, ways[w], w, bridges));
            else
                result.Add((WithCrossings(ways[w].Nodes, w, inserts), ways[w].Tags));
        }
        net.ReplaceWays(result);
    }

    private static void Add<T>(Dictionary<(int, int), List<T>> map, (int, int) key, T value)
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(value);
    }

    private static long[] WithCrossings(long[] nodes, int way, Dictionary<(int, int), List<(double T, long Id)>> inserts)
    {
        var list = new List<long> { nodes[0] };
        for (var i = 0; i + 1 < nodes.Length; i++)
        {
            if (inserts.TryGetValue((way, i), out var extra))
                foreach (var (_, id) in extra.OrderBy(e => e.T).ThenBy(e => e.Id))
                    if (list[^1] != id)
                        list.Add(id);
            if (list[^1] != nodes[i + 1])
                list.Add(nodes[i + 1]);
        }
        return list.ToArray();
    }

    /// <summary>Splits a motorway way into plain pieces and bridge pieces (<c>bridge=yes</c>, <c>layer=1</c>).</summary>
    private static IEnumerable<(long[] Nodes, SortedDictionary<string, string> Tags)> Bridged(
        RoadNetworkBuilder net, (long[] Nodes, SortedDictionary<string, string> Tags) way, int w, Dictionary<(int, int), List<double>> bridges)
    {
        var nodes = new List<long> { way.Nodes[0] };
        var onBridge = new List<bool>();
        for (var i = 0; i + 1 < way.Nodes.Length; i++)
        {
            var (p0, p1) = (net.Position(way.Nodes[i]), net.Position(way.Nodes[i + 1]));
            var len = p0.Distance(p1);
            var spans = new List<(double From, double To)>();
            foreach (var c in (bridges.GetValueOrDefault((w, i)) ?? []).Order())
            {
                var (from, to) = (c - BridgeHalfLength, c + BridgeHalfLength);
                from = from < 5 ? 0 : from;
                to = to > len - 5 ? len : to;
                if (spans.Count > 0 && from <= spans[^1].To)
                    spans[^1] = (spans[^1].From, Math.Max(spans[^1].To, to));
                else
                    spans.Add((from, to));
            }
            var at = 0.0;
            foreach (var (from, to) in spans)
            {
                if (from > at)
                {
                    nodes.Add(net.Node(Along(p0, p1, from / len)));
                    onBridge.Add(false);
                }
                nodes.Add(to >= len ? way.Nodes[i + 1] : net.Node(Along(p0, p1, to / len)));
                onBridge.Add(true);
                at = to;
            }
            if (at < len)
            {
                nodes.Add(way.Nodes[i + 1]);
                onBridge.Add(false);
            }
        }

        for (var start = 0; start < onBridge.Count;)
        {
            var end = start;
            while (end < onBridge.Count && onBridge[end] == onBridge[start])
                end++;
            var tags = new SortedDictionary<string, string>(way.Tags, StringComparer.Ordinal);
            if (onBridge[start])
            {
                tags["bridge"] = "yes";
                tags["layer"] = "1";
            }
            yield return (nodes.Skip(start).Take(end - start + 1).ToArray(), tags);
            start = end;
        }
    }

    private static Coordinate Along(Coordinate a, Coordinate b, double f) => new(a.X + (b.X - a.X) * f, a.Y + (b.Y - a.Y) * f);
}
