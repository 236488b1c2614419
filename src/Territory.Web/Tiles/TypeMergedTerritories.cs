using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;

namespace Territory.Web.Tiles;

/// <summary>
/// The territories as the national view draws them: the territories of one type merged into one area, up to
/// <see cref="UpToZoom"/>. There a commune is a pixel or two across and the view reads types by colour, not outlines;
/// drawing tens of thousands of outlines was most of the national first render (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// Each territory is simplified at half the tolerance of the deepest merged zoom, then the territories of a type are united
/// with snap-rounding on a grid of that half tolerance (Web Mercator metres), which closes the slivers simplification leaves
/// between neighbours. Every polygon of the union is one feature (type, colour, <c>merged</c>), so a tile clips only
/// the polygons it crosses; the tile's own simplification and sub-pixel rule then apply as to any polygon.
/// </remarks>
internal static class TypeMergedTerritories
{
    /// <summary>Deepest tile zoom whose territories are drawn merged by type (a 512-pixel tile of it spans about 2.4 km per pixel).</summary>
    public const int UpToZoom = 5;

    /// <summary>
    /// The grid the union snaps to and the simplification tolerance before it, Web Mercator metres: half the tolerance of the
    /// deepest merged zoom (about 1.2 km, a quarter of a pixel of its 512-pixel tile).
    /// </summary>
    public static double GridMeters { get; } = TileLayers.SimplifyUnits * new TileAddress(UpToZoom, 0, 0).SizeMeters / TileLayers.Extent / 2;

    /// <summary>True when a territories tile of zoom <paramref name="z"/> draws them merged by type.</summary>
    public static bool Applies(int z) => z <= UpToZoom;

    /// <summary>The merged areas, one feature per polygon, types in the order they first appear.</summary>
    /// <param name="territories">Each territory's geometry (Web Mercator metres), type code and colour.</param>
    public static List<(Geometry Mercator, IAttributesTable Attributes)> Of(IReadOnlyList<(Geometry Mercator, string Type, string Colour)> territories)
    {
        var grid = GridMeters;
        var precision = new PrecisionModel(1 / grid);
        var byType = new Dictionary<string, (string Colour, List<Geometry> Parts)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (geometry, type, colour) in territories)
        {
            if (geometry.IsEmpty)
                continue;
            if (!byType.TryGetValue(type, out var group))
            {
                byType[type] = group = (colour, []);
                order.Add(type);
            }
            group.Parts.Add(DouglasPeuckerSimplifier.Simplify(geometry, grid));
        }
        var features = new List<(Geometry, IAttributesTable)>();
        foreach (var type in order)
        {
            var (colour, parts) = byType[type];
            var factory = parts[0].Factory;
            var union = UnaryUnionNG.Union(factory.BuildGeometry(parts), precision);
            for (int i = 0; i < union.NumGeometries; i++)
            {
                if (union.GetGeometryN(i) is not Polygon { IsEmpty: false } polygon)
                    continue;
                features.Add((polygon, new AttributesTable { { "type", type }, { "colour", colour }, { "merged", true } }));
            }
        }
        return features;
    }
}
