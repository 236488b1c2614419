using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>The API answers in the request's language (<c>?lang=</c> or <c>Accept-Language</c>), codes beside the texts.</summary>
public sealed class LanguageApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Theory]
    [InlineData("fr", "Grands quartiers d'habitat social", "Score le plus élevé")]
    [InlineData("en", "Large social housing districts", "Highest score")]
    public async Task Territory_AcceptLanguage_TypeAndDecisionInThatLanguage(string lang, string typeLabel, string rulePrefix)
    {
        using var client = factory.App();
        var territory = (await Json.Features(client, "/api/layers/territories")).First(f => Json.Str(f, "type") == "priority_district");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/territories/" + Uri.EscapeDataString(Json.Str(territory, "id")));
        request.Headers.AcceptLanguage.ParseAdd(lang);
        var detail = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(typeLabel, detail.GetProperty("typeLabel").GetString());
        Assert.StartsWith(rulePrefix, detail.GetProperty("decision").GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(rulePrefix, detail.GetProperty("decision").GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Requête refusée", "Les modifications passent par l'interface de Territory (en-tête X-Territory-Client absent).")]
    [InlineData("en", "Request refused", "Changes go through Territory's own interface (header X-Territory-Client missing).")]
    public async Task Mutation_WithoutClientHeader_RefusedInTheRequestsLanguage(string lang, string title, string detail)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync($"/api/scenario/save?lang={lang}", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request_client_header_missing", problem.GetProperty("code").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Estate_LangQuery_HousingIsACodeAndTheReasonIsRendered()
    {
        using var client = factory.App();
        var estate = (await Json.Features(client, "/api/layers/estates")).First();
        var en = await Json.Get(client, $"/api/estates/{Uri.EscapeDataString(Json.Str(estate, "id"))}?lang=en");
        Assert.Contains(en.GetProperty("housing").GetString(), new[] { "collective", "individual", "student", "unknown" });
        var fr = await Json.Get(client, $"/api/estates/{Uri.EscapeDataString(Json.Str(estate, "id"))}?lang=fr");
        Assert.Equal(en.GetProperty("territory").GetProperty("type").GetString(), fr.GetProperty("territory").GetProperty("type").GetString());
        Assert.NotEqual(en.GetProperty("territory").GetProperty("typeLabel").GetString(), fr.GetProperty("territory").GetProperty("typeLabel").GetString());
    }

    [Theory]
    [InlineData("fr", "aucun programme « nope » dans le projet.")]
    [InlineData("en", "no estate 'nope' in the project.")]
    public async Task UnknownEstate_ProblemDetailsInTheLanguageWithItsCode(string lang, string detail)
    {
        using var client = factory.App();
        var answer = await client.GetAsync($"/api/estates/nope?lang={lang}");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal("api_estate_not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Agency_English_ManagementAndKindInEnglish()
    {
        using var client = factory.App();
        var agency = (await Json.Features(client, "/api/layers/agencies")).First(f => Json.Str(f, "kind") == "antenne");
        var detail = await Json.Get(client, $"/api/agencies/{Uri.EscapeDataString(Json.Str(agency, "id"))}?lang=en");
        Assert.Equal("Branch", detail.GetProperty("kindLabel").GetString());
        Assert.StartsWith("Model ", detail.GetProperty("management").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Couches", "logements")]
    [InlineData("en", "Layers", "dwellings")]
    public async Task Messages_ServeTheMapTextsOfTheLanguage(string lang, string layers, string countWord)
    {
        using var client = factory.App();
        var answer = await Json.Get(client, $"/api/messages?lang={lang}");
        Assert.Equal(lang, answer.GetProperty("lang").GetString());
        var messages = answer.GetProperty("messages");
        Assert.Equal(layers, messages.GetProperty("map_tab_layers").GetString());
        Assert.Contains(countWord, messages.GetProperty("map_filters_count").GetString(), StringComparison.Ordinal);
        Assert.True(messages.TryGetProperty("severity_rejected", out _));
        Assert.False(messages.TryGetProperty("cli_root_description", out _));
    }
}
