using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.IO.GeoPackage;
using Territory.Web.Tests.Support;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Web.Tests.Api;

/// <summary>Each test edits the project: each gets its own server over its own copy.</summary>
public sealed class ScenarioApiTests
{
    [Fact]
    public async Task Add_RelayFarFromAgencies_ImprovesCurrentCoverageAndMakesScenarioDirty()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var (lon, lat) = await FarthestEstate(client);

        var response = await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais test", kind = "lieu_relais", lon, lat });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(state.GetProperty("dirty").GetBoolean());
        var change = Assert.Single(state.GetProperty("changes").EnumerateArray());
        Assert.Equal("add", change.GetProperty("op").GetString());
        var id = change.GetProperty("agencyId").GetString()!;
        Assert.StartsWith("SCN-", id);
        var saved = state.GetProperty("saved");
        var current = state.GetProperty("current");
        Assert.NotEqual(saved.GetRawText(), current.GetRawText());
        Assert.True(current.GetProperty("meanMinutes").GetDouble() <= saved.GetProperty("meanMinutes").GetDouble(),
            $"mean {current.GetProperty("meanMinutes")} vs saved {saved.GetProperty("meanMinutes")}");
        var agencies = await Json.Features(client, "/api/layers/agencies");
        Assert.Equal("added", Json.Str(agencies.Single(a => Json.Str(a, "id") == id), "status"));
        Assert.True((await Json.Get(client, "/api/scenario")).GetProperty("dirty").GetBoolean());
    }

    [Fact]
    public async Task Move_SavedAgency_IsMarkedMovedAtItsNewPlace()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var agency = (await Json.Features(client, "/api/layers/agencies")).First();
        var id = Json.Str(agency, "id");
        var (lon, lat) = await FarthestEstate(client);

        var response = await client.PutAsJsonAsync($"/api/scenario/agencies/{Uri.EscapeDataString(id)}", new { lon, lat });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>();
        var change = Assert.Single(state.GetProperty("changes").EnumerateArray());
        Assert.Equal("move", change.GetProperty("op").GetString());
        Assert.Equal(lon, change.GetProperty("lon").GetDouble(), 6);
        var moved = (await Json.Features(client, "/api/layers/agencies")).Single(a => Json.Str(a, "id") == id);
        Assert.Equal("moved", Json.Str(moved, "status"));
        var p = (Point)moved.Geometry;
        Assert.Equal(lon, p.X, 5);
        Assert.Equal(lat, p.Y, 5);
        await Json.Problem(await client.PutAsJsonAsync("/api/scenario/agencies/NO-SUCH", new { lon, lat }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Remove_SavedAgency_ItsEstatesTravelToAnotherAgency()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var before = await Json.Features(client, "/api/layers/estates");
        var id = before.GroupBy(e => Json.Str(e, "travelAgencyId")).Where(g => g.Key != "").OrderByDescending(g => g.Count()).First().Key;
        var served = before.Where(e => Json.Str(e, "travelAgencyId") == id).ToDictionary(e => Json.Str(e, "id"), e => Json.Num(e, "travelMinutes"));

        var response = await client.DeleteAsync($"/api/scenario/agencies/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("remove", Assert.Single(state.GetProperty("changes").EnumerateArray()).GetProperty("op").GetString());
        Assert.Contains(state.GetProperty("agencies").EnumerateArray(), a => a.GetProperty("id").GetString() == id && a.GetProperty("status").GetString() == "removed");
        Assert.DoesNotContain(await Json.Features(client, "/api/layers/agencies"), a => Json.Str(a, "id") == id);
        var after = (await Json.Features(client, "/api/layers/estates")).Where(e => served.ContainsKey(Json.Str(e, "id"))).ToList();
        Assert.Equal(served.Count, after.Count);
        Assert.All(after, e => Assert.NotEqual(id, Json.Str(e, "travelAgencyId")));
        Assert.Contains(after, e => Json.Num(e, "travelMinutes") > served[Json.Str(e, "id")]);
    }

    [Fact]
    public async Task Discard_AfterEdits_RestoresSavedFigures()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var initial = await Json.Get(client, "/api/scenario");
        var agency = (await Json.Features(client, "/api/layers/agencies")).First();
        var (lon, lat) = await FarthestEstate(client);
        (await client.PostAsJsonAsync("/api/scenario/agencies", new { kind = "antenne", lon, lat })).EnsureSuccessStatusCode();
        (await client.DeleteAsync($"/api/scenario/agencies/{Uri.EscapeDataString(Json.Str(agency, "id"))}")).EnsureSuccessStatusCode();

        var response = await client.PostAsync("/api/scenario/discard", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(state.GetProperty("dirty").GetBoolean());
        Assert.Equal(0, state.GetProperty("changes").GetArrayLength());
        Assert.Equal(initial.GetProperty("saved").GetRawText(), state.GetProperty("current").GetRawText());
        Assert.Equal(initial.GetProperty("saved").GetRawText(), state.GetProperty("saved").GetRawText());
        var agencies = await Json.Features(client, "/api/layers/agencies");
        Assert.Contains(agencies, a => Json.Str(a, "id") == Json.Str(agency, "id"));
        Assert.All(agencies, a => Assert.Equal("saved", Json.Str(a, "status")));
    }

    [Fact]
    public async Task Save_AddedPoint_IsWrittenToTheGeoPackageAndScenarioIsClean()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var (lon, lat) = await FarthestEstate(client);
        var added = await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais enregistré", kind = "lieu_relais", lon, lat });
        var dirty = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = dirty.GetProperty("changes")[0].GetProperty("agencyId").GetString();

        var response = await client.PostAsync("/api/scenario/save", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(state.GetProperty("dirty").GetBoolean());
        Assert.Equal(dirty.GetProperty("current").GetRawText(), state.GetProperty("saved").GetRawText());
        Assert.Equal(state.GetProperty("saved").GetRawText(), state.GetProperty("current").GetRawText());
        using var store = GeoPackageProjectStore.Open(factory.ProjectPath);
        var agencies = store.ReadAgencies();
        var written = Assert.Single(agencies, a => a.Id == id);
        Assert.Equal("Relais enregistré", written.Name);
        var (x, y) = new Reprojector(CrsRegistry.Wgs84, store.WorkingCrs!.Value).Transform(lon, lat);
        Assert.True(written.Location.Distance(new Point(x, y)) < 1, $"written at {written.Location}, expected ({x}, {y})");
        var project = await Json.Get(client, "/api/project");
        Assert.Equal(agencies.Count, project.GetProperty("counts").GetProperty("agencies").GetInt32());
    }

    [Fact]
    public async Task Mutation_WithoutClientHeader_Is403AndChangesNothing()
    {
        using var factory = new WebFactory();
        using var plain = factory.CreateClient();

        var response = await plain.PostAsJsonAsync("/api/scenario/agencies", new { kind = "lieu_relais", lon = 4.8, lat = 45.7 });

        await Json.Problem(response, HttpStatusCode.Forbidden);
        await Json.Problem(await plain.PostAsync("/api/scenario/save", null), HttpStatusCode.Forbidden);
        Assert.False((await Json.Get(plain, "/api/scenario")).GetProperty("dirty").GetBoolean());
    }

    [Fact]
    public async Task Add_InvalidKindOrPosition_Is400Problem()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        await Json.Problem(await client.PostAsJsonAsync("/api/scenario/agencies", new { kind = "chateau", lon = 4.8, lat = 45.7 }), HttpStatusCode.BadRequest);
        await Json.Problem(await client.PostAsJsonAsync("/api/scenario/agencies", new { kind = "antenne", lon = 400, lat = 45.7 }), HttpStatusCode.BadRequest);
        Assert.False((await Json.Get(client, "/api/scenario")).GetProperty("dirty").GetBoolean());
    }

    /// <summary>The estate with the longest trip to an agency (lon, lat): a relay there shortens the worst trip.</summary>
    internal static async Task<(double Lon, double Lat)> FarthestEstate(HttpClient client)
    {
        var estate = (await Json.Features(client, "/api/layers/estates")).Where(e => Json.Num(e, "travelMinutes") is not null)
            .MaxBy(e => Json.Num(e, "travelMinutes"))!;
        var p = (Point)estate.Geometry;
        return (p.X, p.Y);
    }
}
