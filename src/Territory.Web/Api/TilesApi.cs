using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Territory.Web.Hosting;
using Territory.Web.State;
using Territory.Web.Tiles;

namespace Territory.Web.Api;

/// <summary>
/// <c>GET /api/tiles/{layer}/{z}/{x}/{y}.mvt</c>: the estates, territories, communes and QPV as Mapbox vector tiles
/// (Web Mercator XYZ), gzip-compressed when the client accepts it, with an ETag tied to what the tile shows; <c>GET /api/tiles</c>
/// says whether the map should use them; <c>GET /api/tiles/count</c> counts the estates a filter keeps.
/// </summary>
public static class TilesApi
{
    /// <summary>Content type of a tile.</summary>
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    // A new process may analyse the same data differently (another version of the typology): its ETags differ.
    private static readonly string Boot = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    public static void MapTilesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/tiles").WithTags("Tuiles");
        group.MapGet("/", (ProjectSession session, TileOptions options, TilePreparation preparation) =>
        {
            var s = session.Current;
            return TypedResults.Ok(new TileInfo(s.Data.Estates.Count >= options.LargeProjectEstates, options.LargeProjectEstates,
                options.AggregateBelowZoom, TileLayers.All, "api/tiles/{layer}/{z}/{x}/{y}.mvt", Boot, preparation.IsPrepared(session.Saved),
                TypeMergedTerritories.UpToZoom));
        }).WithName("GetTileInfo");
        group.MapGet("/count", (ProjectSession session, TileOptions options, HttpContext context) =>
        {
            var filter = TileFilter.Parse(context.Request.Query);
            if (filter is null)
                return IsochronesApi.Invalid(context, "tiles_filter_invalid");
            var (estates, dwellings) = SnapshotTiles.Of(session.Current, options.AggregateBelowZoom).Count(filter);
            return TypedResults.Ok(new TileCount(estates, dwellings));
        }).WithName("GetTileCount");
        group.MapGet("/{layer}/{z:int}/{x:int}/{y:int}.mvt", async Task<IResult> (string layer, int z, int x, int y, ProjectSession session, TileSource source, HttpContext context) =>
        {
            if (!TileLayers.IsKnown(layer))
                return Problems.Of(context, StatusCodes.Status404NotFound, Territory.Core.Messages.Message.Of("tiles_layer_unknown", ("layer", layer), ("layers", string.Join(", ", TileLayers.All))));
            var tile = new TileAddress(z, x, y);
            if (!tile.IsValid)
                return IsochronesApi.Invalid(context, "tiles_address_invalid", ("z", z), ("x", x), ("y", y), ("max", TileAddress.MaxZoom));
            var filter = TileFilter.Parse(context.Request.Query);
            if (filter is null)
                return IsochronesApi.Invalid(context, "tiles_filter_invalid");
            var current = session.Current;
            var etag = ETag(layer, tile, filter, current, source.SourceOf(layer, z, current));
            var response = context.Response;
            response.Headers.ETag = etag;
            // Private: a tile may show the user's own scenario and needs their sign-in. An address naming this process and the
            // user's state (b=, v=: what the map puts in it) always shows the same tile: the browser keeps it without asking
            // again. Any other address is revalidated each time (a 304 costs nothing), never kept under an older state's name.
            response.Headers.CacheControl = Names(context.Request, current) ? "private, max-age=86400" : "private, no-cache";
            response.Headers.Vary = "Accept-Encoding, Cookie, Authorization";
            if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } match
                && match.Split(',').Any(m => m.Trim() == etag || m.Trim() == "*"))
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var (bytes, hit) = await source.TileAsync(layer, tile, filter, current, context.RequestAborted);
            // Whether the tile was already cut, and how long this answer took to get it (benchmarks split hits and cuts on it).
            response.Headers["Server-Timing"] = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"tile;desc={(hit ? "hit" : "cut")};dur={System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}");
            if (bytes.IsEmpty)
                return TypedResults.NoContent();
            if (AcceptsGzip(context.Request))
            {
                response.Headers.ContentEncoding = "gzip";
                return TypedResults.Bytes(bytes.Gzip, ContentType);
            }
            return TypedResults.Bytes(bytes.Raw(), ContentType);
        }).WithName("GetTile");
    }

    /// <summary>
    /// The tile's version: the server's process, the store's data version, the state the user sees (which grows with their
    /// scenario edits) for the layers an analysis or a scenario changes, the source and the filter.
    /// </summary>
    internal static string ETag(string layer, TileAddress tile, TileFilter filter, ProjectSnapshot current, string source)
    {
        var state = layer is TileLayers.Estates or TileLayers.Territories ? current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        var filterHash = filter.IsNone || layer != TileLayers.Estates ? "0"
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(filter.Key)))[..12].ToLowerInvariant();
        return $"\"{Boot}-d{current.Data.DataVersion}-v{state}-{source[0]}-{filterHash}\"";
    }

    // True when the address names this process (b=) and the user's state now (v=): its tile cannot change.
    private static bool Names(HttpRequest request, ProjectSnapshot current) =>
        request.Query["b"].ToString() == Boot
        && request.Query["v"].ToString() == current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Split(',').Any(e => e.Trim().StartsWith("gzip", StringComparison.OrdinalIgnoreCase) && !e.Contains("q=0", StringComparison.Ordinal)));
}

/// <summary>Whether the map reads estates and territories as tiles, and how.</summary>
/// <param name="Enabled">True when the project has at least <paramref name="LargeProjectEstates"/> estates.</param>
/// <param name="LargeProjectEstates">The threshold (configuration <c>Territory:Tiles:LargeProjectEstates</c>).</param>
/// <param name="AggregateBelowZoom">Below this zoom estates come gathered in cells.</param>
/// <param name="Layers">Layers served.</param>
/// <param name="Url">Template of a tile's address, relative to the map's page.</param>
/// <param name="Process">This server process's mark: a tile address with <c>b=</c> it and <c>v=</c> the user's state version is kept by the browser.</param>
/// <param name="Prepared">True when the saved state's tiles are prepared (indexes built, national tiles cut), or none are needed.</param>
/// <param name="TerritoriesMergedUpToZoom">Deepest tile zoom whose territories come merged by type (features with <c>merged</c>, no <c>id</c>).</param>
public sealed record TileInfo(bool Enabled, int LargeProjectEstates, int AggregateBelowZoom, IReadOnlyList<string> Layers, string Url, string Process, bool Prepared,
    int TerritoriesMergedUpToZoom);

/// <summary>Estates and dwellings a filter keeps in the whole project.</summary>
public sealed record TileCount(int Estates, long Dwellings);
