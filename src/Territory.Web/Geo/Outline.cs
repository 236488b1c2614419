using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Territory.Web.Geo;

/// <summary>Lighter outlines of lon/lat polygons for the map.</summary>
public static class Outline
{
    private const double MetresPerDegreeLatitude = 111_320;

    /// <summary>
    /// Topology-preserving simplification of a lon/lat (Multi)Polygon at about <paramref name="toleranceMeters"/>.
    /// </summary>
    /// <remarks>
    /// The tolerance is converted with the north–south degree length, so east–west it is a little
    /// smaller (× cos latitude, ≈ 0.7 in France): never coarser than asked. Raster isochrones
    /// (100 m cells) are staircases: half a cell removes most vertices without moving an outline
    /// by more than the raster's own accuracy.
    /// </remarks>
    public static Geometry Simplify(Geometry lonLat, double toleranceMeters) =>
        toleranceMeters <= 0 || lonLat.IsEmpty ? lonLat : TopologyPreservingSimplifier.Simplify(lonLat, toleranceMeters / MetresPerDegreeLatitude);
}
