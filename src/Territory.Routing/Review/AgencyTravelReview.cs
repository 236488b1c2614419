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
/// and every output is flagged <c>Estimated</c>.
/// </remarks>
public static class AgencyTravelReview
{
    public static AgencyTravelReviewResult Compute(IReadOnlyList<Estate> estates, IReadOnlyList<Agency> agencies, int workingCrs, RoadGraph? graph,
        ReviewOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new ReviewOptions();
        var reprojector = new Reprojector(workingCrs, 4326);
        var estatePoints = estates.Select(e => LonLat(reprojector, e.Geometry)).ToArray();
        var agencyPoints = agencies.Select(a => LonLat(reprojector, a.Location)).ToArray();
        bool estimated = graph is null;
        // One row per agency; a far presence point that reaches nothing keeps no row, only its reason.
        var rows = new (double? Seconds, double? Meters, string? Reason)[]?[agencies.Count];
        var rowReasons = new string?[agencies.Count];
        var estateReasons = new string?[estates.Count];
        var estateSnapMeters = new double?[estates.Count];
        var unsnappedAgencies = new Dictionary<string, string>(StringComparer.Ordinal);
        RoadSnap[]? estateSnaps = null;
        if (graph is null)
        {
            for (int a = 0; a < agencies.Count; a++)
            {
                var row = rows[a] = new (double?, double?, string?)[estates.Count];
                for (int e = 0; e < estates.Count; e++)
                {
                    var t = options.Fallback.Estimate(agencyPoints[a], estatePoints[e]);
                    row[e] = (t.DurationSeconds, t.DistanceMeters, null);
                }
            }
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
            var matrix = TravelTimeMatrix.Compute(graph, agencySnaps, estateSnaps,
                new MatrixOptions { Hierarchy = options.Hierarchy, MaxSnapDistanceMeters = options.MaxSnapDistanceMeters }, progress, cancellationToken);
            for (int a = 0; a < agencies.Count; a++)
            {
                if (!agencySnaps[a].IsSnapped)
                {
                    rowReasons[a] = estates.Count > 0 ? matrix[a, 0].UnreachableReason : null;
                    continue;
                }
                var row = rows[a] = new (double?, double?, string?)[estates.Count];
                for (int e = 0; e < estates.Count; e++)
                {
                    var c = matrix[a, e];
                    row[e] = (c.DurationSeconds, c.DistanceMeters, c.UnreachableReason);
                }
            }
        }

        var agencyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int a = 0; a < agencies.Count; a++) agencyIndex.TryAdd(agencies[a].Id, a);
        var travels = new EstateTravel[estates.Count];
        var access = new EstateAccess[estates.Count];
        for (int e = 0; e < estates.Count; e++)
        {
            int nearest = -1;
            double nearestSeconds = 0;
            for (int a = 0; a < agencies.Count; a++)
                if (rows[a]?[e].Seconds is { } s && (nearest < 0 || s < nearestSeconds)) (nearest, nearestSeconds) = (a, s);
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
