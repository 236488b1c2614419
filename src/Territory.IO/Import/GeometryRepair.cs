using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Territory.IO.Import;

/// <summary>Repairs invalid polygons with NTS <see cref="GeometryFixer"/>, reporting each repair.</summary>
internal static class GeometryRepair
{
    /// <summary>Replaces <paramref name="g"/> by a valid copy when it is invalid.</summary>
    /// <returns>False (and a rejection logged) when nothing polygonal survives the repair.</returns>
    public static bool TryRepair(ref Geometry g, long row, ImportLog log)
    {
        var op = new IsValidOp(g);
        if (op.IsValid)
            return true;
        var error = op.ValidationError;
        var fixedGeometry = GeometryFixer.Fix(g);
        if (fixedGeometry.IsEmpty || fixedGeometry is not IPolygonal)
        {
            log.Reject(row, "geometry", "polygon_unrepairable", ("error", ImportTexts.Topology(error)));
            return false;
        }
        fixedGeometry.SRID = g.SRID;
        g = fixedGeometry;
        log.Repaired(row, "geometry", "polygon_repaired", ("error", ImportTexts.Topology(error)));
        return true;
    }
}
