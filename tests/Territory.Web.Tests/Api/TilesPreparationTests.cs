using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Territory.Web.Tests.Support;
using Territory.Web.Tiles;

namespace Territory.Web.Tests.Api;

/// <summary>
/// The tiles of a saved state prepared when it is published (server start, import): the same bytes as cut on request, a
/// new state's tiles cut for it and never answered from the old one's, the browser told to keep a tile for its state's life.
/// </summary>
public sealed class TilesPreparationTests
{
    private const int CellZoom = 8;

    private static WebFactory Factory(bool prepare) => new()
    {
        WatchInterval = TimeSpan.Zero,
        Settings = new Dictionary<string, string> { ["Tiles:LargeProjectEstates"] = "1000", ["Tiles:Prepare"] = prepare ? "true" : "false" },
    };

    // The application's own signal: the preparation of the latest published state.
    private static Task Prepared(WebFactory factory) => factory.Services.GetRequiredService<TilePreparation>().Latest;

    [Fact]
    public async Task Tiles_PreparedAtStart_AreTheBytesCutOnRequest_AndAnsweredFromTheCache()
    {
        using var cold = Factory(prepare: false);
        using var prepared = Factory(prepare: true);
        using var coldClient = cold.App();
        using var preparedClient = prepared.App();
        await Prepared(prepared);
        Assert.True((await Json.Get(preparedClient, "/api/tiles")).GetProperty("prepared").GetBoolean());
        Assert.False((await Json.Get(coldClient, "/api/tiles")).GetProperty("prepared").GetBoolean());
        var extent = (await Json.Get(coldClient, "/api/project")).GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        int compared = 0;
        foreach (var z in new[] { 5, CellZoom, 12 })
            foreach (var (x, y) in Support.Tiles.Covering(extent, z).Take(6))
                foreach (var layer in TileLayers.All)
                {
                    var url = $"/api/tiles/{layer}/{z}/{x}/{y}.mvt";
                    var (coldBytes, _) = await Get(coldClient, url);
                    var (preparedBytes, timing) = await Get(preparedClient, url);
                    Assert.Equal(coldBytes, preparedBytes);
                    // Up to the prepared zoom, every tile over the data was cut in advance.
                    if (z <= 8)
                        Assert.StartsWith("tile;desc=hit", timing);
                    compared += coldBytes.Length > 0 ? 1 : 0;
                }
        Assert.True(compared > 10, $"{compared} non-empty tiles compared");
    }

    [Fact]
    public async Task Cells_FromThePreparedGrid_AreTheCellsOfAFilterKeepingEverything()
    {
        using var factory = Factory(prepare: true);
        using var client = factory.App();
        await Prepared(factory);
        var project = await Json.Get(client, "/api/project");
        var types = string.Join(',', project.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("code").GetString()).Append("none"));
        var extent = project.GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        int cells = 0;
        foreach (var z in new[] { 3, 7, 9, 11 })
            foreach (var (x, y) in Support.Tiles.Covering(extent, z))
            {
                var grid = await Support.Tiles.Get(client, "estates", z, x, y);
                var scanned = await Support.Tiles.Get(client, "estates", z, x, y, "types=" + Uri.EscapeDataString(types));
                Assert.Equal(scanned.Count, grid.Count);
                for (int i = 0; i < grid.Count; i++)
                {
                    Assert.Equal(Support.Tiles.Number(scanned[i], "count"), Support.Tiles.Number(grid[i], "count"));
                    Assert.Equal(Support.Tiles.Number(scanned[i], "dwellings"), Support.Tiles.Number(grid[i], "dwellings"));
                    Assert.Equal(scanned[i].Attributes.Exists("type") ? scanned[i].Attributes["type"] : null, grid[i].Attributes.Exists("type") ? grid[i].Attributes["type"] : null);
                    Assert.Equal(scanned[i].Geometry.Coordinate.X, grid[i].Geometry.Coordinate.X, 5);
                    Assert.Equal(scanned[i].Geometry.Coordinate.Y, grid[i].Geometry.Coordinate.Y, 5);
                    cells++;
                }
            }
        Assert.True(cells > 20, $"{cells} cells compared");
    }

    [Fact]
    public async Task AnImport_ChangesTheETag_AndTheNewStatesTilesAreCutForIt()
    {
        using var factory = Factory(prepare: true);
        using var client = factory.App();
        await Prepared(factory);
        var project = await Json.Get(client, "/api/project");
        var extent = project.GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var (x, y) = Support.Tiles.TileOf((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2, CellZoom);
        var url = $"/api/tiles/communes/{CellZoom}/{x}/{y}.mvt";
        var before = await client.GetAsync(url);
        var tag = before.Headers.ETag!;
        var names = Support.Tiles.Decode(await Body(before), "communes", CellZoom, x, y).Select(f => (string)f.Attributes["name"]).ToList();
        Assert.NotEmpty(names);
        // Another program renames every commune; the session reloads the new version.
        using (var store = Territory.Store.ProjectStores.Open(factory.ProjectPath))
        {
            var data = Territory.Store.ProjectData.Read(store);
            store.ImportLayer(new Territory.IO.Import.ImportResult
            {
                Kind = Territory.Core.Model.LayerKind.Communes, SourcePath = "communes.gpkg", SourceCrs = 2154, TargetCrs = 2154,
                Read = data.Communes.Count, Communes = data.Communes.Select(c => c with { Name = c.Name + " (renommée)" }).ToList(),
            }, new Territory.Store.LayerWriteOptions());
        }
        (await client.PostAsync("/api/project/reload", null)).EnsureSuccessStatusCode();
        // The old address revalidated with the old tag: a new tile (200), never « not modified ».
        using (var again = new HttpRequestMessage(HttpMethod.Get, url))
        {
            again.Headers.IfNoneMatch.Add(tag);
            var after = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.NotEqual(tag, after.Headers.ETag);
            var renamed = Support.Tiles.Decode(await Body(after), "communes", CellZoom, x, y).Select(f => (string)f.Attributes["name"]).ToList();
            Assert.Equal(names.Select(n => n + " (renommée)"), renamed);
        }
        // The new state was prepared in its turn: its national tiles come from the cache.
        await Prepared(factory);
        var (_, timing) = await Get(client, $"/api/tiles/territories/{CellZoom}/{x}/{y}.mvt");
        Assert.StartsWith("tile;desc=hit", timing);
    }

    [Fact]
    public async Task Tile_AddressNamingTheProcessAndTheState_IsKeptByTheBrowser_OthersAreRevalidated()
    {
        using var factory = Factory(prepare: false);
        using var client = factory.App();
        var info = await Json.Get(client, "/api/tiles");
        var process = info.GetProperty("process").GetString();
        var version = (await Json.Get(client, "/api/project")).GetProperty("version").GetInt32();
        var named = await client.GetAsync($"/api/tiles/communes/5/16/11.mvt?b={process}&v={version}");
        Assert.True(named.Headers.CacheControl is { Private: true, NoCache: false, MaxAge: not null }, named.Headers.CacheControl?.ToString());
        var older = await client.GetAsync($"/api/tiles/communes/5/16/11.mvt?b={process}&v={version - 1}");
        Assert.True(older.Headers.CacheControl is { Private: true, NoCache: true }, older.Headers.CacheControl?.ToString());
        var otherProcess = await client.GetAsync($"/api/tiles/communes/5/16/11.mvt?b=0000&v={version}");
        Assert.True(otherProcess.Headers.CacheControl is { NoCache: true }, otherProcess.Headers.CacheControl?.ToString());
    }

    private static async Task<(byte[] Raw, string Timing)> Get(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{url} → {(int)response.StatusCode}");
        var timing = response.Headers.TryGetValues("Server-Timing", out var t) ? string.Join(",", t) : "";
        return (await Body(response), timing);
    }

    private static async Task<byte[]> Body(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.Content.Headers.ContentEncoding.Contains("gzip") ? Support.Tiles.Gunzip(bytes) : bytes;
    }
}
