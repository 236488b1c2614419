using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Territory.Web.Geo;

/// <summary>Lighter outlines of lon/lat polygons for the map.</summary>
public static class Outline
{
    private const double MetresPerDegreeLatitude = 111_320;

    /// <summary>
    /// Fills the holes smaller than <paramref name="minHoleSquareMeters"/>, then simplifies the
    /// (Multi)Polygon at about <paramref name="toleranceMeters"/> (Douglas–Peucker). Never mutates the input.
    /// </summary>
    /// <remarks>
    /// Lon/lat in, lon/lat out. The tolerance is converted with the north–south degree length, so
    /// east–west it is smaller (× cos latitude, ≈ 0.7 in France): never coarser than asked.
    /// Raster isochrones (100 m cells) are staircases whose corners stand ≈ 71 m off the diagonal,
    /// and their one-cell holes are unreached pockets far below the raster's ≈ 150 m accuracy.
    /// </remarks>
    public static Geometry Simplify(Geometry lonLat, double toleranceMeters, double minHoleSquareMeters = 0)
    {
        if (lonLat.IsEmpty)
            return lonLat;
        var g = minHoleSquareMeters > 0 ? FillSmallHoles(lonLat, minHoleSquareMeters) : lonLat;
        if (toleranceMeters <= 0)
            return g;
        // Douglas–Peucker ring by ring with NTS's line simplifier: the geometry-level simplifier
        // checks IsValid on every polygon even without topology repair, which on raster outlines
        // with holes costs more than the isochrone itself. A rare self-touching ring still draws.
        var tolerance = toleranceMeters / MetresPerDegreeLatitude;
        var factory = g.Factory;
        Polygon? Ring(Polygon p)
        {
            var shell = SimplifyRing(p.ExteriorRing.Coordinates, tolerance, factory);
            if (shell is null)
                return null;
            var holes = new List<LinearRing>(p.NumInteriorRings);
            for (int i = 0; i < p.NumInteriorRings; i++)
                if (SimplifyRing(p.GetInteriorRingN(i).Coordinates, tolerance, factory) is { } hole)
                    holes.Add(hole);
            return factory.CreatePolygon(shell, holes.ToArray());
        }
        return g switch
        {
            Polygon p => (Geometry?)Ring(p) ?? factory.CreatePolygon(),
            MultiPolygon m => factory.CreateMultiPolygon(Enumerable.Range(0, m.NumGeometries).Select(i => Ring((Polygon)m.GetGeometryN(i))).OfType<Polygon>().ToArray()),
            _ => DouglasPeuckerSimplifier.Simplify(g, tolerance),
        };
    }

    /// <summary>A simplified closed ring, or null when it collapses below a triangle.</summary>
    private static LinearRing? SimplifyRing(Coordinate[] ring, double tolerance, GeometryFactory factory)
    {
        var simplified = DouglasPeuckerLineSimplifier.Simplify(ring, tolerance);
        return simplified.Length >= 4 ? factory.CreateLinearRing(simplified) : null;
    }

    private static Geometry FillSmallHoles(Geometry lonLat, double minHoleSquareMeters)
    {
        var latitude = lonLat.EnvelopeInternal.Centre.Y * Math.PI / 180;
        var squareMetresPerSquareDegree = MetresPerDegreeLatitude * MetresPerDegreeLatitude * Math.Cos(latitude);
        var minArea = minHoleSquareMeters / squareMetresPerSquareDegree;
        var factory = lonLat.Factory;
        // The kept rings are shared with the input, not copied: neither polygon is ever mutated.
        Polygon Fill(Polygon p) => p.NumInteriorRings == 0 ? p
            : factory.CreatePolygon((LinearRing)p.ExteriorRing,
                p.InteriorRings.Where(h => h.EnvelopeInternal.Area >= minArea && Math.Abs(NetTopologySuite.Algorithm.Area.OfRing(h.CoordinateSequence)) >= minArea)
                    .Cast<LinearRing>().ToArray());
        return lonLat switch
        {
            Polygon p => Fill(p),
            MultiPolygon m => factory.CreateMultiPolygon(Enumerable.Range(0, m.NumGeometries).Select(i => Fill((Polygon)m.GetGeometryN(i))).ToArray()),
            _ => lonLat,
        };
    }
}
