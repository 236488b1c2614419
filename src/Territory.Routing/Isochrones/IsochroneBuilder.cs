using NetTopologySuite.Geometries;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Isochrones;

/// <summary>Builds nested isochrone polygons from the road pieces reached within each cutoff.</summary>
/// <remarks>
/// One Dijkstra from the snapped origin (partial first edge) up to the largest cutoff. For each
/// cutoff, every edge is kept in full when reached from both ends, else the part drivable within
/// the remaining time from each reached end. The pieces are widened by
/// <see cref="IsochroneParameters.BufferMeters"/> on a raster in a local metric plane (a cell is
/// in when its chamfer distance to a cell crossed by a reached piece is within the buffer), ORed with the previous cutoff's raster so
/// nesting holds exactly, cleared of diagonal-only contacts, and traced into valid polygons with
/// holes where nothing is reached. Accuracy: boundaries are within about one cell plus 6 % of the buffer of the exact buffer.
/// An order of magnitude faster than buffering and unioning thousands of lines with NTS.
/// </remarks>
public sealed class IsochroneBuilder
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private readonly RoadGraph _graph;
    private readonly IsochroneParameters _parameters;
    private readonly RoadSnapper _snapper;
    private readonly DijkstraSearch _search;
    private (RoadSnap Snap, List<int> Reached, LocalProjection Projection)? _last;

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
        var result = new List<Isochrone>();
        var pieces = new List<Coordinate[]>();
        ReachRaster? previous = null;
        double radius = _parameters.BufferMeters;
        foreach (double cutoff in cutoffs)
        {
            long cutoffMs = (long)Math.Round(cutoff * 60_000);
            pieces.Clear();
            foreach (var line in ReachedPieces(snap, reached, cutoffMs, projection)) pieces.Add(line);
            var raster = previous?.Clone() ?? NewRaster(pieces, cutoffs[^1], snap, reached, projection);
            var hit = new bool[raster.Cells.Length];
            foreach (var line in pieces)
                for (int i = 1; i < line.Length; i++) raster.MarkLine(hit, line[i - 1].X, line[i - 1].Y, line[i].X, line[i].Y);
            raster.Dilate(hit, radius);
            raster.RemoveSaddles();
            previous = raster;
            var area = RasterPolygonizer.Polygonize(raster, Factory);
            projection.ToLonLat(area);
            area.SRID = 4326;
            int count = reached.Count(v => _search.CostMs(v) <= cutoffMs);
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

    /// <summary>A raster covering everything reachable within the largest cutoff.</summary>
    private ReachRaster NewRaster(List<Coordinate[]> smallest, double largestCutoff, RoadSnap snap, List<int> reached, LocalProjection projection)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var line in ReachedPieces(snap, reached, (long)Math.Round(largestCutoff * 60_000), projection).Concat(smallest))
            foreach (var c in line)
            {
                minX = Math.Min(minX, c.X); minY = Math.Min(minY, c.Y); maxX = Math.Max(maxX, c.X); maxY = Math.Max(maxY, c.Y);
            }
        double r = _parameters.BufferMeters;
        (minX, minY, maxX, maxY) = (minX - r, minY - r, maxX + r, maxY + r);
        double cell = _parameters.CellSizeMeters;
        while ((maxX - minX) / cell * ((maxY - minY) / cell) > _parameters.MaxRasterCells) cell *= 1.25;
        return new ReachRaster(minX, minY, maxX, maxY, cell);
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
