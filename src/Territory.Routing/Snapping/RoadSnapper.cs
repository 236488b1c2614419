using System.Globalization;
using System.Runtime.CompilerServices;
using Territory.Routing.Graph;

namespace Territory.Routing.Snapping;

/// <summary>Snaps lon/lat points to the nearest routable road segment, with projection onto it.</summary>
/// <remarks>
/// Only edges whose two nodes lie in a road network of their own (the largest strongly-connected
/// component, or another of at least <see cref="RoadGraph.MainComponentMinNodes"/> nodes: an island, the
/// départements of a portfolio without roads between them) are candidates by default; the other edges
/// (small fragments) are indexed too, only to say when the nearest road is an isolated fragment. Two
/// points snapped to different networks have no road path between them. Distances are haversine
/// metres; the search and the projection use a local equirectangular plane around the query
/// (sub-metre error at snapping scales). The search is bounded: it widens ring by ring only up to
/// <see cref="SearchHorizonMeters"/> (twice the maximum snap distance), so a point far from every
/// road answers in microseconds. A point more than <see cref="HullToleranceMeters"/> beyond the
/// hull of the graph's nodes is outside the extract's coverage and is not snapped at all. Read-only once built: snap from many threads.
/// </remarks>
public sealed class RoadSnapper
{
    /// <summary>Default maximum snap distance, metres.</summary>
    public const double DefaultMaxSnapDistanceMeters = 500;

    /// <summary>Version of the snapping rule (which roads a point may snap to, how far, what counts as covered).</summary>
    /// <remarks>
    /// Part of the key of every stored travel result: a change of rule makes results computed under the former
    /// one stale. 2: any road network of at least <see cref="RoadGraph.MainComponentMinNodes"/> nodes, not only
    /// the largest.
    /// </remarks>
    public const int RuleVersion = 2;

    /// <summary>How far beyond the hull of the graph's nodes a point still counts as covered, metres.</summary>
    /// <remarks>
    /// The maximum snap distance: a point the snap could legitimately reach from the outermost road
    /// (an estate at the edge of the département, just past the last node) is snapped as usual; one
    /// farther out lies where the extract has no roads, and timing it from the border would be wrong.
    /// </remarks>
    public const double HullToleranceMeters = DefaultMaxSnapDistanceMeters;

    private static readonly ConditionalWeakTable<RoadGraph, RoadSnapper> Cache = new();
    private readonly RoadGraph _graph;
    private readonly SegmentGrid _grid;
    private readonly NetworkHull? _hull;
    private readonly double[] _cumulativeMeters;
    private readonly bool _largestComponentOnly;

    /// <summary>Indexes the segments of the graph's routable edges.</summary>
    /// <param name="graph">The road graph.</param>
    /// <param name="largestComponentOnly">Snap only to edges of road networks (<see cref="RoadGraph.IsInMainComponent"/>), never to small fragments.</param>
    /// <param name="cellSizeMeters">Grid cell size, metres.</param>
    /// <param name="flagOutsideHull">Refuse points beyond the hull of the graph's nodes, give or take <see cref="HullToleranceMeters"/> (<see cref="SnapFailureCode.OutsideNetwork"/>).</param>
    public RoadSnapper(RoadGraph graph, bool largestComponentOnly = true, double cellSizeMeters = 200, bool flagOutsideHull = true)
    {
        _graph = graph;
        _largestComponentOnly = largestComponentOnly;
        _grid = new SegmentGrid(graph, _ => true,
            e => !largestComponentOnly || (graph.IsInMainComponent(graph.GetEdgeFrom(e)) && graph.IsInMainComponent(graph.GetEdgeTo(e))), cellSizeMeters);
        _hull = flagOutsideHull ? new NetworkHull(graph) : null;
        _cumulativeMeters = CumulativeLengths(graph);
    }

    /// <summary>Per edge, haversine length from its first point to each of its points (edge e starts at <see cref="PointBase"/>(e)).</summary>
    /// <remarks>Summed in the order <see cref="Finish"/> used to, so fractions are the same bits; computed once instead of per snap (mountain roads carry hundreds of shape points).</remarks>
    private static double[] CumulativeLengths(RoadGraph graph)
    {
        var cumulative = new double[graph.ShapeLonE7.Length + 2 * graph.EdgeCount];
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            int b = PointBase(graph, e), n = graph.GetEdgePointCount(e);
            var a = graph.GetEdgePoint(e, 0);
            double total = 0;
            for (int i = 1; i < n; i++)
            {
                var q = graph.GetEdgePoint(e, i);
                total += GeoMath.HaversineMeters(a.Lon, a.Lat, q.Lon, q.Lat);
                cumulative[b + i] = total;
                a = q;
            }
        }
        return cumulative;
    }

    private static int PointBase(RoadGraph graph, int edge) => graph.EdgeShapeFirst[edge] + 2 * edge;

    /// <summary>A shared snapper over the road networks of a graph (no small fragment), built on first use.</summary>
    public static RoadSnapper For(RoadGraph graph) => Cache.GetValue(graph, g => new RoadSnapper(g));

    public RoadGraph Graph => _graph;

    /// <summary>How far the search looks for a road before answering "no road within", metres.</summary>
    public static double SearchHorizonMeters(double maxSnapDistanceMeters) => 2 * maxSnapDistanceMeters;

    /// <summary>Snaps many points in parallel; the result at i is <see cref="Snap"/> of point i, whatever the thread count.</summary>
    public RoadSnap[] SnapMany(IReadOnlyList<(double Lon, double Lat)> points, double maxSnapDistanceMeters = DefaultMaxSnapDistanceMeters,
        int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        const int Block = 512;
        var snaps = new RoadSnap[points.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, (points.Count + Block - 1) / Block, parallel, block =>
        {
            for (int i = block * Block, end = Math.Min(points.Count, i + Block); i < end; i++)
                snaps[i] = Snap(points[i].Lon, points[i].Lat, maxSnapDistanceMeters);
        });
        return snaps;
    }

    /// <summary>Snaps a point; beyond <paramref name="maxSnapDistanceMeters"/> the result says why it was not snapped.</summary>
    public RoadSnap Snap(double lon, double lat, double maxSnapDistanceMeters = DefaultMaxSnapDistanceMeters)
    {
        if (_grid.IsEmpty) return Failure(lon, lat, SnapFailureCode.NoRoad, "no routable road in the graph", double.NaN);
        if (_hull is not null && !_hull.Covers(lon, lat, HullToleranceMeters))
            return Failure(lon, lat, SnapFailureCode.OutsideNetwork, "outside the road network's coverage (beyond the extract's hull)", double.NaN);
        double horizon = SearchHorizonMeters(maxSnapDistanceMeters);
        var found = Search(lon, lat, maxSnapDistanceMeters, horizon);
        RoadSnap main = found.Edge >= 0 && found.Distance <= horizon
            ? Finish(lon, lat, found.Edge, found.Segment, found.T, maxSnapDistanceMeters)
            : Failure(lon, lat, SnapFailureCode.NoRoadWithin, string.Create(CultureInfo.InvariantCulture, $"no road within {horizon / 1000:0.#} km"), horizon);
        if (main.IsSnapped || !(found.Isolated <= maxSnapDistanceMeters)) return main;
        return main with
        {
            FailureCode = SnapFailureCode.IsolatedFragment,
            IsolatedRoadMeters = found.Isolated,
            FailureReason = string.Create(CultureInfo.InvariantCulture,
                $"outside the largest connected road network: nearest road {found.Isolated:0} m away is isolated; {main.FailureReason}"),
        };
    }

    /// <summary>Nearest candidate segment (planar metres) and nearest isolated one, exact within the distances the rings have covered.</summary>
    private (int Edge, int Segment, double T, double Distance, double Isolated) Search(double lon, double lat, double maxMeters, double horizon)
    {
        double mx = GeoMath.MetersPerDegreeLon(lat), my = GeoMath.MetersPerDegreeLat;
        int cx = _grid.CellX(lon), cy = _grid.CellY(lat);
        double ringMeters = Math.Min(_grid.CellLonDegrees * mx, _grid.CellLatDegrees * my);
        double best = double.PositiveInfinity, isolated = double.PositiveInfinity;
        int bestEdge = -1, bestSeg = -1;
        double bestT = 0;
        for (int r = 0; ; r++)
        {
            int x0 = Math.Max(cx - r, _grid.MinCellX), x1 = Math.Min(cx + r, _grid.MaxCellX);
            for (int x = x0; x <= x1; x++)
            {
                bool edgeColumn = x == cx - r || x == cx + r;
                int step = edgeColumn || r == 0 ? 1 : 2 * r;
                int yStart = edgeColumn ? Math.Max(cy - r, _grid.MinCellY) : cy - r;
                int yEnd = edgeColumn ? Math.Min(cy + r, _grid.MaxCellY) : cy + r;
                // Distance from the query to the column's cells, east-west part (planar metres).
                double gx = Math.Max(0, Math.Max(x * _grid.CellLonDegrees - lon, lon - (x + 1) * _grid.CellLonDegrees)) * mx;
                for (int y = yStart; y <= yEnd; y += step)
                {
                    if (!_grid.TryGetCell(x, y, out int start, out int end)) continue;
                    // Skip a cell that cannot hold anything nearer than what was found (and no
                    // isolated road that still matters): the answer is unchanged, the work is not.
                    double gy = Math.Max(0, Math.Max(y * _grid.CellLatDegrees - lat, lat - (y + 1) * _grid.CellLatDegrees)) * my;
                    double gap = Math.Sqrt(gx * gx + gy * gy) * (1 - 1e-12) - 1e-9;
                    if (gap > horizon) continue;
                    if (gap > best && (!_largestComponentOnly || best <= maxMeters || gap > maxMeters || gap > isolated)) continue;
                    var coordinates = _grid.SegmentCoordinatesE7(start, end);
                    for (int i = start, k = 0; i < end; i++, k += 4)
                    {
                        double ax = (coordinates[k] * 1e-7 - lon) * mx, ay = (coordinates[k + 1] * 1e-7 - lat) * my;
                        double dx = (coordinates[k + 2] * 1e-7 - lon) * mx - ax, dy = (coordinates[k + 3] * 1e-7 - lat) * my - ay, len2 = dx * dx + dy * dy;
                        double t = len2 <= 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / len2, 0, 1);
                        double px = ax + t * dx, py = ay + t * dy;
                        double d = Math.Sqrt(px * px + py * py);
                        if (!_grid.SegmentInLargestComponent(i)) { isolated = Math.Min(isolated, d); continue; }
                        if (d > best) continue;
                        int e = _grid.SegmentEdge(i), s = _grid.SegmentIndex(i);
                        if (d < best || e < bestEdge || (e == bestEdge && s < bestSeg)) { best = d; bestEdge = e; bestSeg = s; bestT = t; }
                    }
                }
            }
            // Every cell outside ring r is at least r cells away from the query.
            double covered = r * ringMeters;
            bool wholeGrid = cx - r <= _grid.MinCellX && cx + r >= _grid.MaxCellX && cy - r <= _grid.MinCellY && cy + r >= _grid.MaxCellY;
            if (wholeGrid || covered >= horizon) break;
            if (best <= covered && (best <= maxMeters || !_largestComponentOnly || isolated <= covered || covered >= maxMeters)) break;
        }
        return (bestEdge, bestSeg, bestT, best, isolated);
    }

    private static RoadSnap Failure(double lon, double lat, string code, string reason, double limit) =>
        new(false, -1, 0, lon, lat, double.NaN, reason) { FailureCode = code, LimitMeters = limit, IsolatedRoadMeters = double.NaN };

    private RoadSnap Finish(double lon, double lat, int edge, int seg, double t, double maxMeters)
    {
        var p = _graph.GetEdgePoint(edge, seg);
        var q = _graph.GetEdgePoint(edge, seg + 1);
        double sLon = p.Lon + t * (q.Lon - p.Lon), sLat = p.Lat + t * (q.Lat - p.Lat);
        double distance = GeoMath.HaversineMeters(lon, lat, sLon, sLat);
        int b = PointBase(_graph, edge);
        double offset = _cumulativeMeters[b + seg] + t * GeoMath.HaversineMeters(p.Lon, p.Lat, q.Lon, q.Lat);
        double total = _cumulativeMeters[b + _graph.GetEdgePointCount(edge) - 1];
        double fraction = total <= 0 ? 0 : Math.Clamp(offset / total, 0, 1);
        if (distance > maxMeters)
            return new RoadSnap(false, edge, fraction, sLon, sLat, distance,
                string.Create(CultureInfo.InvariantCulture, $"nearest road {distance:0} m away (> {maxMeters:0} m)"))
            { FailureCode = SnapFailureCode.TooFar, LimitMeters = maxMeters, IsolatedRoadMeters = double.NaN };
        return new RoadSnap(true, edge, fraction, sLon, sLat, distance, null) { LimitMeters = maxMeters, IsolatedRoadMeters = double.NaN };
    }
}
