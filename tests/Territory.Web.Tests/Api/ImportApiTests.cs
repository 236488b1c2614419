using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>Imports change the project: each test has its own server and copy.</summary>
public sealed class ImportApiTests
{
    private static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<int> Agencies(HttpClient client) =>
        (await Json.Get(client, "/api/project")).GetProperty("counts").GetProperty("agencies").GetInt32();

    [Fact]
    public async Task Import_FranceServicesAsAgencies_ReportsEveryRowAndGrowsTheProject()
    {
        var path = TestPaths.Shared("agences/france_services_2020_shared.geojson");
        if (!File.Exists(path) && !TestPaths.OnCi)
            return; // the shared real data is beside the checkout on the project's machines only
        using var factory = new WebFactory();
        using var client = factory.App();
        var before = await Agencies(client);
        var versionBefore = (await Json.Get(client, "/api/project")).GetProperty("version").GetInt32();

        var response = await client.PostAsync("/api/import?kind=agencies&mode=append", Upload(await File.ReadAllBytesAsync(path), "france_services.geojson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("france_services.geojson", report.GetProperty("file").GetString());
        Assert.Equal(848, report.GetProperty("read").GetInt32());
        var accepted = report.GetProperty("accepted").GetInt32();
        var rejected = report.GetProperty("rejected").GetInt32();
        Assert.Equal(848, accepted + rejected);
        Assert.True(accepted > 0);
        var rejectedRows = report.GetProperty("issues").EnumerateArray().Where(i => i.GetProperty("severity").GetString() == "rejected").ToList();
        Assert.Equal(Math.Min(rejected, 500), Math.Min(rejectedRows.Count, 500));
        Assert.All(rejectedRows, i =>
        {
            Assert.True(i.GetProperty("row").GetInt64() > 0);
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("field").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("reason").GetString()));
        });
        var project = await Json.Get(client, "/api/project");
        Assert.Equal(before + report.GetProperty("written").GetInt32(), project.GetProperty("counts").GetProperty("agencies").GetInt32());
        Assert.True(project.GetProperty("counts").GetProperty("agencies").GetInt32() > before);
        Assert.True(project.GetProperty("version").GetInt32() > versionBefore);
    }

    [Fact]
    public async Task Import_UnreadableFile_Is400ProblemAndProjectUnchanged()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var before = await Agencies(client);
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);

        var response = await client.PostAsync("/api/import?kind=agencies", Upload(garbage, "x.geojson"));

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.DoesNotContain("territory-upload-", detail);
        Assert.Equal(before, await Agencies(client));
    }

    [Fact]
    public async Task Import_BeyondUploadLimit_Is413()
    {
        using var factory = new WebFactory { MaxUploadBytes = 1024 };
        using var client = factory.App();
        Assert.Equal(1024, (await Json.Get(client, "/api/project")).GetProperty("maxUploadBytes").GetInt64());
        var before = await Agencies(client);
        var big = "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',', Enumerable.Repeat(
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"A\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[4.8,45.7]}}", 200)) + "]}";

        var response = await client.PostAsync("/api/import?kind=agencies", Upload(System.Text.Encoding.UTF8.GetBytes(big), "big.geojson"));

        await Json.Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Agencies(client));
    }

    [Theory]
    [InlineData("kind=castles")]
    [InlineData("kind=agencies&mode=merge")]
    public async Task Import_InvalidParameters_Is400Problem(string query)
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        await Json.Problem(await client.PostAsync("/api/import?" + query, Upload([1, 2, 3], "a.geojson")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Import_GeoPackageWithSeveralLayers_ListsThemThenImportsTheChosenOne()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var bytes = await File.ReadAllBytesAsync(TestPaths.Demo("habitat-demo.gpkg"));
        var first = await client.PostAsync("/api/import?kind=communes&mode=replace", Upload(bytes, "reference.gpkg"));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var layers = problem.GetProperty("layers").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("communes", layers);
        Assert.Contains("estates", layers);
        Assert.Contains("reference.gpkg", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var second = await client.PostAsync("/api/import?kind=communes&mode=replace&layer=communes", Upload(bytes, "reference.gpkg"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var report = System.Text.Json.JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(89, report.GetProperty("read").GetInt32());
        Assert.Equal(89, report.GetProperty("accepted").GetInt32());
        Assert.Equal("replaced", report.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Import_WorkbookWithSeveralSheets_ListsThemInTheDialogsWordsThenImportsTheChosenOne()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var path = Path.Combine(Path.GetTempPath(), $"territory-{Guid.NewGuid():N}.xlsx");
        object?[][] relais =
        [
            ["id", "nom", "type", "lon", "lat"],
            ["REL-X1", "Relais de la mairie", "lieu relais", 2.95, 46.55],
        ];
        Territory.IO.Tests.Spreadsheet.XlsxWriter.Write(path, ("Lisez-moi", [["notes"], ["fin"]]), ("Relais", relais));
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        var first = await client.PostAsync("/api/import?kind=agencies&mode=append", Upload(bytes, "relais.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["Lisez-moi", "Relais"], problem.GetProperty("layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("import_sheet_choose_map", problem.GetProperty("code").GetString());
        Assert.Contains("choisissez celle à importer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var second = await client.PostAsync("/api/import?kind=agencies&mode=append&layer=Relais", Upload(bytes, "relais.xlsx"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var report = System.Text.Json.JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Import_CsvWithoutCrs_AsksForItThenTakesTheOneGiven()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        // Lambert II étendu metres (EPSG:27572) in the demo area; the file does not say so.
        var csv = System.Text.Encoding.UTF8.GetBytes("id;nom;type;x;y\nREL-CSV;Relais de test;lieu relais;650700;2173000\n");
        var first = await client.PostAsync("/api/import?kind=agencies&mode=append", Upload(csv, "relais.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var problem = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("système de coordonnées", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var second = await client.PostAsync("/api/import?kind=agencies&mode=append&crs=EPSG:27572", Upload(csv, "relais.csv"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var report = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
        Assert.Equal(27572, report.GetProperty("crs").GetInt32());
    }
}
