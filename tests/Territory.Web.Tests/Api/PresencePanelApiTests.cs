using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>The territory and agency panels carry the presence plan, stakes, staff and caretaking; a scenario's relay place turns the plan.</summary>
public sealed class PresencePanelApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static readonly string[] Statuses = ["present", "to_create", "to_reinforce", "not_retained"];

    [Fact]
    public async Task Territory_LargeDistrict_PlanStakesStaffAndEachLandlordsCaretaking()
    {
        using var client = factory.App();
        var territory = (await Json.Features(client, "/api/layers/territories")).First(f => Json.Str(f, "type") == "priority_district");
        var detail = await Json.Get(client, $"/api/territories/{Uri.EscapeDataString(Json.Str(territory, "id"))}?lang=fr");

        var plan = detail.GetProperty("presence").EnumerateArray().ToList();
        Assert.NotEmpty(plan);
        Assert.All(plan, p =>
        {
            Assert.Contains(p.GetProperty("status").GetString(), Statuses);
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("label").GetString()));
            Assert.EndsWith(".", p.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Number, p.GetProperty("trigger").GetProperty("threshold").ValueKind);
        });
        Assert.Equal(Enumerable.Range(1, plan.Count), plan.Select(p => p.GetProperty("rank").GetInt32()));
        Assert.Equal(4, detail.GetProperty("stakes").GetArrayLength());
        Assert.Contains(detail.GetProperty("stakes").EnumerateArray(), s => s.GetString()!.Contains("renouvellement urbain", StringComparison.Ordinal));
        Assert.Contains("31 organismes", detail.GetProperty("stakesSource").GetString(), StringComparison.Ordinal);
        var staff = detail.GetProperty("staff");
        Assert.True(staff.GetProperty("neededSiteFte").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Number, staff.GetProperty("gapFte").ValueKind);
        var caretaking = detail.GetProperty("caretaking");
        Assert.Equal("applies", caretaking.GetProperty("status").GetString());
        Assert.Contains("service juridique", caretaking.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
        // Headings are chrome: the map takes them from /api/messages, the answer carries only what the analysis computed.
        Assert.False(detail.TryGetProperty("labels", out _));
        Assert.Equal("Plan de présence", (await Json.Get(client, "/api/messages?lang=fr")).GetProperty("messages").GetProperty("plan_heading").GetString());
    }

    [Fact]
    public async Task Territory_InEnglish_PlanAndStakesInEnglish()
    {
        using var client = factory.App();
        var territory = (await Json.Features(client, "/api/layers/territories")).First(f => Json.Str(f, "type") == "priority_district");
        var detail = await Json.Get(client, $"/api/territories/{Uri.EscapeDataString(Json.Str(territory, "id"))}?lang=en");
        Assert.Equal("Presence plan", (await Json.Get(client, "/api/messages?lang=en")).GetProperty("messages").GetProperty("plan_heading").GetString());
        Assert.Contains(detail.GetProperty("stakes").EnumerateArray(), s => s.GetString()!.Contains("urban and housing renewal", StringComparison.Ordinal));
        Assert.All(detail.GetProperty("presence").EnumerateArray(), p =>
            Assert.Contains(p.GetProperty("statusLabel").GetString(), new[] { "present", "to create", "to reinforce", "not retained" }));
    }

    [Fact]
    public async Task Agency_Office_MeansAgainstNeedsOfItsEstates()
    {
        using var client = factory.App();
        var agency = (await Json.Features(client, "/api/layers/agencies")).First(f => Json.Str(f, "kind") == "agence");
        var detail = await Json.Get(client, $"/api/agencies/{Uri.EscapeDataString(Json.Str(agency, "id"))}?lang=fr");
        var staff = detail.GetProperty("plan").GetProperty("staff");
        Assert.True(staff.GetProperty("neededFte").GetDouble() > 0);
        Assert.True(staff.GetProperty("declaredProximityFte").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("plan").GetProperty("flags").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(detail.GetProperty("management").GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Scenario_RelayPlaceInATerritoryAskingForOne_PlanTurnsPresentAndTheTerritoryIsListedAsChanged()
    {
        using var server = new WebFactory();
        using var client = server.App();
        var (id, lon, lat) = await TerritoryAskingForRelay(client);

        var response = await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Lieu relais en mairie", kind = "lieu_relais", lon, lat });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var detail = await Json.Get(client, $"/api/territories/{Uri.EscapeDataString(id)}?lang=fr");
        Assert.Equal("present", detail.GetProperty("presence").EnumerateArray().Single(p => p.GetProperty("form").GetString() == "relay_place").GetProperty("status").GetString());
        var state = await Json.Get(client, "/api/scenario?lang=fr");
        var changed = state.GetProperty("territories").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
        var relay = changed.GetProperty("plan").EnumerateArray().Single(c => c.GetProperty("form").GetString() == "relay_place");
        Assert.Equal("to_create", relay.GetProperty("savedStatus").GetString());
        Assert.Equal("present", relay.GetProperty("currentStatus").GetString());
        Assert.Equal("présent", relay.GetProperty("currentLabel").GetString());
    }

    /// <summary>A territory whose plan asks for a relay place, and the position of one of its estates (lon/lat).</summary>
    internal static async Task<(string Id, double Lon, double Lat)> TerritoryAskingForRelay(HttpClient client)
    {
        var estates = await Json.Features(client, "/api/layers/estates");
        foreach (var t in await Json.Features(client, "/api/layers/territories"))
        {
            var id = Json.Str(t, "id");
            var detail = await Json.Get(client, $"/api/territories/{Uri.EscapeDataString(id)}");
            if (!detail.GetProperty("presence").EnumerateArray().Any(p => p.GetProperty("form").GetString() == "relay_place" && p.GetProperty("status").GetString() == "to_create"))
                continue;
            var first = detail.GetProperty("estateIds")[0].GetString();
            var p = estates.Single(e => Json.Str(e, "id") == first).Geometry.InteriorPoint;
            return (id, p.X, p.Y);
        }
        throw new InvalidOperationException("no territory of the demo asks for a relay place");
    }
}
