using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.Web.Hosting;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>Named scenarios from the map: each test writes to the project, so each has its own server over its own copy.</summary>
public sealed class ScenariosApiTests
{
    [Fact]
    public async Task SaveAs_ThenListShowOpenDelete_RoundTripsThroughTheProject()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var (lon, lat) = await FarthestEstate(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais des Crêtes", kind = "lieu_relais", lon, lat })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/api/scenario/agencies/AG-RELAIS")).StatusCode);

        var saved = await client.PostAsJsonAsync("/api/scenarios", new { name = "Crêtes", description = "un relais au nord" });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal("/api/scenarios/Cr%C3%AAtes", saved.Headers.Location?.OriginalString);
        var listed = Assert.Single((await Json.Get(client, "/api/scenarios")).GetProperty("scenarios").EnumerateArray());
        Assert.Equal("Crêtes", listed.GetProperty("name").GetString());
        Assert.Equal("map", listed.GetProperty("source").GetString());
        Assert.Equal("un relais au nord", listed.GetProperty("description").GetString());
        var shown = await Json.Get(client, "/api/scenarios/Cr%C3%AAtes");
        Assert.Equal(1, shown.GetProperty("added").GetInt32());
        Assert.Equal(1, shown.GetProperty("closed").GetInt32());
        var add = shown.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("op").GetString() == "add");
        Assert.Equal(lon, add.GetProperty("lon").GetDouble(), 5);
        Assert.Equal(lat, add.GetProperty("lat").GetDouble(), 5);

        // Back to the saved state, then the named scenario brings both changes back as the current scenario.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/scenario/discard", null)).StatusCode);
        Assert.False((await Json.Get(client, "/api/scenario")).GetProperty("dirty").GetBoolean());
        var opened = await client.PostAsync("/api/scenarios/Cr%C3%AAtes/open", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var state = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state");
        Assert.True(state.GetProperty("dirty").GetBoolean());
        Assert.Equal(["add", "remove"], state.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("op").GetString()).Order());
        var agencies = await Json.Features(client, "/api/layers/agencies");
        Assert.DoesNotContain(agencies, a => Json.Str(a, "id") == "AG-RELAIS");
        Assert.Contains(agencies, a => Json.Str(a, "name") == "Relais des Crêtes" && Json.Str(a, "status") == "added");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/scenarios/Cr%C3%AAtes")).StatusCode);
        var gone = await Json.Problem(await client.GetAsync("/api/scenarios/Cr%C3%AAtes"), HttpStatusCode.NotFound);
        Assert.Equal("planmap_scenario_not_found", gone.GetProperty("code").GetString());
        await Json.Problem(await client.DeleteAsync("/api/scenarios/Cr%C3%AAtes"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SaveAs_WithoutChanges_Is400()
    {
        using var factory = new WebFactory();
        using var client = factory.App();

        var problem = await Json.Problem(await client.PostAsJsonAsync("/api/scenarios", new { name = "Rien" }), HttpStatusCode.BadRequest);

        Assert.Equal("planmap_scenario_no_changes", problem.GetProperty("code").GetString());
        Assert.Empty((await Json.Get(client, "/api/scenarios")).GetProperty("scenarios").EnumerateArray());
    }

    [Fact]
    public async Task SaveAs_TakenName_Is409UnlessOverwriteIsAsked()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/api/scenario/agencies/AG-ANT1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenarios", new { name = "Sans Bounard" })).StatusCode);

        var taken = await Json.Problem(await client.PostAsJsonAsync("/api/scenarios", new { name = "Sans Bounard" }), HttpStatusCode.Conflict);
        Assert.Equal("scenario_name_taken", taken.GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenarios", new { name = "Sans Bounard", overwrite = true })).StatusCode);
        Assert.Single((await Json.Get(client, "/api/scenarios")).GetProperty("scenarios").EnumerateArray());
    }

    [Fact]
    public async Task Apply_FromTheCurrentView_WritesTheNetworkAndItBecomesTheSavedState()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var before = Stored(factory.ProjectPath);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/api/scenario/agencies/AG-ANT2")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenarios", new { name = "Sans Genard" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/scenario/discard", null)).StatusCode);

        var applied = await Send(client, "/api/scenarios/Sans%20Genard/apply", before.Version);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var state = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(state.GetProperty("dirty").GetBoolean());
        var after = Stored(factory.ProjectPath);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.DoesNotContain("AG-ANT2", after.Ids);
        Assert.Equal(before.Ids.Count - 1, after.Ids.Count);
    }

    [Fact]
    public async Task Apply_FromAStaleView_Is409AndWritesNothing()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/api/scenario/agencies/AG-ANT3")).StatusCode);
        var saved = await client.PostAsJsonAsync("/api/scenarios", new { name = "Sans Peycourt" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var seen = long.Parse(saved.Headers.GetValues(VersionHeader.DataHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        var other = ImportAgencyBehindTheServer(factory.ProjectPath, "CLI-7");

        var problem = await Json.Problem(await Send(client, "/api/scenarios/Sans%20Peycourt/apply", seen), HttpStatusCode.Conflict);

        Assert.Equal("project_changed_save", problem.GetProperty("code").GetString());
        var stored = Stored(factory.ProjectPath);
        Assert.Equal(other, stored.Version);
        Assert.Contains("AG-ANT3", stored.Ids);
        Assert.Contains("CLI-7", stored.Ids);
    }

    [Fact]
    public async Task Compare_WithTheSavedState_MeasuresEachNetworkSideBySide()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var (lon, lat) = await FarthestEstate(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais lointain", kind = "lieu_relais", lon, lat })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenarios", new { name = "Relais lointain" })).StatusCode);

        var job = await PlanningClient.RunAsync(client, "/api/scenarios/compare", new { names = new[] { "Relais lointain" } });

        Assert.Equal("compare", job.GetProperty("kind").GetString());
        var c = job.GetProperty("comparison");
        var columns = c.GetProperty("columns").EnumerateArray().ToList();
        Assert.True(columns[0].GetProperty("saved").GetBoolean());
        Assert.Equal("Relais lointain", columns[1].GetProperty("name").GetString());
        var rows = c.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString() + ":" + (r.GetProperty("parameter").GetString() ?? ""));
        var relays = rows["sites:lieu_relais"].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(relays[0] + 1, relays[1]);
        var mean = rows["mean_minutes:"].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(mean[1] < mean[0], $"mean {mean[1]} vs saved {mean[0]}");
        Assert.All(rows.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("label").GetString())));
    }

    [Fact]
    public async Task Compare_NothingOrAnUnknownName_IsRefusedAtOnce()
    {
        using var factory = new WebFactory();
        using var client = factory.App();

        var none = await Json.Problem(await client.PostAsJsonAsync("/api/scenarios/compare", new { names = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        var unknown = await Json.Problem(await client.PostAsJsonAsync("/api/scenarios/compare", new { names = new[] { "Fantôme" } }), HttpStatusCode.NotFound);

        Assert.Equal("planmap_compare_none", none.GetProperty("code").GetString());
        Assert.Equal("planmap_scenario_not_found", unknown.GetProperty("code").GetString());
        Assert.Contains("Fantôme", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanSavedAsScenario_IsListedAsAPlanAndOpensWithItsSites()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var job = await PlanningClient.RunAsync(client, "/api/plan/sites", new { problem = "mclp", minutes = 20, count = 12, keepExisting = true });
        Assert.Equal("done", job.GetProperty("state").GetString());
        var id = job.GetProperty("id").GetString();
        var plan = job.GetProperty("sites");

        var saved = await client.PostAsJsonAsync($"/api/plan/jobs/{id}/scenario", new { name = "Douze sites" });

        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var detail = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("plan", detail.GetProperty("scenario").GetProperty("source").GetString());
        var newSites = plan.GetProperty("sites").EnumerateArray().Count(s => !s.GetProperty("existing").GetBoolean());
        Assert.Equal(newSites, detail.GetProperty("added").GetInt32());
        Assert.Equal(0, detail.GetProperty("closed").GetInt32());
        var opened = await client.PostAsync("/api/scenarios/Douze%20sites/open", null);
        var state = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state");
        Assert.Equal(newSites, state.GetProperty("changes").GetArrayLength());
        Assert.True(state.GetProperty("current").GetProperty("within20").GetDouble() >= state.GetProperty("saved").GetProperty("within20").GetDouble());
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, long seen)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add(VersionHeader.DataHeader, seen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client.SendAsync(request);
    }

    private static async Task<(double Lon, double Lat)> FarthestEstate(HttpClient client)
    {
        var estates = await Json.Features(client, "/api/layers/estates");
        var far = estates.Where(e => Json.Num(e, "travelMinutes") is not null).OrderByDescending(e => Json.Num(e, "travelMinutes")).First();
        var p = (Point)far.Geometry;
        return (p.X, p.Y);
    }

    private static (List<string> Ids, long Version) Stored(string project)
    {
        using var store = ProjectStores.Open(project);
        return (store.ReadAgencies().Select(a => a.Id).ToList(), store.DataVersion);
    }

    /// <summary>What `territory import --append` does from another process: one agency added, committed.</summary>
    private static long ImportAgencyBehindTheServer(string project, string id)
    {
        using var store = ProjectStores.Open(project);
        var crs = store.WorkingCrs!.Value;
        var first = store.ReadAgencies()[0];
        var agency = first with { Id = id, Name = "Agence ajoutée en ligne de commande", Location = (Point)first.Location.Copy() };
        return store.ImportLayer(new ImportResult { Kind = LayerKind.Agencies, SourcePath = "cli.geojson", SourceCrs = crs, TargetCrs = crs, Read = 1, Agencies = [agency] },
            new LayerWriteOptions { Append = true, Source = "cli.geojson" }).DataVersion;
    }
}
