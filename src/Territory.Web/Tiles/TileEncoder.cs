using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace Territory.Web.Tiles;

/// <summary>Writes one layer of lon/lat features as a Mapbox vector tile (NetTopologySuite.IO.VectorTiles).</summary>
internal static class TileEncoder
{
    /// <summary>The tile's bytes; empty when there is no feature.</summary>
    public static byte[] Encode(TileAddress tile, string layer, IReadOnlyList<IFeature> features)
    {
        if (features.Count == 0)
            return [];
        var vt = new VectorTile { TileId = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z).Id };
        var l = new Layer { Name = layer };
        foreach (var f in features)
            l.Features.Add(f);
        vt.Layers.Add(l);
        using var stream = new MemoryStream();
        // Feature ids stay attributes (estate ids are text); no integer MVT id is written.
        vt.Write(stream, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent, TileLayers.Extent, "\u0000");
        return stream.ToArray();
    }
}
