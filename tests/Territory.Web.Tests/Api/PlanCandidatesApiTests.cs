using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Planning.Service;
using Territory.Store;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>Candidate sites imported from the map, then planned among: the plan's sites come from that layer, and the plan is kept as the project's.</summary>
public sealed class PlanCandidatesApiTests
{
    [Fact]
    public async Task ImportCandidates_ThenPlanAmongThemAlone_ChoosesImportedSitesAndKeepsThePlanInTheProject()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var estates = (await Json.Features(client, "/api/layers/estates")).Select(e => (Point)e.Geometry).ToList();
        // Three premises on offer, at three estates spread over the département.
        var picked = new[] { estates[0], estates[estates.Count / 2], estates[^1] };
        var collection = new
        {
            type = "FeatureCollection",
            features = picked.Select((p, i) => new
            {
                type = "Feature",
                properties = new { id = $"MAIRIE-{i + 1}", name = $"Mairie {i + 1}", kind = "mairie" },
                geometry = new { type = "Point", coordinates = new[] { p.X, p.Y } },
            }),
        };
        var file = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(collection));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");

        var imported = await client.PostAsync("/api/import?kind=candidates&mode=replace", new MultipartFormDataContent { { file, "file", "mairies.geojson" } });

        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        Assert.Equal(3, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        var job = await PlanningClient.RunAsync(client, "/api/plan/sites",
            new { problem = "mclp", minutes = 30, count = 2, sources = new { existing = false, imported = true, generated = false } });
        Assert.Equal("done", job.GetProperty("state").GetString());
        var plan = job.GetProperty("sites");
        Assert.Equal(3, plan.GetProperty("candidatesBySource").GetProperty("imported").GetInt32());
        var sites = plan.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(2, sites.Count);
        Assert.All(sites, s =>
        {
            Assert.Equal("imported", s.GetProperty("source").GetString());
            Assert.StartsWith("Mairie ", s.GetProperty("name").GetString(), StringComparison.Ordinal);
        });

        // Kept in the project like `territory plan sites` does: `territory analyse` lists its sites.
        using var store = ProjectStores.Open(factory.ProjectPath);
        var stored = SitePlanStore.Read(store);
        Assert.NotNull(stored);
        Assert.Equal(sites.Select(s => s.GetProperty("id").GetString()).Order(), stored.Sites.Select(s => s.Id).Order());
    }
}
