using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Web.Tests.Support;
using static Territory.Web.Tests.Support.AuthAccounts;

namespace Territory.Web.Tests.Api;

/// <summary>The audit table over HTTP: sign-ins (refused ones too), sign-outs and scenario deletions are written under who made them, and read in words.</summary>
public sealed class AuditApiTests
{
    [Fact]
    public async Task SignIns_TokenFormAndSignOut_AreAuditedWithTheirSourceAndRefusalsWithTheirReason()
    {
        using var factory = new WebFactory();
        Seed(factory.ProjectPath);
        using var anonymous = Anonymous(factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { name = Planner, password = "pas-le-bon" })).StatusCode);
        using var browser = Anonymous(factory);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = Reader, ["password"] = Password(Reader), ["retour"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/connexion", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/auth/logout", null)).StatusCode);
        using var ada = await As(factory, Admin);

        var lines = (await Json.Get(ada, "/api/audit?limit=4")).EnumerateArray().ToList();

        Assert.Equal(["sign_in", "sign_out", "sign_in", "sign_in_failed"], lines.Select(l => l.GetProperty("action").GetString()));
        Assert.Equal("ada : connexion par jeton d'API", lines[0].GetProperty("text").GetString());
        Assert.Equal(("lea", "lea : déconnexion"), (lines[1].GetProperty("author").GetString(), lines[1].GetProperty("text").GetString()));
        Assert.Equal("lea : connexion par le formulaire de la carte", lines[2].GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, lines[3].GetProperty("author").ValueKind);
        Assert.Equal("connexion refusée", lines[3].GetProperty("label").GetString());
        Assert.Equal("« paul » par jeton d'API : nom ou mot de passe incorrect", lines[3].GetProperty("text").GetString());

        var english = new HttpRequestMessage(HttpMethod.Get, "/api/audit?limit=1");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = (await (await ada.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        Assert.Equal(("sign-in", "ada signed in with an API token"), (en.GetProperty("label").GetString(), en.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task SignInForm_OpenToTheNetworkOverPlainHttp_SaysHttpsIsNeededInsteadOfLooping()
    {
        // Open to the network, the session cookie is Secure: a browser on http://carte.interne would drop it.
        using var factory = new WebFactory { Settings = new Dictionary<string, string> { ["Host"] = "0.0.0.0" } };
        Seed(factory.ProjectPath);
        using var browser = Anonymous(factory);
        var page = new HttpRequestMessage(HttpMethod.Get, "/connexion");
        page.Headers.Host = "carte.interne:5080";
        Assert.Contains("sans HTTPS", WebUtility.HtmlDecode(await (await browser.SendAsync(page)).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var post = new HttpRequestMessage(HttpMethod.Post, "/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = Reader, ["password"] = Password(Reader), ["retour"] = "/" }),
        };
        post.Headers.Host = "carte.interne:5080";
        var refused = await browser.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        using var ada = await As(factory, Admin);
        var line = (await Json.Get(ada, "/api/audit")).EnumerateArray().First(l => l.GetProperty("action").GetString() == "sign_in_failed");
        Assert.Equal("« lea » par le formulaire de la carte : page ouverte sans HTTPS", line.GetProperty("text").GetString());
    }

    [Fact]
    public async Task DeleteNamedScenario_IsAuditedUnderItsDeleter()
    {
        using var factory = new WebFactory();
        Seed(factory.ProjectPath);
        using var paul = await As(factory, Planner);
        var (lon, lat) = await ScenarioApiTests.FarthestEstate(paul);
        Assert.Equal(HttpStatusCode.Created, (await paul.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais", kind = "lieu_relais", lon, lat })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await paul.PostAsJsonAsync("/api/scenarios", new { name = "Brouillon" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await paul.DeleteAsync("/api/scenarios/Brouillon")).StatusCode);

        using var ada = await As(factory, Admin);
        var lines = (await Json.Get(ada, "/api/audit")).EnumerateArray().Where(l => l.GetProperty("target").GetString() == "Brouillon").ToList();
        Assert.Equal(["scenario_delete", "scenario_save"], lines.Select(l => l.GetProperty("action").GetString()));
        Assert.All(lines, l => Assert.Equal(Planner, l.GetProperty("author").GetString()));
        Assert.Equal("scénario « Brouillon » : 1\u00a0modification", lines[1].GetProperty("text").GetString());
    }
}
