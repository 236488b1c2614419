using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Territory.Web.Tiles;

/// <summary>A polygon layer in Web Mercator metres with its STR-tree, and the attributes each feature carries in a tile.</summary>
internal sealed class PolygonLayer
{
    private readonly STRtree<int> _tree = new();
    private readonly Geometry[] _geometries;
    private readonly IAttributesTable[] _attributes;

    public PolygonLayer(IReadOnlyList<(Geometry Mercator, IAttributesTable Attributes)> features)
    {
        _geometries = new Geometry[features.Count];
        _attributes = new IAttributesTable[features.Count];
        for (int i = 0; i < features.Count; i++)
        {
            (_geometries[i], _attributes[i]) = features[i];
            if (!_geometries[i].IsEmpty)
                _tree.Insert(_geometries[i].EnvelopeInternal, i);
        }
        _tree.Build();
    }

    /// <summary>The features crossing a tile, clipped to it (plus a margin) and simplified for its zoom, in lon/lat.</summary>
    public List<IFeature> In(TileAddress tile)
    {
        var envelope = tile.Envelope;
        var unit = tile.SizeMeters / TileLayers.Extent;
        var clip = new Envelope(envelope);
        clip.ExpandBy(TileLayers.Buffer * unit);
        var tolerance = TileLayers.SimplifyUnits * unit;
        var hits = _tree.Query(envelope).ToList();
        hits.Sort();
        var features = new List<IFeature>(hits.Count);
        foreach (var i in hits)
        {
            var g = _geometries[i];
            var box = g.EnvelopeInternal;
            // Smaller than the simplification tolerance: it would not survive the tile's integer grid.
            if (box.Width < tolerance && box.Height < tolerance)
                continue;
            var shown = NetTopologySuite.Simplify.DouglasPeuckerSimplifier.Simplify(g, tolerance);
            if (!clip.Contains(box))
                shown = Clip(shown, clip);
            if (shown.IsEmpty)
                continue;
            features.Add(new Feature(MercatorGeometry.ToLonLat(shown), _attributes[i]));
        }
        return features;
    }

    private static Geometry Clip(Geometry g, Envelope clip)
    {
        var rectangle = g.Factory.ToGeometry(clip);
        try
        {
            var clipped = g.Intersection(rectangle);
            // Keep only the polygons: an intersection along an edge may add lines or points.
            var polygons = NetTopologySuite.Geometries.Utilities.PolygonExtracter.GetPolygons(clipped).Cast<Polygon>().ToArray();
            return polygons.Length == 1 ? polygons[0] : g.Factory.CreateMultiPolygon(polygons);
        }
        catch (TopologyException)
        {
            // A self-touching simplified ring: drawn unclipped rather than dropped.
            return g;
        }
    }
}
