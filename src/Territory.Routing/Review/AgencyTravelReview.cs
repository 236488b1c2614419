using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Review;

/// <summary>Agency × estate car travel review: who is nearest, how long from the managing agency, per-agency statistics.</summary>
/// <remarks>
/// Estates (points, or polygons through their interior point) and agencies are reprojected from
/// the working CRS to WGS84 and snapped to the largest strongly-connected part of the graph.
/// Without a graph, every pair is a straight-line estimate (<see cref="StraightLineEstimator"/>)
/// and every output is flagged <c>Estimated</c>; the matrix then keeps only the cells within
/// <see cref="ReviewOptions.EstimateLimitMinutes"/> and those the outputs read at any distance (each estate's
/// nearest point, its nearest point of each kind, its managing agency): the others are « beyond » (<see cref="StraightLineRows"/>).
/// </remarks>
public static class AgencyTravelReview
{
    public static AgencyTravelReviewResult Compute(IReadOnlyList<Estate> estates, IReadOnlyList<Agency> agencies, int workingCrs, RoadGraph? graph,
        ReviewOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Compute(estates, agencies, workingCrs, graph, options, progress, cancellationToken, null);

    /// <summary>
    /// The review after the presence points changed (a scenario's edit), the estates and the graph being those of
    /// <paramref name="previous"/>: only the rows of points added or moved since are searched, the others are copied.
    /// </summary>
    /// <remarks>Equal to <see cref="Compute(IReadOnlyList{Estate}, IReadOnlyList{Agency}, int, RoadGraph?, ReviewOptions?, IProgress{double}?, CancellationToken)"/>
    /// over the same inputs: each row of the matrix depends on its point, the estates and the graph alone.</remarks>
    /// <param name="previous">A review of the same estates (same ids, same order) on the same graph, with its matrix.</param>
    /// <param name="previousAgencies">The presence points <paramref name="previous"/> was computed for.</param>
    /// <param name="estates">The estates (those of <paramref name="previous"/>; otherwise everything is computed).</param>
    /// <param name="agencies">The presence points now.</param>
    /// <param name="workingCrs">EPSG code of the layers' CRS.</param>
    /// <param name="graph">The road graph of <paramref name="previous"/>, or null.</param>
    /// <param name="options">Review options (those of <paramref name="previous"/>).</param>
    /// <param name="cancellationToken">Stops the searches.</param>
    public static AgencyTravelReviewResult Update(AgencyTravelReviewResult previous, IReadOnlyList<Agency> previousAgencies,
        IReadOnlyList<Estate> estates, IReadOnlyList<Agency> agencies, int workingCrs, RoadGraph? graph,
        ReviewOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(previousAgencies);
        if (previous.Matrix is not { } matrix || matrix.EstateIds.Count != estates.Count || !matrix.EstateIds.SequenceEqual(estates.Select(e => e.Id), StringComparer.Ordinal))
            return Compute(estates, agencies, workingCrs, graph, options, null, cancellationToken);
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < matrix.AgencyIds.Count && a < previousAgencies.Count; a++)
            if (previousAgencies[a].Id == matrix.AgencyIds[a])
                rowOf.TryAdd(previousAgencies[a].Id, a);
        var kept = new int[agencies.Count];
        for (var a = 0; a < agencies.Count; a++)
            kept[a] = rowOf.TryGetValue(agencies[a].Id, out var r) && previousAgencies[r].Location.EqualsExact(agencies[a].Location) ? r : -1;
        return Compute(estates, agencies, workingCrs, graph, options, null, cancellationToken, (matrix, kept));
    }

    private static AgencyTravelReviewResult Compute(IReadOnlyList<Estate> estates, IReadOnlyList<Agency> agencies, int workingCrs, RoadGraph? graph,
        ReviewOptions? options, IProgress<double>? progress, CancellationToken cancellationToken, (AgencyEstateMatrix Matrix, int[] Row)? reuse)
    {
        options ??= new ReviewOptions();
        var reprojector = new Reprojector(workingCrs, 4326);
        // Estates reprojected by blocks side by side, one reprojector per block (a transform is not shared between threads).
        var estatePoints = new (double Lon, double Lat)[estates.Count];
        const int Block = 8192;
        Parallel.For(0, (estates.Count + Block - 1) / Block, new ParallelOptions { CancellationToken = cancellationToken }, b =>
        {
            var own = new Reprojector(workingCrs, 4326);
            for (int e = b * Block, end = Math.Min(estates.Count, e + Block); e < end; e++)
                estatePoints[e] = LonLat(own, estates[e].Geometry);
        });
        var agencyPoints = agencies.Select(a => LonLat(reprojector, a.Location)).ToArray();
        bool estimated = graph is null;
        // One row per agency; a far presence point that reaches nothing keeps no row, only its reason.
        var rows = new SparseTravelRow?[agencies.Count];
        var rowReasons = new string?[agencies.Count];
        var estateReasons = new string?[estates.Count];
        var estateSnapMeters = new double?[estates.Count];
        var unsnappedAgencies = new Dictionary<string, string>(StringComparer.Ordinal);
        RoadSnap[]? estateSnaps = null;
        var agencyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int a = 0; a < agencies.Count; a++) agencyIndex.TryAdd(agencies[a].Id, a);
        if (graph is null && options.DenseEstimates)
        {
            for (int a = 0; a < agencies.Count; a++)
            {
                var row = new SparseTravelRow.Builder();
                for (int e = 0; e < estates.Count; e++)
                {
                    var t = options.Fallback.Estimate(agencyPoints[a], estatePoints[e]);
                    row.Add(e, (t.DurationSeconds, t.DistanceMeters, null));
                }
                rows[a] = row.Build(estates.Count);
            }
        }
        else if (graph is null)
        {
            // Bounded: the cells within the limit, and those the outputs read whatever the distance (nearest, managing).
            var managingRow = estates.Select(e => e.AgencyId is { } id && agencyIndex.TryGetValue(id, out int m) ? m : -1).ToArray();
            var bounded = StraightLineRows.Compute(estates, estatePoints, agencies, agencyPoints, managingRow, options.Fallback,
                options.EffectiveEstimateLimitMinutes, progress, cancellationToken);
            for (int a = 0; a < agencies.Count; a++)
                rows[a] = bounded[a];
        }
        else
        {
            // One snap per point: its failure code already says whether the nearest road is an isolated fragment.
            var snapper = RoadSnapper.For(graph);
            estateSnaps = snapper.SnapMany(estatePoints, options.MaxSnapDistanceMeters, cancellationToken: cancellationToken);
            var agencySnaps = snapper.SnapMany(agencyPoints, options.MaxSnapDistanceMeters, cancellationToken: cancellationToken);
            for (int e = 0; e < estates.Count; e++)
            {
                estateSnapMeters[e] = double.IsNaN(estateSnaps[e].SnapDistanceMeters) ? null : estateSnaps[e].SnapDistanceMeters;
                if (!estateSnaps[e].IsSnapped) estateReasons[e] = "estate " + SnapFailure(estateSnaps[e]);
            }
            for (int a = 0; a < agencies.Count; a++)
                if (!agencySnaps[a].IsSnapped) unsnappedAgencies[agencies[a].Id] = "agency " + SnapFailure(agencySnaps[a]);
            // Rows kept from an earlier review (same point, estates and graph) are copied; the others are searched.
            var searched = Enumerable.Range(0, agencies.Count).Where(a => reuse is not { } r || r.Row[a] < 0).ToArray();
            var matrix = TravelTimeMatrix.Compute(graph, searched.Select(a => agencySnaps[a]).ToArray(), estateSnaps,
                new MatrixOptions { Hierarchy = options.Hierarchy, MaxSnapDistanceMeters = options.MaxSnapDistanceMeters }, progress, cancellationToken);
            for (int k = 0; k < searched.Length; k++)
            {
                var a = searched[k];
                if (!agencySnaps[a].IsSnapped)
                {
                    rowReasons[a] = estates.Count > 0 ? matrix[k, 0].UnreachableReason : null;
                    continue;
                }
                rows[a] = matrix.Row(k);
            }
            if (reuse is { } kept)
                for (int a = 0; a < agencies.Count; a++)
                {
                    if (kept.Row[a] < 0)
                        continue;
                    if (kept.Matrix.HasRow(kept.Row[a]))
                        rows[a] = kept.Matrix.SparseRow(kept.Row[a]);
                    else
                        rowReasons[a] = kept.Matrix.RowReason(kept.Row[a]);
                }
        }

        var travels = new EstateTravel[estates.Count];
        var access = new EstateAccess[estates.Count];
        // The nearest agency of each estate, over the reached cells only (the first of equals wins).
        var nearestOf = new int[estates.Count];
        var nearestSecondsOf = new double[estates.Count];
        Array.Fill(nearestOf, -1);
        for (int a = 0; a < agencies.Count; a++)
        {
            if (rows[a] is not { } row)
                continue;
            var reached = row.Reached;
            var seconds = row.Seconds;
            for (int k = 0; k < reached.Length; k++)
            {
                int e = reached[k];
                if (nearestOf[e] < 0 || seconds[k] < nearestSecondsOf[e])
                    (nearestOf[e], nearestSecondsOf[e]) = (a, seconds[k]);
            }
            // Cells kept whole may carry seconds too (a stored matrix read back).
            var otherIndex = row.OtherIndex;
            var other = row.Other;
            for (int k = 0; k < otherIndex.Length; k++)
            {
                int e = otherIndex[k];
                if (other[k].Seconds is { } s && (nearestOf[e] < 0 || s < nearestSecondsOf[e]))
                    (nearestOf[e], nearestSecondsOf[e]) = (a, s);
            }
        }
        for (int e = 0; e < estates.Count; e++)
        {
            int nearest = nearestOf[e];
            int managing = estates[e].AgencyId is { } id && agencyIndex.TryGetValue(id, out int m) ? m : -1;
            var near = nearest >= 0 ? Cell(nearest, e) : default;
            var managed = managing >= 0 ? Cell(managing, e) : default;
            string? reason = estateReasons[e];
            if (reason is null && managing >= 0 && managed.Seconds is null)
                reason = unsnappedAgencies.GetValueOrDefault(agencies[managing].Id) ?? "no road path from the managing agency: " + managed.Reason;
            if (reason is null && managing < 0 && nearest < 0)
                reason = agencies.Count == 0 ? "no agency" : "no agency reaches the estate by road";
            travels[e] = new EstateTravel(estates[e].Id, estates[e].AgencyId, nearest >= 0 ? agencies[nearest].Id : null, near.Seconds, near.Meters,
                managed.Seconds, managed.Meters, estateSnapMeters[e], estimated, reason)
            { SnapFailureCode = estateSnaps?[e].FailureCode };
            int chosen = managing >= 0 ? managing : nearest;
            var cell = chosen >= 0 ? Cell(chosen, e) : default;
            access[e] = new EstateAccess(estates[e].Id, chosen >= 0 ? agencies[chosen].Id : estates[e].AgencyId, cell.Seconds, cell.Meters, estimated,
                cell.Seconds is null ? reason : null);
        }
        var summaries = AgencyStatistics.SummariseAll(agencies, estates, access, travels, options.ThresholdsMinutes, estimated);
        var estateMatrix = new AgencyEstateMatrix(agencies.Select(a => a.Id).ToArray(), estates.Select(e => e.Id).ToArray(), rows, rowReasons);
        return new AgencyTravelReviewResult(access, travels, summaries, estimated, unsnappedAgencies) { Matrix = estateMatrix };

        (double? Seconds, double? Meters, string? Reason) Cell(int a, int e) => rows[a] is { } row ? row[e] : (null, null, rowReasons[a]);
    }

    private static string SnapFailure(in RoadSnap snap) =>
        snap.FailureCode == Snapping.SnapFailureCode.IsolatedFragment ? snap.FailureReason! : "not snapped: " + snap.FailureReason;

    private static (double Lon, double Lat) LonLat(Reprojector reprojector, Geometry geometry)
    {
        var p = geometry is Point point ? point.Coordinate : geometry.InteriorPoint.Coordinate;
        return reprojector.Transform(p.X, p.Y);
    }
}
