using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Planning.Candidates;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Planning.Matrix;

/// <summary>Builds the sites × estates <see cref="CostMatrix"/> a planning problem needs: road graph, straight line or user CSV.</summary>
/// <remarks>
/// Give the largest cut-off the problem needs (<c>maxSeconds</c>): T for coverage problems, the
/// longest trip still worth counting for p-median and p-center. Car travel is from the site to
/// the estate (staff drive out). Without a road graph every time is a straight-line estimate and
/// the matrix says so (<see cref="CostMatrix.Estimated"/>).
/// </remarks>
public static class CostMatrices
{
    /// <summary>Routes on <paramref name="graph"/> when given, else estimates in straight line.</summary>
    /// <param name="sites">Candidate sites, locations in the working CRS.</param>
    /// <param name="estates">Estates (points, or polygons through their interior point), working CRS.</param>
    /// <param name="workingCrs">EPSG code of the working CRS (2154 in metropolitan France).</param>
    /// <param name="graph">The road graph (WGS84), or null for the straight-line fallback.</param>
    /// <param name="maxSeconds">Cut-off, seconds: longer pairs are not stored.</param>
    /// <param name="roadOptions">Snapping, hierarchy and parallelism of the road search.</param>
    /// <param name="fallback">Detour factor and speed of the estimate (defaults to the travel review's).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    public static CostMatrix Build(IReadOnlyList<CandidateSite> sites, IReadOnlyList<Estate> estates, int workingCrs, RoadGraph? graph, double maxSeconds,
        RoadMatrixOptions? roadOptions = null, StraightLineEstimator? fallback = null, CancellationToken cancellationToken = default)
    {
        var s = ToLonLat(sites.Select(c => (c.Id, (Geometry)c.Location)), workingCrs);
        var e = ToLonLat(estates.Select(x => (x.Id, x.Geometry)), workingCrs);
        return graph is null
            ? FromStraightLine(s, e, maxSeconds, fallback, roadOptions?.MaxDegreeOfParallelism ?? Environment.ProcessorCount, cancellationToken)
            : FromRoadGraph(graph, s, e, maxSeconds, roadOptions, cancellationToken);
    }

    /// <summary>Routes every site to the estates within <paramref name="maxSeconds"/> on the road graph.</summary>
    public static CostMatrix FromRoadGraph(RoadGraph graph, IReadOnlyList<LonLatPoint> sites, IReadOnlyList<LonLatPoint> estates, double maxSeconds,
        RoadMatrixOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckCutoff(maxSeconds);
        return RoadCostMatrix.Build(graph, sites, estates, maxSeconds, options ?? new RoadMatrixOptions(), cancellationToken);
    }

    /// <summary>Straight-line estimate of every pair within <paramref name="maxSeconds"/> (flagged <see cref="CostMatrix.Estimated"/>).</summary>
    public static CostMatrix FromStraightLine(IReadOnlyList<LonLatPoint> sites, IReadOnlyList<LonLatPoint> estates, double maxSeconds,
        StraightLineEstimator? estimator = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        CheckCutoff(maxSeconds);
        return StraightLineCostMatrix.Build(sites, estates, maxSeconds, estimator ?? new StraightLineEstimator(),
            maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, cancellationToken);
    }

    /// <summary>Reads a user matrix <c>estate_id;site_id;seconds</c> (see <see cref="CostMatrixCsvException"/> for its errors).</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="siteIds">Candidate ids, in the order the planning request lists them.</param>
    /// <param name="estateIds">Estate ids, in the order of the demand.</param>
    public static CostMatrix FromCsv(string path, IReadOnlyList<string> siteIds, IReadOnlyList<string> estateIds) =>
        CostMatrixCsv.Read(path, siteIds, estateIds);

    /// <summary>Same, from text already opened; <paramref name="fileName"/> is used in errors.</summary>
    public static CostMatrix FromCsv(TextReader reader, string fileName, IReadOnlyList<string> siteIds, IReadOnlyList<string> estateIds) =>
        CostMatrixCsv.Read(reader, fileName, siteIds, estateIds);

    /// <summary>Reprojects named working-CRS geometries to WGS84 lon/lat (a polygon by its interior point; empty → NaN).</summary>
    public static LonLatPoint[] ToLonLat(IEnumerable<(string Id, Geometry Geometry)> items, int workingCrs)
    {
        var reprojector = new Reprojector(workingCrs, 4326);
        return items.Select(item =>
        {
            if (item.Geometry.IsEmpty) return new LonLatPoint(item.Id, double.NaN, double.NaN);
            var c = item.Geometry is Point p ? p.Coordinate : item.Geometry.InteriorPoint.Coordinate;
            var (lon, lat) = reprojector.Transform(c.X, c.Y);
            return new LonLatPoint(item.Id, lon, lat);
        }).ToArray();
    }

    private static void CheckCutoff(double maxSeconds)
    {
        if (!(maxSeconds > 0)) throw new PlanningException(PlanningErrorCodes.MinutesInvalid, ("minutes", maxSeconds / 60));
    }
}
