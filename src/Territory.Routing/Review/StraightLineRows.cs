using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Model;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Routing.Review;

/// <summary>
/// The straight-line rows of a review without a road graph, bounded: per estate, the presence points within the
/// review's limit, plus the points every output reads whatever their distance — the nearest point, the nearest point
/// of each kind that serves the estate, the managing agency. Every other cell is « beyond » (<see cref="BeyondReason"/>).
/// </summary>
/// <remarks>
/// <para>A dense review keeps agencies × estates cells: 1,056 × 249,657 straight-line cells (all « reachable »)
/// did not fit in 15 GB. Here memory is O(estates × points within the limit).</para>
/// <para>Points are found through an STR-tree over their WGS84 positions: a query box contains the spherical cap of
/// the search radius, candidates are then timed with the same <see cref="StraightLineEstimator"/> as a dense review,
/// so every kept cell has the very value the dense review gave. A nearest point is searched in caps of growing radius
/// until one is found inside the cap (anything outside is farther), ties going to the first point as in the dense
/// review. Straight-line time grows with the great-circle distance, so the nearest in distance is the nearest in time.</para>
/// </remarks>
internal static class StraightLineRows
{
    /// <summary>The reason of a cell beyond the limit: « beyond N min in straight line » (<c>TravelReasons</c> reads it).</summary>
    public static string BeyondReason(double limitMinutes) =>
        FormattableString.Invariant($"{BeyondPrefix}{limitMinutes:0.##} min in straight line");

    /// <summary>Start of <see cref="BeyondReason"/>.</summary>
    public const string BeyondPrefix = "beyond ";

    /// <summary>One sparse row per agency (agency order), cells within the limit and the cells every output needs.</summary>
    /// <param name="estates">The estates (columns).</param>
    /// <param name="estatePoints">Their WGS84 positions, in the same order.</param>
    /// <param name="agencies">The presence points (rows).</param>
    /// <param name="agencyPoints">Their WGS84 positions, in the same order.</param>
    /// <param name="managing">Per estate, the row of its managing agency, or -1.</param>
    /// <param name="estimator">The straight-line estimate.</param>
    /// <param name="limitMinutes">Cells farther than this are « beyond » unless an output needs them.</param>
    /// <param name="progress">Share of the estates done, 0–1.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static SparseTravelRow[] Compute(IReadOnlyList<Estate> estates, (double Lon, double Lat)[] estatePoints, IReadOnlyList<Agency> agencies,
        (double Lon, double Lat)[] agencyPoints, int[] managing, StraightLineEstimator estimator, double limitMinutes,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var index = new STRtree<int>();
        for (var a = 0; a < agencyPoints.Length; a++)
            index.Insert(new Envelope(agencyPoints[a].Lon, agencyPoints[a].Lon, agencyPoints[a].Lat, agencyPoints[a].Lat), a);
        if (agencyPoints.Length > 0)
            index.Build();
        // Straight-line metres (before the detour) that the limit allows.
        var limitSeconds = limitMinutes * 60;
        var limitMeters = limitSeconds * (estimator.SpeedKmh / 3.6) / estimator.DetourFactor;
        var kindCount = AgencyKinds.All.Count;
        var kindExists = new bool[kindCount];
        foreach (var a in agencies)
            kindExists[(int)a.Kind] = true;
        var landlordKinds = new HashSet<(string Landlord, AgencyKind Kind)>();
        foreach (var a in agencies)
            if (a.Landlord is { } l)
                landlordKinds.Add((l, a.Kind));
        var publicKinds = agencies.Where(a => a.Landlord is null).Select(a => a.Kind).ToHashSet();

        var builders = new RowBuilder[agencies.Count];
        for (var a = 0; a < builders.Length; a++)
            builders[a] = new RowBuilder();
        var cells = new Dictionary<int, (double Seconds, double Meters)>();
        var wanted = new bool[kindCount];
        // The nearest point serving the estate of each kind, then (last slot) the nearest point of any landlord.
        var best = new int[kindCount + 1];
        var bestSeconds = new double[kindCount + 1];
        for (var e = 0; e < estates.Count; e++)
        {
            if ((e & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(e / (double)Math.Max(1, estates.Count));
            }
            cells.Clear();
            var at = estatePoints[e];
            var landlord = estates[e].Landlord;
            // The kinds some point serving this estate has: each needs its nearest point.
            for (var k = 0; k < kindCount; k++)
                wanted[k] = kindExists[k] && (landlord is null || publicKinds.Contains((AgencyKind)k) || landlordKinds.Contains((landlord, (AgencyKind)k)));
            var radius = limitMeters;
            while (true)
            {
                foreach (var a in index.Query(CapEnvelope(at, radius)))
                {
                    if (cells.ContainsKey(a))
                        continue;
                    var t = estimator.Estimate(agencyPoints[a], at);
                    cells[a] = (t.DurationSeconds, t.DistanceMeters);
                }
                if (NearestFound(agencies, landlord, cells, wanted, best, bestSeconds, radius, estimator) || radius >= MaxRadiusMeters)
                    break;
                radius = Math.Min(MaxRadiusMeters, radius * 2);
            }
            if (managing[e] >= 0 && !cells.ContainsKey(managing[e]))
            {
                var t = estimator.Estimate(agencyPoints[managing[e]], at);
                cells[managing[e]] = (t.DurationSeconds, t.DistanceMeters);
            }
            foreach (var (a, cell) in cells)
                if (cell.Seconds <= limitSeconds || a == managing[e] || Array.IndexOf(best, a) >= 0)
                    builders[a].Add(e, cell.Seconds, cell.Meters);
        }
        progress?.Report(1);
        var reason = BeyondReason(limitMinutes);
        return builders.Select(b => b.Build(estates.Count, reason)).ToArray();
    }

    // Half the Earth's circumference: a cap of this radius is the whole sphere.
    private static readonly double MaxRadiusMeters = Math.PI * GeoMath.EarthRadiusMeters;

    /// <summary>
    /// True when, among the cells found, the nearest point overall and the nearest point of each wanted kind lie
    /// strictly inside the searched cap: no point outside it can be nearer. Fills <paramref name="best"/> per kind, the last slot for any kind.
    /// </summary>
    private static bool NearestFound(IReadOnlyList<Agency> agencies, string? landlord, Dictionary<int, (double Seconds, double Meters)> cells,
        bool[] wanted, int[] best, double[] bestSeconds, double radiusMeters, StraightLineEstimator estimator)
    {
        Array.Fill(best, -1);
        Array.Fill(bestSeconds, double.PositiveInfinity);
        var any = wanted.Length;
        foreach (var (a, cell) in cells)
        {
            if (cell.Seconds < bestSeconds[any] || (cell.Seconds == bestSeconds[any] && a < best[any]))
                (best[any], bestSeconds[any]) = (a, cell.Seconds);
            var agency = agencies[a];
            if (!Serves(agency, landlord))
                continue;
            var k = (int)agency.Kind;
            if (cell.Seconds < bestSeconds[k] || (cell.Seconds == bestSeconds[k] && a < best[k]))
                (best[k], bestSeconds[k]) = (a, cell.Seconds);
        }
        // Seconds of the cap's edge: a point outside the cap takes longer than this.
        var edgeSeconds = radiusMeters * estimator.DetourFactor / (estimator.SpeedKmh / 3.6);
        if (agencies.Count > 0 && !(bestSeconds[any] < edgeSeconds))
            return false;
        for (var k = 0; k < wanted.Length; k++)
            if (wanted[k] && !(bestSeconds[k] < edgeSeconds))
                return false;
        return true;
    }

    /// <summary>A point serves an estate of its own landlord, any estate when it has none, and every point serves an estate without one.</summary>
    private static bool Serves(Agency agency, string? estateLandlord) =>
        agency.Landlord is null || estateLandlord is null || string.Equals(agency.Landlord, estateLandlord, StringComparison.Ordinal);

    /// <summary>A longitude/latitude box holding every point within <paramref name="radiusMeters"/> (great circle) of <paramref name="center"/>.</summary>
    internal static Envelope CapEnvelope((double Lon, double Lat) center, double radiusMeters)
    {
        // A hair wider than the cap, so that rounding never leaves out a point on its edge.
        var d = radiusMeters / GeoMath.EarthRadiusMeters * (1 + 1e-9) + 1e-12;
        if (d >= Math.PI)
            return new Envelope(-180, 180, -90, 90);
        var lat = center.Lat * Math.PI / 180;
        var south = lat - d;
        var north = lat + d;
        if (south <= -Math.PI / 2 || north >= Math.PI / 2)
            return new Envelope(-180, 180, Math.Max(-90, south * 180 / Math.PI), Math.Min(90, north * 180 / Math.PI));
        var dLon = Math.Asin(Math.Min(1, Math.Sin(d) / Math.Cos(lat))) * 180 / Math.PI;
        var west = center.Lon - dLon;
        var east = center.Lon + dLon;
        // Across the antimeridian: every longitude (rare: Pacific points; the cells are still timed exactly).
        if (west < -180 || east > 180)
            return new Envelope(-180, 180, south * 180 / Math.PI, north * 180 / Math.PI);
        return new Envelope(west, east, south * 180 / Math.PI, north * 180 / Math.PI);
    }

    /// <summary>The cells of one agency, collected in estate order.</summary>
    private sealed class RowBuilder
    {
        private readonly List<int> _estates = [];
        private readonly List<double> _seconds = [];
        private readonly List<double> _meters = [];

        public void Add(int estate, double seconds, double meters)
        {
            _estates.Add(estate);
            _seconds.Add(seconds);
            _meters.Add(meters);
        }

        public SparseTravelRow Build(int length, string reason) =>
            SparseTravelRow.Create(length, [.. _estates], [.. _seconds], [.. _meters], reason, [], []);
    }
}
