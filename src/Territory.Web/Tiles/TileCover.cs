using NetTopologySuite.Geometries;

namespace Territory.Web.Tiles;

/// <summary>The tiles of the Web Mercator grid that cover an envelope.</summary>
internal static class TileCover
{
    /// <summary>Every tile crossing <paramref name="mercator"/> (EPSG:3857 metres), zoom by zoom from <paramref name="minZoom"/>, rows then columns.</summary>
    public static List<TileAddress> Of(Envelope mercator, int minZoom, int maxZoom)
    {
        var tiles = new List<TileAddress>();
        for (int z = minZoom; z <= maxZoom; z++)
        {
            var size = 2 * WebMercator.HalfWorld / (1L << z);
            int last = (1 << z) - 1;
            int x0 = Index(mercator.MinX + WebMercator.HalfWorld, size, last), x1 = Index(mercator.MaxX + WebMercator.HalfWorld, size, last);
            int y0 = Index(WebMercator.HalfWorld - mercator.MaxY, size, last), y1 = Index(WebMercator.HalfWorld - mercator.MinY, size, last);
            for (int y = y0; y <= y1; y++)
                for (int x = x0; x <= x1; x++)
                    tiles.Add(new TileAddress(z, x, y));
        }
        return tiles;
    }

    private static int Index(double fromEdge, double size, int last) => Math.Clamp((int)Math.Floor(fromEdge / size), 0, last);
}
