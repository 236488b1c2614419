using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Planning.Matrix;

/// <summary>Builds an estimated <see cref="CostMatrix"/> without a road network: haversine × detour factor at an average speed.</summary>
/// <remarks>
/// Same estimate as the travel review (<see cref="StraightLineEstimator"/>), so both say the same
/// figure for the same pair. Estates are bucketed on a lon/lat grid whose cells span the cut-off
/// radius, so each site only measures the estates of the cells around it.
/// </remarks>
internal static class StraightLineCostMatrix
{
    public static CostMatrix Build(IReadOnlyList<LonLatPoint> sites, IReadOnlyList<LonLatPoint> estates, double maxSeconds,
        StraightLineEstimator estimator, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        double radiusMeters = Math.Max(1, maxSeconds * estimator.SpeedKmh / 3.6 / estimator.DetourFactor);
        var grid = new PointGrid(estates, radiusMeters);
        var rows = new MatrixRow[sites.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism), CancellationToken = cancellationToken };
        Parallel.For(0, sites.Count, parallel, s =>
        {
            var site = sites[s];
            var row = new MatrixRow();
            if (double.IsFinite(site.Lon) && double.IsFinite(site.Lat))
                foreach (int e in grid.Near(site.Lon, site.Lat, radiusMeters))
                {
                    var t = estimator.Estimate((site.Lon, site.Lat), (estates[e].Lon, estates[e].Lat));
                    if (t.DurationSeconds <= maxSeconds) row.Add(e, (float)t.DurationSeconds, (float)t.DistanceMeters);
                }
            rows[s] = row.Seal();
        });
        var siteIssues = sites.Select(p => Issue(p)).ToArray();
        var estateIssues = estates.Select(p => Issue(p)).ToArray();
        return CostMatrix.FromRows(sites.Select(p => p.Id).ToArray(), estates.Select(p => p.Id).ToArray(), maxSeconds, CostSource.StraightLine,
            rows, siteIssues, estateIssues);
    }

    private static PointIssue? Issue(LonLatPoint p) =>
        double.IsFinite(p.Lon) && double.IsFinite(p.Lat) ? null : new PointIssue(PointIssueCodes.NoLocation, null);

    /// <summary>Lon/lat buckets about one radius wide; <see cref="Near"/> over-selects, the caller measures exactly.</summary>
    private sealed class PointGrid
    {
        private readonly Dictionary<long, List<int>> _cells = [];
        private readonly double _cellLat;
        private readonly double _cellLon;

        public PointGrid(IReadOnlyList<LonLatPoint> points, double radiusMeters)
        {
            double meanLat = points.Where(p => double.IsFinite(p.Lat)).Select(p => p.Lat).DefaultIfEmpty(45).Average();
            _cellLat = radiusMeters / GeoMath.MetersPerDegreeLat;
            _cellLon = radiusMeters / Math.Max(1, GeoMath.MetersPerDegreeLon(meanLat));
            for (int i = 0; i < points.Count; i++)
            {
                if (!double.IsFinite(points[i].Lon) || !double.IsFinite(points[i].Lat)) continue;
                long key = Key(Cell(points[i].Lon, _cellLon), Cell(points[i].Lat, _cellLat));
                if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
                list.Add(i);
            }
        }

        public IEnumerable<int> Near(double lon, double lat, double radiusMeters)
        {
            // 5 % margin, and the longitude span taken at the latitude farthest from the equator in range.
            double dLat = radiusMeters * 1.05 / GeoMath.MetersPerDegreeLat;
            double dLon = radiusMeters * 1.05 / Math.Max(1, GeoMath.MetersPerDegreeLon(Math.Min(89, Math.Abs(lat) + dLat)));
            for (int x = Cell(lon - dLon, _cellLon), x1 = Cell(lon + dLon, _cellLon); x <= x1; x++)
                for (int y = Cell(lat - dLat, _cellLat), y1 = Cell(lat + dLat, _cellLat); y <= y1; y++)
                    if (_cells.TryGetValue(Key(x, y), out var list))
                        foreach (int i in list) yield return i;
        }

        private static int Cell(double value, double size) => (int)Math.Floor(value / size);

        private static long Key(int x, int y) => ((long)x << 32) | (uint)y;
    }
}
