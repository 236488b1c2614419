using NetTopologySuite.Features;
using Territory.Core.Typology;
using Territory.IO.Export;
using Territory.IO.Travel;
using Territory.Store;
using Territory.Store.Results;
using Territory.TestSupport;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>
/// The demo project copied into PostGIS with its stored analysis: the tiles PostGIS cuts (<c>ST_AsMVT</c>) and those the
/// server cuts from its own state hold the same features and attributes; without a scenario edit the map reads PostGIS.
/// </summary>
public sealed class TilesPostGisTests
{
    private static readonly string[] EstateAttributes = ["dwellings", "type", "landlord", "agency", "travelAgency", "estimated"];

    [Fact]
    public async Task Tiles_PostGisAndMemory_GiveTheSameFeaturesForTheSameTile()
    {
        if (!TestPostGis.Available())
            return;
        var schema = TestPostGis.NewSchema();
        using var demo = DemoProject.Copy();
        try
        {
            var location = Prepare(demo.Path, schema);
            using var pg = Factory(location, "postgis");
            using var memory = Factory(location, "memory");
            using var a = pg.App();
            using var b = memory.App();
            var extent = (await Json.Get(a, "/api/project")).GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();

            int points = 0;
            foreach (var (x, y) in Support.Tiles.Covering(extent, 12))
            {
                var fromPg = ById(await Support.Tiles.Get(a, "estates", 12, x, y));
                var fromMemory = ById(await Support.Tiles.Get(b, "estates", 12, x, y));
                Assert.Equal(fromMemory.Keys.Order(StringComparer.Ordinal), fromPg.Keys.Order(StringComparer.Ordinal));
                foreach (var (id, m) in fromMemory)
                {
                    var p = fromPg[id];
                    foreach (var name in EstateAttributes)
                        Assert.True(Equal(m.Attributes.GetOptionalValue(name), p.Attributes.GetOptionalValue(name)), $"{id}.{name}: {m.Attributes.GetOptionalValue(name)} ≠ {p.Attributes.GetOptionalValue(name)}");
                    // Stored minutes carry two decimals, rounded again to one: a hundredth's rounding may differ by 0.1.
                    Assert.Equal(m.Attributes.Exists("minutes"), p.Attributes.Exists("minutes"));
                    if (m.Attributes.Exists("minutes"))
                        Assert.InRange(Support.Tiles.Number(p, "minutes") - Support.Tiles.Number(m, "minutes"), -0.1001, 0.1001);
                    // PostGIS rounds to the tile's grid, the writer truncates: one unit apart at most (~10 m at zoom 12).
                    Assert.InRange(Math.Abs(m.Geometry.Coordinate.X - p.Geometry.Coordinate.X), 0, 1e-4);
                    Assert.InRange(Math.Abs(m.Geometry.Coordinate.Y - p.Geometry.Coordinate.Y), 0, 1e-4);
                    points++;
                }
            }
            Assert.Equal(1495, points);

            foreach (var query in new[] { "", "types=urban_collective,rural_diffuse&minutes=5" })
                foreach (var (x, y) in Support.Tiles.Covering(extent, 8))
                    Assert.Equal(Cells(await Support.Tiles.Get(b, "estates", 8, x, y, query)), Cells(await Support.Tiles.Get(a, "estates", 8, x, y, query)));

            foreach (var (layer, key) in new[] { ("territories", "id"), ("communes", "code"), ("qpv", "code") })
                foreach (var (x, y) in Support.Tiles.Covering(extent, 11))
                {
                    var m = (await Support.Tiles.Get(b, layer, 11, x, y)).ToDictionary(f => f.Attributes[key].ToString()!);
                    var p = (await Support.Tiles.Get(a, layer, 11, x, y)).ToDictionary(f => f.Attributes[key].ToString()!);
                    Assert.Equal(m.Keys.Order(StringComparer.Ordinal), p.Keys.Order(StringComparer.Ordinal));
                    foreach (var (id, f) in m)
                        foreach (var name in f.Attributes.GetNames())
                            Assert.True(Equal(f.Attributes[name], p[id].Attributes.GetOptionalValue(name)), $"{layer} {id}.{name}: {f.Attributes[name]} ≠ {p[id].Attributes.GetOptionalValue(name)}");
                }

            // The national view's territories are merged by type by the server for a PostGIS project too: the same tiles.
            foreach (var (x, y) in Support.Tiles.Covering(extent, 5))
            {
                var m = await Support.Tiles.Get(b, "territories", 5, x, y);
                var p = await Support.Tiles.Get(a, "territories", 5, x, y);
                Assert.All(p, f => Assert.True((bool)f.Attributes["merged"]));
                Assert.Equal(m.Select(f => f.Geometry.AsText()), p.Select(f => f.Geometry.AsText()));
            }
        }
        finally
        {
            TestPostGis.DropSchema(schema);
        }
    }

    [Fact]
    public async Task Tiles_Auto_ReadPostGisUntilTheUserEditsTheirScenario()
    {
        if (!TestPostGis.Available())
            return;
        var schema = TestPostGis.NewSchema();
        using var demo = DemoProject.Copy();
        try
        {
            using var factory = Factory(Prepare(demo.Path, schema), "auto");
            using var client = factory.App();
            var c = await Json.Get(client, "/api/layers/estates?format=columns");
            var (x, y) = Support.Tiles.TileOf(c.GetProperty("lon")[0].GetDouble(), c.GetProperty("lat")[0].GetDouble(), 12);
            var url = $"/api/tiles/estates/12/{x}/{y}.mvt";
            var first = (await client.GetAsync(url)).Headers.ETag!.Tag;
            Assert.True(first.Contains("-p-", StringComparison.Ordinal), first);
            Assert.Contains("-p-", (await client.GetAsync($"/api/tiles/communes/12/{x}/{y}.mvt")).Headers.ETag!.Tag);
            // Cells come from the server's grid of the same saved state (a lookup, where PostGIS would join every estate of the tile).
            var (cx, cy) = Support.Tiles.TileOf(c.GetProperty("lon")[0].GetDouble(), c.GetProperty("lat")[0].GetDouble(), 9);
            Assert.Contains("-m-", (await client.GetAsync($"/api/tiles/estates/9/{cx}/{cy}.mvt")).Headers.ETag!.Tag);
            var response = await client.PostAsync("/api/scenario/agencies", System.Net.Http.Json.JsonContent.Create(new
            {
                kind = "lieu_relais", lon = c.GetProperty("lon")[0].GetDouble(), lat = c.GetProperty("lat")[0].GetDouble(),
            }));
            response.EnsureSuccessStatusCode();
            Assert.Contains("-m-", (await client.GetAsync(url)).Headers.ETag!.Tag);
            // The communes are the store's whatever the scenario.
            Assert.Contains("-p-", (await client.GetAsync($"/api/tiles/communes/12/{x}/{y}.mvt")).Headers.ETag!.Tag);
        }
        finally
        {
            TestPostGis.DropSchema(schema);
        }
    }

    private static WebFactory Factory(string location, string source) => new()
    {
        Settings = new Dictionary<string, string> { ["Project"] = location, ["Tiles:Source"] = source, ["Tiles:LargeProjectEstates"] = "1000" },
    };

    /// <summary>The demo copied into a new schema, analysed, with its travel review and territories stored as `territory analyse` does.</summary>
    private static string Prepare(string gpkg, string schema)
    {
        var location = TestPostGis.Location(schema);
        using (var source = ProjectStores.Open(gpkg))
        using (var target = ProjectStores.Open(location))
            ProjectCopy.Run(source, target, overwrite: false);
        using var store = ProjectStores.Open(location);
        var data = ProjectData.Read(store);
        var graph = store.LoadRoadGraph();
        var keys = AnalysisInputKeys.Of(data, AnalysisInputKeys.GraphKey(graph), TypologyConfig.Default);
        var outcome = ProjectAnalysis.Run(store, data, graph, keys, TypologyConfig.Default, null, CancellationToken.None);
        store.WriteDerived(data.DataVersion, sink =>
        {
            if (outcome.Review is not null)
                TravelReviewLayers.Write(sink, data.WorkingCrs, data.Estates, data.Agencies, outcome.Review);
            AnalysisLayers.Write(sink, outcome.Analysis);
        });
        return location;
    }

    private static Dictionary<string, IFeature> ById(IReadOnlyList<IFeature> features) => features.ToDictionary(f => (string)f.Attributes["id"]);

    private static List<string> Cells(IReadOnlyList<IFeature> features) => features
        .Select(f => $"{Support.Tiles.Number(f, "count")}:{Support.Tiles.Number(f, "dwellings")}:{f.Attributes.GetOptionalValue("type")}")
        .Order(StringComparer.Ordinal).ToList();

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string s, string t) => s == t,
        (bool s, bool t) => s == t,
        _ when a is IConvertible && b is IConvertible && a is not string && b is not string =>
            Math.Abs(Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture) - Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture)) < 1e-9,
        _ => Equals(a, b),
    };
}
