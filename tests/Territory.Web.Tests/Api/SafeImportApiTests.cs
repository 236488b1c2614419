using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Store;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>Imports from the map never replace a layer by nothing, show what they will change first, and can be undone.</summary>
public sealed class SafeImportApiTests
{
    private const string TwoRelays = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"R1","nom":"Relais un","type":"lieu relais"},"geometry":{"type":"Point","coordinates":[3.0,46.6]}},
          {"type":"Feature","properties":{"id":"R2","nom":"Relais deux","type":"lieu relais"},"geometry":{"type":"Point","coordinates":[3.1,46.7]}}]}
        """;

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[]}""")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"X"},"geometry":{"type":"Point","coordinates":[-74.0,40.7]}}]}""")]
    public async Task Import_NothingAcceptedWithoutMode_Is400AndTheLayerStays(string geojson)
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var before = Agencies(factory.ProjectPath);

        var response = await client.PostAsync("/api/import?kind=agencies", Upload(geojson, "vide.geojson"));

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("import_nothing_accepted", problem.GetProperty("code").GetString());
        Assert.Contains("vide.geojson", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, Agencies(factory.ProjectPath));
    }

    [Fact]
    public async Task Preview_WritesNothing_ThenCommitNeedsTheShrinkConfirmed_ThenUndoRestores()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var before = Agencies(factory.ProjectPath);
        var version = DataVersion(factory.ProjectPath);

        var previewResponse = await client.PostAsync("/api/import/preview?kind=agencies", Upload(TwoRelays, "relais.geojson"));
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        var preview = await previewResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("replace", preview.GetProperty("mode").GetString());
        Assert.Equal(before.Count, preview.GetProperty("countBefore").GetInt64());
        Assert.Equal(2, preview.GetProperty("countAfter").GetInt64());
        Assert.True(preview.GetProperty("needsConfirmation").GetBoolean());
        Assert.Equal(4, preview.GetProperty("extentAfter").GetArrayLength());
        Assert.Equal(version, preview.GetProperty("dataVersion").GetInt64());
        Assert.Equal(before, Agencies(factory.ProjectPath));
        Assert.Equal(version, DataVersion(factory.ProjectPath));

        var token = preview.GetProperty("token").GetString()!;
        var refused = await Json.Problem(await client.PostAsync($"/api/import/commit?token={token}", null), HttpStatusCode.BadRequest);
        Assert.Equal("import_would_shrink", refused.GetProperty("code").GetString());
        // Refused before writing: the same preview commits once confirmed, and only once.
        var committed = await client.PostAsync($"/api/import/commit?token={token}&confirm=shrink", null);
        Assert.Equal(HttpStatusCode.OK, committed.StatusCode);
        var expired = await Json.Problem(await client.PostAsync($"/api/import/commit?token={token}&confirm=shrink", null), HttpStatusCode.BadRequest);
        Assert.Equal("import_preview_expired", expired.GetProperty("code").GetString());
        var report = await committed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before.Count, report.GetProperty("countBefore").GetInt64());
        Assert.Equal(2, report.GetProperty("countAfter").GetInt64());
        Assert.Equal(["R1", "R2"], Agencies(factory.ProjectPath).Select(a => a.Split('|')[0]));

        var undo = await client.PostAsync("/api/import/undo?kind=agencies", null);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(before, Agencies(factory.ProjectPath));
        Assert.Equal(before.Count, (await Json.Get(client, "/api/project")).GetProperty("counts").GetProperty("agencies").GetInt32());
    }

    [Fact]
    public async Task Commit_AfterAnotherProgramChangedTheProject_Is409()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var preview = await (await client.PostAsync("/api/import/preview?kind=agencies&mode=append", Upload(TwoRelays, "relais.geojson")))
            .Content.ReadFromJsonAsync<JsonElement>();
        using (var store = ProjectStores.Open(factory.ProjectPath))
            store.UndoImport(Territory.Core.Model.LayerKind.Communes, new LayerWriteOptions());
        var before = Agencies(factory.ProjectPath);

        var response = await client.PostAsync($"/api/import/commit?token={preview.GetProperty("token").GetString()}", null);

        var problem = await Json.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("project_changed_import", problem.GetProperty("code").GetString());
        Assert.Equal(before, Agencies(factory.ProjectPath));
    }

    [Theory]
    [InlineData("/api/import?kind=estates", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("/api/import/undo?kind=castles", null, HttpStatusCode.BadRequest)]
    [InlineData("/api/import/commit", null, HttpStatusCode.BadRequest)]
    [InlineData("/api/import/commit?token=nothing", null, HttpStatusCode.BadRequest)]
    public async Task Import_BadRequests_AreProblemsWithTheirOwnStatus(string url, string? contentType, HttpStatusCode status)
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        HttpContent? content = contentType is null ? null : new StringContent("x", System.Text.Encoding.UTF8, contentType);
        var problem = await Json.Problem(await client.PostAsync(url, content), status);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()));
    }

    private static MultipartFormDataContent Upload(string text, string name)
    {
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static List<string> Agencies(string project)
    {
        using var store = ProjectStores.Open(project);
        return store.ReadAgencies().Select(a => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{a.Id}|{a.Name}|{a.Kind}|{a.Location.X:F2}|{a.Location.Y:F2}")).Order(StringComparer.Ordinal).ToList();
    }

    private static long DataVersion(string project)
    {
        using var store = ProjectStores.Open(project);
        return store.DataVersion;
    }
}
