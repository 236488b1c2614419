using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>The vector tiles over the demo project (GeoPackage, cut from the server's state), its 1,495 estates counted as a large project.</summary>
public sealed class TilesApiTests(TilesApiTests.Server server) : IClassFixture<TilesApiTests.Server>
{
    public sealed class Server : IDisposable
    {
        public WebFactory Factory { get; } = new() { Settings = new Dictionary<string, string> { ["Tiles:LargeProjectEstates"] = "1000" } };

        public void Dispose() => Factory.Dispose();
    }

    private const int PointZoom = 12;
    private const int CellZoom = 8;

    [Fact]
    public async Task Info_LargeProject_SaysTilesAreOnWithTheirThresholds()
    {
        using var client = server.Factory.App();
        var info = await Json.Get(client, "/api/tiles");
        Assert.True(info.GetProperty("enabled").GetBoolean());
        Assert.Equal(1000, info.GetProperty("largeProjectEstates").GetInt32());
        Assert.Equal(12, info.GetProperty("aggregateBelowZoom").GetInt32());
    }

    [Fact]
    public async Task Info_DemoUnderDefaultThreshold_KeepsWholeLayers()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        Assert.False((await Json.Get(client, "/api/tiles")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task EstateTiles_AtStreetZoom_HoldEveryEstateOnceWithTheMapsAttributes()
    {
        using var client = server.Factory.App();
        var extent = await Extent(client);
        var columns = await Json.Get(client, "/api/layers/estates?format=columns");
        var ids = columns.GetProperty("id").EnumerateArray().Select(e => e.GetString()!).ToList();
        var seen = new List<string>();
        foreach (var (x, y) in Support.Tiles.Covering(extent, PointZoom))
        {
            foreach (var f in await Support.Tiles.Get(client, "estates", PointZoom, x, y))
            {
                Assert.IsType<Point>(f.Geometry);
                Assert.DoesNotContain(f.Attributes.GetNames(), n => n is not ("id" or "dwellings" or "type" or "landlord" or "agency" or "travelAgency" or "minutes" or "estimated"));
                Assert.False(f.Attributes.Exists("count"));
                seen.Add((string)f.Attributes["id"]);
            }
        }
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EstateTile_PointPositionAndAttributes_AreThoseOfTheColumnsAnswer()
    {
        using var client = server.Factory.App();
        var c = await Json.Get(client, "/api/layers/estates?format=columns");
        int i = 7;
        var id = c.GetProperty("id")[i].GetString()!;
        double lon = c.GetProperty("lon")[i].GetDouble(), lat = c.GetProperty("lat")[i].GetDouble();
        var (x, y) = Support.Tiles.TileOf(lon, lat, 16);
        var f = (await Support.Tiles.Get(client, "estates", 16, x, y)).Single(f => (string)f.Attributes["id"] == id);
        // 16 tile units at zoom 16 are ~0.04 m... the writer truncates to whole units: within a few centimetres.
        Assert.Equal(lon, f.Geometry.Coordinate.X, 4);
        Assert.Equal(lat, f.Geometry.Coordinate.Y, 4);
        Assert.Equal(c.GetProperty("dwellings")[i].GetInt32(), (int)Support.Tiles.Number(f, "dwellings"));
        var minutes = c.GetProperty("travelMinutes")[i];
        if (minutes.ValueKind == System.Text.Json.JsonValueKind.Number)
            Assert.Equal(minutes.GetDouble(), Support.Tiles.Number(f, "minutes"), 6);
        var type = c.GetProperty("type")[i].GetInt32();
        if (type >= 0)
            Assert.Equal(c.GetProperty("types")[type].GetString(), f.Attributes["type"]);
    }

    [Fact]
    public async Task EstateTiles_BelowTheThreshold_AreCellsCountingEveryEstateAndDwelling()
    {
        using var client = server.Factory.App();
        var project = await Json.Get(client, "/api/project");
        var counts = project.GetProperty("counts");
        var (estates, dwellings, cells) = await CellTotals(client, "");
        Assert.Equal(counts.GetProperty("estates").GetInt32(), estates);
        Assert.Equal(counts.GetProperty("dwellings").GetInt64(), dwellings);
        Assert.InRange(cells, 2, 16 * 16 * 4);
    }

    [Fact]
    public async Task EstateTiles_Filtered_CountWhatTheCountEndpointCounts()
    {
        using var client = server.Factory.App();
        const string query = "types=urban_collective,priority_district&minutes=5";
        var count = await Json.Get(client, "/api/tiles/count?" + query);
        var (estates, dwellings, _) = await CellTotals(client, query);
        Assert.Equal(count.GetProperty("estates").GetInt32(), estates);
        Assert.Equal(count.GetProperty("dwellings").GetInt64(), dwellings);
        var all = await Json.Get(client, "/api/tiles/count");
        Assert.InRange(estates, 1, all.GetProperty("estates").GetInt32() - 1);
        // One by one, every estate kept has one of the types and is over 5 minutes.
        var extent = await Extent(client);
        foreach (var (x, y) in Support.Tiles.Covering(extent, PointZoom))
            foreach (var f in await Support.Tiles.Get(client, "estates", PointZoom, x, y, query))
            {
                Assert.Contains((string)f.Attributes["type"], new[] { "urban_collective", "priority_district" });
                if (f.Attributes.Exists("minutes"))
                    Assert.True(Support.Tiles.Number(f, "minutes") > 5);
            }
    }

    [Theory]
    [InlineData("territories", new[] { "id", "name", "kind", "type", "colour", "dwellings", "estates", "caretakingApplies", "caretakingDeficit" })]
    [InlineData("communes", new[] { "code", "name", "population", "densityLevel" })]
    [InlineData("qpv", new[] { "code", "name", "communeCode" })]
    public async Task PolygonTiles_HoldTheLayersPolygonsWithTheirAttributes(string layer, string[] attributes)
    {
        using var client = server.Factory.App();
        var extent = await Extent(client);
        var ids = new HashSet<string>();
        foreach (var (x, y) in Support.Tiles.Covering(extent, 10))
            foreach (var f in await Support.Tiles.Get(client, layer, 10, x, y))
            {
                Assert.True(f.Geometry is Polygon or MultiPolygon, $"{layer}: {f.Geometry.GeometryType}");
                Assert.DoesNotContain(f.Attributes.GetNames(), n => !attributes.Contains(n));
                ids.Add(f.Attributes[attributes[0]].ToString()!);
            }
        var whole = await Json.Features(client, "/api/layers/" + (layer == "qpv" ? "districts" : layer));
        Assert.Equal(whole.Select(f => f.Attributes[attributes[0]].ToString()!).ToHashSet(), ids);
    }

    [Fact]
    public async Task TerritoryTiles_AtTheNationalView_AreMergedByTypeWithTheTypesAreas()
    {
        using var client = server.Factory.App();
        var info = await Json.Get(client, "/api/tiles");
        var mergedUpTo = info.GetProperty("territoriesMergedUpToZoom").GetInt32();
        Assert.Equal(5, mergedUpTo);
        var extent = await Extent(client);
        // The tiles' pieces of each type, united across tiles (their margins overlap).
        var byType = new Dictionary<string, List<Geometry>>();
        foreach (var (x, y) in Support.Tiles.Covering(extent, mergedUpTo))
            foreach (var f in await Support.Tiles.Get(client, "territories", mergedUpTo, x, y))
            {
                Assert.Equal(["colour", "merged", "type"], f.Attributes.GetNames().Order(StringComparer.Ordinal));
                Assert.True((bool)f.Attributes["merged"]);
                var type = (string)f.Attributes["type"];
                (byType.TryGetValue(type, out var parts) ? parts : byType[type] = []).Add(f.Geometry);
            }
        var whole = await Json.Features(client, "/api/layers/territories");
        var wholeByType = whole.GroupBy(f => (string)f.Attributes["type"])
            .ToDictionary(g => g.Key, g => NetTopologySuite.Operation.Union.UnaryUnionOp.Union(g.Select(f => f.Geometry).ToList()));
        // Every merged type is a type of the territories, and the type covering most ground is drawn.
        Assert.Subset(wholeByType.Keys.ToHashSet(), byType.Keys.ToHashSet());
        Assert.Contains(wholeByType.MaxBy(kv => kv.Value.Area).Key, byType.Keys);
        // A type's merged area is its territories' area, to the half-pixel grid of the national tiles (large types).
        var largest = wholeByType.Values.Max(g => g.Area);
        foreach (var (type, parts) in byType)
        {
            var expected = wholeByType[type].Area;
            if (expected < largest / 10)
                continue;
            var merged = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(parts).Area;
            Assert.InRange(merged / expected, 0.8, 1.2);
        }
        // From the next zoom, territories come one by one again.
        var oneByOne = new List<IFeature>();
        foreach (var (x, y) in Support.Tiles.Covering(extent, mergedUpTo + 1))
            oneByOne.AddRange(await Support.Tiles.Get(client, "territories", mergedUpTo + 1, x, y));
        Assert.NotEmpty(oneByOne);
        Assert.All(oneByOne, f => Assert.True(f.Attributes.Exists("id") && !f.Attributes.Exists("merged")));
    }

    [Fact]
    public async Task Tile_GzipAccepted_IsCompressedAndTheSameTile()
    {
        using var client = server.Factory.App();
        var (x, y) = await Centre(client, CellZoom);
        var plain = await client.GetAsync($"/api/tiles/estates/{CellZoom}/{x}/{y}.mvt");
        var raw = await plain.Content.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tiles/estates/{CellZoom}/{x}/{y}.mvt");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var gz = await client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(gz.Content.Headers.ContentEncoding));
        var zipped = await gz.Content.ReadAsByteArrayAsync();
        Assert.True(zipped.Length < raw.Length);
        Assert.Equal(raw, Support.Tiles.Gunzip(zipped));
        Assert.True(plain.Headers.CacheControl is { Private: true, NoCache: true }, plain.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Tile_OutsideTheData_IsNoContent_AndOutsideTheGrid_IsAProblem()
    {
        using var client = server.Factory.App();
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/api/tiles/estates/10/0/0.mvt")).StatusCode);
        var problem = await Json.Problem(await client.GetAsync("/api/tiles/estates/3/8/0.mvt"), HttpStatusCode.BadRequest);
        Assert.Equal("tiles_address_invalid", problem.GetProperty("code").GetString());
        problem = await Json.Problem(await client.GetAsync("/api/tiles/roads/3/1/1.mvt"), HttpStatusCode.NotFound);
        Assert.Equal("tiles_layer_unknown", problem.GetProperty("code").GetString());
        problem = await Json.Problem(await client.GetAsync("/api/tiles/estates/3/1/1.mvt?minutes=-2"), HttpStatusCode.BadRequest);
        Assert.Equal("tiles_filter_invalid", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ETag_SameState_AnswersNotModified_AndAScenarioEditChangesEstatesButNotCommunes()
    {
        using var factory = new WebFactory { Settings = new Dictionary<string, string> { ["Tiles:LargeProjectEstates"] = "1000" } };
        using var client = factory.App();
        var (x, y) = await Centre(client, CellZoom);
        var estates = $"/api/tiles/estates/{CellZoom}/{x}/{y}.mvt";
        var communes = $"/api/tiles/communes/{CellZoom}/{x}/{y}.mvt";
        var first = await client.GetAsync(estates);
        var tag = first.Headers.ETag!;
        var communeTag = (await client.GetAsync(communes)).Headers.ETag!;
        using (var again = new HttpRequestMessage(HttpMethod.Get, estates))
        {
            again.Headers.IfNoneMatch.Add(tag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }
        var project = await Json.Get(client, "/api/project");
        var extent = project.GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        (await client.PostAsJsonAsync("/api/scenario/agencies", new { kind = "lieu_relais", lon = (extent[0] + extent[2]) / 2, lat = (extent[1] + extent[3]) / 2 })).EnsureSuccessStatusCode();
        Assert.NotEqual(tag, (await client.GetAsync(estates)).Headers.ETag);
        Assert.Equal(communeTag, (await client.GetAsync(communes)).Headers.ETag);
    }

    [Fact]
    public async Task ETag_AfterAnImport_Changes()
    {
        using var factory = new WebFactory { Settings = new Dictionary<string, string> { ["Tiles:LargeProjectEstates"] = "1000" } };
        using var client = factory.App();
        var (x, y) = await Centre(client, CellZoom);
        var url = $"/api/tiles/communes/{CellZoom}/{x}/{y}.mvt";
        var before = (await client.GetAsync(url)).Headers.ETag!;
        // Another program commits a new version of the communes (the same rows); the session reloads it.
        using (var store = Territory.Store.ProjectStores.Open(factory.ProjectPath))
        {
            var data = Territory.Store.ProjectData.Read(store);
            store.ImportLayer(new Territory.IO.Import.ImportResult
            {
                Kind = Territory.Core.Model.LayerKind.Communes, SourcePath = "communes.gpkg", SourceCrs = 2154, TargetCrs = 2154,
                Read = data.Communes.Count, Communes = data.Communes.ToList(),
            }, new Territory.Store.LayerWriteOptions());
        }
        (await client.PostAsync("/api/project/reload", null)).EnsureSuccessStatusCode();
        Assert.NotEqual(before, (await client.GetAsync(url)).Headers.ETag);
    }

    [Fact]
    public async Task Tile_WithoutSignIn_WhenAccountsExist_Is401()
    {
        using var factory = new WebFactory();
        AuthAccounts.Seed(factory.ProjectPath);
        using var anonymous = AuthAccounts.Anonymous(factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tiles/estates/8/130/90.mvt")).StatusCode);
        using var reader = await AuthAccounts.As(factory, AuthAccounts.Reader);
        var (x, y) = await Centre(reader, CellZoom);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/tiles/estates/{CellZoom}/{x}/{y}.mvt")).StatusCode);
    }

    private static async Task<double[]> Extent(HttpClient client) =>
        (await Json.Get(client, "/api/project")).GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static async Task<(int X, int Y)> Centre(HttpClient client, int z)
    {
        var c = await Json.Get(client, "/api/layers/estates?format=columns");
        return Support.Tiles.TileOf(c.GetProperty("lon")[0].GetDouble(), c.GetProperty("lat")[0].GetDouble(), z);
    }

    private static async Task<(int Estates, long Dwellings, int Cells)> CellTotals(HttpClient client, string query)
    {
        var extent = await Extent(client);
        int estates = 0, cells = 0;
        long dwellings = 0;
        foreach (var (x, y) in Support.Tiles.Covering(extent, CellZoom))
            foreach (var f in await Support.Tiles.Get(client, "estates", CellZoom, x, y, query))
            {
                Assert.False(f.Attributes.Exists("id"));
                estates += (int)Support.Tiles.Number(f, "count");
                dwellings += (long)Support.Tiles.Number(f, "dwellings");
                cells++;
            }
        return (estates, dwellings, cells);
    }
}
