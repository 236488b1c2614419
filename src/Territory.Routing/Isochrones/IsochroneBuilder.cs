using NetTopologySuite.Geometries;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Isochrones;

/// <summary>Builds nested isochrone polygons from the road pieces reached within each cutoff.</summary>
/// <remarks>
/// One Dijkstra from the snapped origin (partial first edge) up to the largest cutoff. Every edge
/// leaving a reached node is sampled every half cell with its earliest arrival time (driving on
/// pro rata from each reached end it may be entered from, and from the snapped point on the
/// origin's own edge) into a <see cref="TimeRaster"/> in a local metric plane, widened once by
/// <see cref="IsochroneParameters.BufferMeters"/> (a cell takes the earliest road cell within the
/// buffer, chamfer distance). Each cutoff is the threshold <c>arrival ≤ cutoff</c> of that one
/// raster, added to the previous cutoff's cells so nesting holds exactly, cleared of
/// diagonal-only contacts, and traced straight into valid lon/lat polygons with holes where
/// nothing is reached. Accuracy: boundaries are within about one cell
/// (<see cref="IsochroneParameters.CellSizeMeters"/>) plus 6 % of the buffer of the exact buffer
/// of the road pieces reached within the cutoff. Not thread-safe: an instance reuses its search
/// and raster buffers between calls, so use one per thread.
/// </remarks>
public sealed class IsochroneBuilder
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private readonly RoadGraph _graph;
    private readonly IsochroneParameters _parameters;
    private readonly RoadSnapper _snapper;
    private readonly DijkstraSearch _search;
    private (RoadSnap Snap, List<int> Reached, LocalProjection Projection)? _last;
    private readonly List<int> _edges = [];
    private readonly List<int> _pointStart = [];
    private readonly List<(double X, double Y)> _points = [];
    private double[] _lengths = [];
    private int[]? _edgeSeen;
    private int _edgeGeneration;
    private readonly TimeRaster _times = new();
    private readonly ReachRaster _area = new();
    private readonly RasterPolygonizer _polygonizer = new();

    public IsochroneBuilder(RoadGraph graph, IsochroneParameters? parameters = null)
    {
        _graph = graph;
        _parameters = parameters ?? new IsochroneParameters();
        _snapper = RoadSnapper.For(graph);
        _search = new DijkstraSearch(graph);
    }

    /// <summary>Isochrones for the cutoffs (minutes), in increasing cutoff order.</summary>
    public IReadOnlyList<Isochrone> Build((double Lon, double Lat) origin, IReadOnlyList<double> cutoffsMinutes, CancellationToken cancellationToken = default)
    {
        var cutoffs = cutoffsMinutes.Order().ToArray();
        var snap = _snapper.Snap(origin.Lon, origin.Lat, _parameters.MaxSnapDistanceMeters);
        if (!snap.IsSnapped || cutoffs.Length == 0)
            return cutoffs.Select(c => new Isochrone(c, Factory.CreatePolygon(), 0, "origin not snapped: " + snap.FailureReason)).ToArray();
        var reached = new List<int>();
        Span<(int, long, double)> seeds = stackalloc (int, long, double)[SnapEndpoints.MaxSeeds];
        int n = SnapEndpoints.SourceSeeds(_graph, snap, seeds);
        _search.Run(seeds[..n], [], maxCostMs: (long)Math.Ceiling(cutoffs[^1] * 60_000), settled: reached.Add);
        cancellationToken.ThrowIfCancellationRequested();
        var projection = new LocalProjection(snap.Lon, snap.Lat);
        _last = (snap, reached, projection);
        var times = ArrivalRaster(snap, reached, cutoffs[^1], projection);
        var result = new List<Isochrone>(cutoffs.Length);
        _area.Reset(times);
        foreach (double cutoff in cutoffs)
        {
            long cutoffMs = (long)Math.Round(cutoff * 60_000);
            _area.Add(times, cutoffMs);
            var area = _polygonizer.Polygonize(_area, Factory, projection);
            int count = 0;
            foreach (int v in reached) if (_search.CostMs(v) <= cutoffMs) count++;
            result.Add(new Isochrone(cutoff, area, count));
            cancellationToken.ThrowIfCancellationRequested();
        }
        return result;
    }

    /// <summary>The reached pieces of the last <see cref="Build"/> for a cutoff, in local metres, with the projection (tests).</summary>
    internal (Geometry Lines, LocalProjection Projection) LastReachedLines(double cutoffMinutes)
    {
        var (snap, reached, projection) = _last ?? throw new InvalidOperationException("Build first.");
        return (ReachedLines(snap, reached, (long)Math.Round(cutoffMinutes * 60_000), projection), projection);
    }

    internal long CostMs(int node) => _search.CostMs(node);

    /// <summary>Reached road pieces within the cutoff as a multi-line in the local metric plane.</summary>
    internal Geometry ReachedLines(RoadSnap snap, List<int> reached, long cutoffMs, LocalProjection projection) =>
        Factory.CreateMultiLineString(ReachedPieces(snap, reached, cutoffMs, projection).Select(c => Factory.CreateLineString(c)).ToArray());

    /// <summary>Earliest arrivals of the road pieces reached within the largest cutoff, widened by the buffer.</summary>
    private TimeRaster ArrivalRaster(RoadSnap snap, List<int> reached, double largestCutoff, LocalProjection projection)
    {
        var g = _graph;
        long maxMs = (long)Math.Round(largestCutoff * 60_000);
        // Edges leaving reached nodes (plus the origin's own), each once.
        _edges.Clear();
        _edgeSeen ??= new int[g.EdgeCount];
        if (++_edgeGeneration == int.MaxValue) { Array.Clear(_edgeSeen); _edgeGeneration = 1; }
        int gen = _edgeGeneration;
        _edgeSeen[snap.Edge] = gen;
        _edges.Add(snap.Edge);
        foreach (int u in reached)
            for (int a = g.FirstOut[u]; a < g.FirstOut[u + 1]; a++)
            {
                int e = g.OutEdge[a];
                if (_edgeSeen[e] == gen) continue;
                _edgeSeen[e] = gen;
                _edges.Add(e);
            }
        // Project each polyline once; the first pass also bounds the raster.
        _points.Clear();
        _pointStart.Clear();
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (int e in _edges)
        {
            _pointStart.Add(_points.Count);
            int n = g.GetEdgePointCount(e);
            for (int i = 0; i < n; i++)
            {
                var (lon, lat) = g.GetEdgePoint(e, i);
                var (x, y) = projection.Project(lon, lat);
                _points.Add((x, y));
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
            }
        }
        _pointStart.Add(_points.Count);
        double r = _parameters.BufferMeters;
        double cell = _parameters.CellSizeMeters;
        while ((maxX - minX + 2 * r) / cell * ((maxY - minY + 2 * r) / cell) > _parameters.MaxRasterCells) cell *= 1.25;
        var raster = _times;
        raster.Reset(minX, minY, maxX, maxY, cell, r, maxMs);
        var pts = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_points);
        for (int k = 0; k < _edges.Count; k++)
        {
            int e = _edges[k];
            var arrival = Arrival(snap, e);
            var line = pts[_pointStart[k].._pointStart[k + 1]];
            // Each segment's length once, for the edge's total and for its samples.
            if (_lengths.Length < line.Length) _lengths = new double[Math.Max(line.Length, 2 * _lengths.Length)];
            double total = 0;
            for (int i = 1; i < line.Length; i++) total += _lengths[i] = Length(line[i - 1], line[i]);
            double along = 0, inv = total > 0 ? 1 / total : 0;
            for (int i = 1; i < line.Length; i++)
            {
                double next = along + _lengths[i];
                raster.MarkSegment(line[i - 1].X, line[i - 1].Y, along * inv, line[i].X, line[i].Y, total > 0 ? next * inv : 1, _lengths[i], arrival);
                along = next;
            }
        }
        raster.Widen(r);
        return raster;
    }

    private static double Length((double X, double Y) a, (double X, double Y) b) =>
        Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));

    private EdgeArrival Arrival(RoadSnap snap, int e)
    {
        var g = _graph;
        double duration = Math.Max(1, g.EdgeDurationMs[e]);
        double from = g.IsForwardAllowed(e) ? Cost(g.EdgeFrom[e]) : double.PositiveInfinity;
        double to = g.IsBackwardAllowed(e) ? Cost(g.EdgeTo[e]) : double.PositiveInfinity;
        bool own = e == snap.Edge;
        return new EdgeArrival(from, to, duration, snap.Fraction, own && g.IsForwardAllowed(e), own && g.IsBackwardAllowed(e));
    }

    private double Cost(int node)
    {
        long c = _search.CostMs(node);
        return c == DijkstraSearch.Unreached ? double.PositiveInfinity : c;
    }

    private IEnumerable<Coordinate[]> ReachedPieces(RoadSnap snap, List<int> reached, long cutoffMs, LocalProjection projection)
    {
        var g = _graph;
        var slices = new List<(int Edge, double From, double To)>();
        var seen = new HashSet<int>();
        foreach (int u in reached)
        {
            if (_search.CostMs(u) > cutoffMs) continue;
            for (int a = g.FirstOut[u]; a < g.FirstOut[u + 1]; a++)
            {
                int e = g.OutEdge[a];
                if (!seen.Add(e)) continue;
                double duration = Math.Max(1, g.EdgeDurationMs[e]);
                double forward = g.IsForwardAllowed(e) ? Reach(g.EdgeFrom[e], duration, cutoffMs) : 0;
                double backward = g.IsBackwardAllowed(e) ? Reach(g.EdgeTo[e], duration, cutoffMs) : 0;
                if (forward + backward >= 1) { slices.Add((e, 0, 1)); continue; }
                if (forward > 0) slices.Add((e, 0, forward));
                if (backward > 0) slices.Add((e, 1 - backward, 1));
            }
        }
        // The origin's own edge, from the snapped point.
        double own = cutoffMs / Math.Max(1.0, g.EdgeDurationMs[snap.Edge]);
        if (g.IsForwardAllowed(snap.Edge)) slices.Add((snap.Edge, snap.Fraction, Math.Min(1, snap.Fraction + own)));
        if (g.IsBackwardAllowed(snap.Edge)) slices.Add((snap.Edge, Math.Max(0, snap.Fraction - own), snap.Fraction));

        var points = new List<(double Lon, double Lat)>();
        foreach (var (e, from, to) in slices)
        {
            if (from == 0 && to == 1)
            {
                var whole = new Coordinate[g.GetEdgePointCount(e)];
                for (int i = 0; i < whole.Length; i++)
                {
                    var (lon, lat) = g.GetEdgePoint(e, i);
                    whole[i] = projection.ToLocal(lon, lat);
                }
                yield return whole;
                continue;
            }
            points.Clear();
            EdgeGeometry.AppendSlice(g, e, from, to, points);
            if (points.Count == 1) points.Add(points[0]);
            var local = new Coordinate[points.Count];
            for (int i = 0; i < local.Length; i++) local[i] = projection.ToLocal(points[i].Lon, points[i].Lat);
            yield return local;
        }

    }

    private double Reach(int node, double duration, long cutoffMs)
    {
        long c = _search.CostMs(node);
        return c > cutoffMs ? 0 : Math.Min(1, (cutoffMs - c) / duration);
    }
}
