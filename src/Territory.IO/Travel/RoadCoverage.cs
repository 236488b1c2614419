using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.IO.Travel;

/// <summary>Whether a road network serves the project's estates: the share of estates it can connect (snapped within the review's distance).</summary>
/// <remarks>A network of another area (Andorra for a Paris project) connects none: every estate would be unreachable.</remarks>
public static class RoadCoverage
{
    /// <summary>Judges <paramref name="graph"/> against the estates (in <paramref name="workingCrs"/>); under half connected is insufficient.</summary>
    public static OverlapCheck Check(RoadGraph graph, IReadOnlyList<Estate> estates, int workingCrs, string osmFile,
        double maxSnapMeters = RoadSnapper.DefaultMaxSnapDistanceMeters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(estates);
        if (estates.Count == 0)
            return new OverlapCheck(OverlapVerdict.Unchecked, null);
        var toWgs84 = new Reprojector(workingCrs, CrsRegistry.Wgs84);
        var points = estates.Select(e =>
        {
            var c = (e.Geometry as Point ?? e.Geometry.InteriorPoint).Coordinate;
            return toWgs84.Transform(c.X, c.Y);
        }).ToList();
        var snaps = RoadSnapper.For(graph).SnapMany(points, maxSnapMeters, cancellationToken: ct);
        var connected = snaps.Count(s => s.IsSnapped);
        var message = Message.Of("overlap_roads", ("file", osmFile), ("connected", connected), ("estates", estates.Count),
            ("share", (double)connected / estates.Count), ("metres", maxSnapMeters));
        return new OverlapCheck(connected * 2 < estates.Count ? OverlapVerdict.Insufficient : connected < estates.Count ? OverlapVerdict.Partial : OverlapVerdict.Sufficient,
            message) { Covered = connected, Total = estates.Count };
    }
}
