using System.Net;
using System.Text.RegularExpressions;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

public sealed partial class DetailsApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Estate_KnownId_HasItsTerritoryAndTravel()
    {
        using var client = factory.App();
        var estate = (await Json.Features(client, "/api/layers/estates")).First(f => Json.Num(f, "travelMinutes") is not null);
        var id = Json.Str(estate, "id");

        var detail = await Json.Get(client, "/api/estates/" + Uri.EscapeDataString(id));

        Assert.Equal(id, detail.GetProperty("id").GetString());
        Assert.Equal(Json.Num(estate, "dwellings"), detail.GetProperty("dwellings").GetDouble());
        Assert.Equal(Json.Str(estate, "territoryId"), detail.GetProperty("territory").GetProperty("id").GetString());
        Assert.Equal(Json.Num(estate, "travelMinutes")!.Value, detail.GetProperty("travel").GetProperty("minutes").GetDouble(), 1);
    }

    [Fact]
    public async Task Territory_KnownId_ExplainsItsDecisionInFrench()
    {
        using var client = factory.App();
        var territory = (await Json.Features(client, "/api/layers/territories")).First();
        var id = Json.Str(territory, "id");

        var detail = await Json.Get(client, "/api/territories/" + Uri.EscapeDataString(id));

        Assert.Equal(Json.Str(territory, "type"), detail.GetProperty("type").GetString());
        var reasons = detail.GetProperty("decision").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.Matches(FrenchWords(), string.Join(" ", reasons));
        Assert.Equal(4, detail.GetProperty("decision").GetProperty("scores").GetArrayLength());
        Assert.Equal(Json.Num(territory, "estates"), detail.GetProperty("estateIds").GetArrayLength());
    }

    [Fact]
    public async Task Agency_KnownId_SummarisesItsTravel()
    {
        using var client = factory.App();
        var agency = (await Json.Features(client, "/api/layers/agencies")).First();
        var id = Json.Str(agency, "id");

        var detail = await Json.Get(client, "/api/agencies/" + Uri.EscapeDataString(id));

        Assert.Equal(Json.Str(agency, "name"), detail.GetProperty("name").GetString());
        Assert.Equal("saved", detail.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("estates")]
    [InlineData("territories")]
    [InlineData("agencies")]
    public async Task Detail_UnknownId_Is404Problem(string kind)
    {
        using var client = factory.App();
        var problem = await Json.Problem(await client.GetAsync($"/api/{kind}/NO-SUCH-ID"), HttpStatusCode.NotFound);
        Assert.Contains("NO-SUCH-ID", problem.GetProperty("detail").GetString());
    }

    [GeneratedRegex(@"\b(de|des|du|la|le|les|logements|est|et)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchWords();
}
