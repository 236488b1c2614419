using Territory.Planning.Matrix;
using Territory.Routing.Algorithms;

namespace Territory.Planning.Rounds;

/// <summary>Travel seconds between the base (index 0) and the stops (1…n), both directions; NaN where there is no road.</summary>
internal static class RoundTravel
{
    public static (double[,] Seconds, bool Estimated) Build(RoundRequest request, CancellationToken cancellationToken)
    {
        int n = request.Stops.Count + 1;
        if (request.TravelSeconds is { } given)
        {
            if (given.GetLength(0) != n || given.GetLength(1) != n)
                throw new PlanningException(PlanningErrorCodes.RoundsMatrixMismatch, ("expected", n), ("actual", given.GetLength(0)));
            return ((double[,])given.Clone(), false);
        }
        var points = CostMatrices.ToLonLat(
            [(request.BaseId, request.BaseLocation), .. request.Stops.Select(s => (s.Id, (NetTopologySuite.Geometries.Geometry)s.Location))],
            request.WorkingCrs);
        var lonLat = points.Select(p => (p.Lon, p.Lat)).ToArray();
        var seconds = new double[n, n];
        if (request.Graph is null)
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    seconds[i, j] = i == j ? 0 : request.Fallback.Estimate(lonLat[i], lonLat[j]).DurationSeconds;
            return (seconds, true);
        }
        var matrix = TravelTimeMatrix.Compute(request.Graph, lonLat, lonLat,
            new MatrixOptions { Hierarchy = request.Hierarchy, MaxSnapDistanceMeters = request.MaxSnapDistanceMeters }, cancellationToken: cancellationToken);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                seconds[i, j] = matrix[i, j].DurationSeconds ?? double.NaN;
        return (seconds, false);
    }
}
