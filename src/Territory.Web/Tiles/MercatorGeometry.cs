using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;

namespace Territory.Web.Tiles;

/// <summary>
/// Geometries of the working CRS in Web Mercator metres, computed once per geometry object and kept while it lives:
/// a scenario edit makes a new snapshot but keeps the layers' geometry objects, so their projection is not redone.
/// </summary>
internal static class MercatorGeometry
{
    private static readonly ConditionalWeakTable<Geometry, Geometry> Projected = new();

    /// <summary>The geometry in EPSG:3857 (a copy; the input is never changed).</summary>
    public static Geometry Of(Geometry geometry, Reprojector toWgs84) =>
        Projected.GetValue(geometry, g => FromLonLat(toWgs84.Transform(g)));

    /// <summary>A lon/lat geometry's copy in EPSG:3857.</summary>
    public static Geometry FromLonLat(Geometry lonLat)
    {
        var copy = lonLat.Copy();
        copy.Apply(new ProjectFilter(toMercator: true));
        copy.GeometryChanged();
        copy.SRID = 3857;
        return copy;
    }

    /// <summary>An EPSG:3857 geometry's copy in lon/lat (what the tile writer takes).</summary>
    public static Geometry ToLonLat(Geometry mercator)
    {
        var copy = mercator.Copy();
        copy.Apply(new ProjectFilter(toMercator: false));
        copy.GeometryChanged();
        copy.SRID = 4326;
        return copy;
    }

    private sealed class ProjectFilter(bool toMercator) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                var (x, y) = toMercator ? WebMercator.FromLonLat(seq.GetX(i), seq.GetY(i)) : WebMercator.ToLonLat(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
