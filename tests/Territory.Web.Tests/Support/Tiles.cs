using System.IO.Compression;
using System.Net;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace Territory.Web.Tests.Support;

/// <summary>Reads vector tiles from the API with the Mapbox reader of NetTopologySuite.IO.VectorTiles.</summary>
internal static class Tiles
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>A tile's features (none for a 204), after checking its content type.</summary>
    public static async Task<IReadOnlyList<IFeature>> Get(HttpClient client, string layer, int z, int x, int y, string query = "")
    {
        var response = await client.GetAsync($"/api/tiles/{layer}/{z}/{x}/{y}.mvt{(query.Length > 0 ? "?" + query : "")}");
        if (response.StatusCode == HttpStatusCode.NoContent)
            return [];
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{layer}/{z}/{x}/{y} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentEncoding.Contains("gzip"))
            bytes = Gunzip(bytes);
        return Decode(bytes, layer, z, x, y);
    }

    public static IReadOnlyList<IFeature> Decode(byte[] bytes, string layer, int z, int x, int y)
    {
        if (bytes.Length == 0)
            return [];
        using var stream = new MemoryStream(bytes);
        var tile = new MapboxTileReader(Wgs84).Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
        var l = tile.Layers.SingleOrDefault(l => l.Name == layer);
        Assert.NotNull(l);
        return l.Features.ToList();
    }

    public static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The XYZ tiles covering a lon/lat extent at a zoom.</summary>
    public static IEnumerable<(int X, int Y)> Covering(double[] extent, int z)
    {
        var (x0, y0) = TileOf(extent[0], extent[3], z);
        var (x1, y1) = TileOf(extent[2], extent[1], z);
        for (int x = x0; x <= x1; x++)
            for (int y = y0; y <= y1; y++)
                yield return (x, y);
    }

    public static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var phi = lat * Math.PI / 180;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }

    public static double Number(IFeature f, string name) => Convert.ToDouble(f.Attributes[name], System.Globalization.CultureInfo.InvariantCulture);
}
