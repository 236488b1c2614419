using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Territory.Web.Tiles;

/// <summary>
/// A polygon layer in Web Mercator metres with its STR-tree, and the attributes each feature carries in a tile; each
/// polygon simplified once per zoom up to <see cref="SimplifiedUpToZoom"/> (a national tile redraws thousands of them).
/// </summary>
internal sealed class PolygonLayer
{
    /// <summary>Deepest zoom whose simplified polygons are kept; deeper tiles hold few polygons and simplify them per tile.</summary>
    public const int SimplifiedUpToZoom = 13;

    private readonly STRtree<int> _tree = new();
    private readonly Geometry[] _geometries;
    private readonly IAttributesTable[] _attributes;
    private readonly Geometry?[]?[] _simplified = new Geometry?[]?[SimplifiedUpToZoom + 1];

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
        foreach (var g in _geometries)
            Envelope.ExpandToInclude(g.EnvelopeInternal);
    }

    /// <summary>The layer's extent, Web Mercator metres (null envelope when empty).</summary>
    public Envelope Envelope { get; } = new();

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
            var shown = Simplified(i, tile.Z, tolerance);
            if (!clip.Contains(box))
                shown = Clip(shown, clip);
            if (shown.IsEmpty)
                continue;
            features.Add(new Feature(MercatorGeometry.ToLonLat(shown), _attributes[i]));
        }
        return features;
    }

    /// <summary>Simplifies every polygon for the zooms up to <paramref name="maxZoom"/> (what the national tiles draw).</summary>
    public void Prepare(int maxZoom)
    {
        for (int z = 0; z <= Math.Min(maxZoom, SimplifiedUpToZoom); z++)
        {
            var tolerance = TileLayers.SimplifyUnits * new TileAddress(z, 0, 0).SizeMeters / TileLayers.Extent;
            for (int i = 0; i < _geometries.Length; i++)
            {
                var box = _geometries[i].EnvelopeInternal;
                if (!_geometries[i].IsEmpty && (box.Width >= tolerance || box.Height >= tolerance))
                    Simplified(i, z, tolerance);
            }
        }
    }

    // Two requests may simplify the same polygon at once: they compute the same geometry, one is kept.
    private Geometry Simplified(int i, int zoom, double tolerance)
    {
        if (zoom > SimplifiedUpToZoom)
            return NetTopologySuite.Simplify.DouglasPeuckerSimplifier.Simplify(_geometries[i], tolerance);
        var row = Volatile.Read(ref _simplified[zoom]);
        if (row is null)
        {
            Interlocked.CompareExchange(ref _simplified[zoom], new Geometry?[_geometries.Length], null);
            row = Volatile.Read(ref _simplified[zoom])!;
        }
        var done = Volatile.Read(ref row[i]);
        if (done is null)
        {
            done = NetTopologySuite.Simplify.DouglasPeuckerSimplifier.Simplify(_geometries[i], tolerance);
            Volatile.Write(ref row[i], done);
        }
        return done;
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
