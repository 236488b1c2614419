using System.Net;
using System.Text;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

public sealed class ExportApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task GeoPackage_IsSqliteNamedTerritoires()
    {
        using var client = factory.App();
        var response = await client.GetAsync("/api/export/geopackage");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("SQLite format 3\0", Encoding.ASCII.GetString(bytes, 0, 16));
        Assert.Equal("territoires.gpkg", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Csv_HasBomAndSemicolons()
    {
        using var client = factory.App();
        var bytes = await client.GetByteArrayAsync("/api/export/csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 90, $"{lines.Length} lines");
        Assert.Contains(';', lines[0]);
        Assert.DoesNotContain(',', lines[0]);
    }

    [Fact]
    public async Task Report_IsHtmlWithTheFourTypeLabels()
    {
        using var client = factory.App();
        var response = await client.GetAsync("/api/export/report");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        foreach (var label in new[] { "Patrimoine diffus en zone rurale", "Résidences collectives isolées et individuelles", "Résidences collectives en ville", "Grands quartiers d'habitat social" })
            Assert.Contains(label, html);
    }

    [Fact]
    public async Task GeoJson_IsAFeatureCollectionOfTheTerritories()
    {
        using var client = factory.App();
        var territories = (await Json.Get(client, "/api/project")).GetProperty("counts").GetProperty("territories").GetInt32();
        var export = await Json.Get(client, "/api/export/geojson");
        Assert.Equal("FeatureCollection", export.GetProperty("type").GetString());
        Assert.Equal(territories, export.GetProperty("features").GetArrayLength());
    }
}
