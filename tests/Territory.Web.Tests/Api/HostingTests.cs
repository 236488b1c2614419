using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Web.Hosting;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

public sealed class HostingTests
{
    [Fact]
    public async Task OpenApi_ListsTheEndpoints()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var paths = (await Json.Get(client, "/openapi/v1.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected = ["/api/project", "/api/layers/estates", "/api/layers/agencies", "/api/layers/territories", "/api/layers/communes",
            "/api/layers/districts", "/api/layers/recommendations", "/api/estates/{id}", "/api/territories/{id}", "/api/agencies/{id}",
            "/api/agencies/{id}/isochrones", "/api/isochrones", "/api/search", "/api/scenario/", "/api/scenario/agencies",
            "/api/scenario/agencies/{id}", "/api/scenario/save", "/api/scenario/discard", "/api/import", "/api/export/geopackage",
            "/api/export/csv", "/api/export/geojson", "/api/export/report", "/api/events"];
        Assert.DoesNotContain(expected, p => !paths.Contains(p) && !paths.Contains(p.TrimEnd('/')));
    }

    [Fact]
    public async Task VersionHeader_GrowsAfterAScenarioEdit()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        int Version(HttpResponseMessage r) => int.Parse(Assert.Single(r.Headers.GetValues(VersionHeader.Header)), System.Globalization.CultureInfo.InvariantCulture);
        var first = await client.GetAsync("/api/layers/agencies");
        var before = Version(first);
        Assert.Equal((await Json.Get(client, "/api/project")).GetProperty("version").GetInt32(), before);

        var edit = await client.PostAsJsonAsync("/api/scenario/agencies", new { kind = "lieu_relais", lon = 4.85, lat = 45.75 });
        var after = Version(await client.GetAsync("/api/project"));

        Assert.True(Version(edit) > before);
        Assert.True(after > before, $"{after} after the edit, {before} before");
        Assert.Equal(after, (await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Build_DefaultHost_ListensOnLoopbackOnly()
    {
        using var project = DemoProject.Copy();
        await using var app = TerritoryWebApp.Build([], o => { o.Project = project.Path; o.Port = 0; });
        await app.StartAsync();
        try
        {
            var urls = app.Urls.ToList();
            Assert.NotEmpty(urls);
            Assert.All(urls, u => Assert.Equal("127.0.0.1", new Uri(u).Host));
            var port = new Uri(urls[0]).Port;
            Assert.NotEqual(0, port);
            using var http = new HttpClient { BaseAddress = new Uri(urls[0]) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/project")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
