using System.Globalization;
using System.Runtime.CompilerServices;
using Territory.Routing.Graph;

namespace Territory.Routing.Snapping;

/// <summary>Snaps lon/lat points to the nearest routable road segment, with projection onto it.</summary>
/// <remarks>
/// Only edges whose two nodes lie in the largest strongly-connected component are candidates by
/// default, so every snapped point can reach and be reached from every other. Distances are
/// haversine metres; the projection is computed in a local equirectangular plane around the
/// query (sub-metre error at snapping scales).
/// </remarks>
public sealed class RoadSnapper
{
    /// <summary>Default maximum snap distance, metres.</summary>
    public const double DefaultMaxSnapDistanceMeters = 500;

    private const int MaxRings = 400;
    private static readonly ConditionalWeakTable<RoadGraph, RoadSnapper> Cache = new();
    private readonly RoadGraph _graph;
    private readonly SegmentGrid _grid;

    /// <summary>Indexes the segments of the graph's routable edges.</summary>
    /// <param name="graph">The road graph.</param>
    /// <param name="largestComponentOnly">Restrict to edges of the largest strongly-connected component.</param>
    /// <param name="cellSizeMeters">Grid cell size, metres.</param>
    public RoadSnapper(RoadGraph graph, bool largestComponentOnly = true, double cellSizeMeters = 200)
    {
        _graph = graph;
        _grid = new SegmentGrid(graph, e => !largestComponentOnly
            || (graph.IsInLargestComponent(graph.GetEdgeFrom(e)) && graph.IsInLargestComponent(graph.GetEdgeTo(e))), cellSizeMeters);
    }

    /// <summary>A shared snapper over the largest component of a graph, built on first use.</summary>
    public static RoadSnapper For(RoadGraph graph) => Cache.GetValue(graph, g => new RoadSnapper(g));

    public RoadGraph Graph => _graph;

    /// <summary>Snaps a point; beyond <paramref name="maxSnapDistanceMeters"/> the result says why it was not snapped.</summary>
    public RoadSnap Snap(double lon, double lat, double maxSnapDistanceMeters = DefaultMaxSnapDistanceMeters)
    {
        if (_grid.IsEmpty) return new RoadSnap(false, -1, 0, lon, lat, double.NaN, "no routable road in the graph");
        double mx = GeoMath.MetersPerDegreeLon(lat), my = GeoMath.MetersPerDegreeLat;
        int cx = _grid.CellX(lon), cy = _grid.CellY(lat);
        double cellX = _grid.CellLonDegrees * mx, cellY = _grid.CellLatDegrees * my;
        double ringMeters = Math.Min(cellX, cellY);
        double best = double.PositiveInfinity;
        int bestEdge = -1, bestSeg = -1;
        double bestT = 0;
        for (int r = 0; r < MaxRings; r++)
        {
            for (int x = cx - r; x <= cx + r; x++)
            {
                bool edgeColumn = x == cx - r || x == cx + r;
                for (int y = cy - r; y <= cy + r; y += edgeColumn ? 1 : 2 * r)
                {
                    if (!_grid.TryGetCell(x, y, out int start, out int count)) { if (r == 0) break; continue; }
                    for (int i = start; i < start + count; i++)
                    {
                        int e = _grid.SegmentEdge(i), s = _grid.SegmentIndex(i);
                        var p = _graph.GetEdgePoint(e, s);
                        var q = _graph.GetEdgePoint(e, s + 1);
                        double ax = (p.Lon - lon) * mx, ay = (p.Lat - lat) * my;
                        double bx = (q.Lon - lon) * mx, by = (q.Lat - lat) * my;
                        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
                        double t = len2 <= 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / len2, 0, 1);
                        double px = ax + t * dx, py = ay + t * dy;
                        double d = Math.Sqrt(px * px + py * py);
                        if (d < best || (d == best && (e < bestEdge || (e == bestEdge && s < bestSeg)))) { best = d; bestEdge = e; bestSeg = s; bestT = t; }
                    }
                    if (r == 0) break;
                }
            }
            // Every cell outside ring r is at least r cells away from the query.
            if (bestEdge >= 0 && best <= r * ringMeters) break;
        }
        if (bestEdge < 0) return new RoadSnap(false, -1, 0, lon, lat, double.NaN, string.Create(CultureInfo.InvariantCulture, $"no road within {MaxRings * ringMeters / 1000:0} km"));
        return Finish(lon, lat, bestEdge, bestSeg, bestT, maxSnapDistanceMeters);
    }

    private RoadSnap Finish(double lon, double lat, int edge, int seg, double t, double maxMeters)
    {
        var p = _graph.GetEdgePoint(edge, seg);
        var q = _graph.GetEdgePoint(edge, seg + 1);
        double sLon = p.Lon + t * (q.Lon - p.Lon), sLat = p.Lat + t * (q.Lat - p.Lat);
        double distance = GeoMath.HaversineMeters(lon, lat, sLon, sLat);
        double offset = 0, total = 0;
        int n = _graph.GetEdgePointCount(edge);
        var a = _graph.GetEdgePoint(edge, 0);
        for (int i = 1; i < n; i++)
        {
            var b = _graph.GetEdgePoint(edge, i);
            double len = GeoMath.HaversineMeters(a.Lon, a.Lat, b.Lon, b.Lat);
            if (i - 1 < seg) offset += len;
            else if (i - 1 == seg) offset += t * len;
            total += len;
            a = b;
        }
        double fraction = total <= 0 ? 0 : Math.Clamp(offset / total, 0, 1);
        if (distance > maxMeters)
            return new RoadSnap(false, edge, fraction, sLon, sLat, distance,
                string.Create(CultureInfo.InvariantCulture, $"nearest road {distance:0} m away (> {maxMeters:0} m)"));
        return new RoadSnap(true, edge, fraction, sLon, sLat, distance, null);
    }
}
