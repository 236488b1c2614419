using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Store;
using Territory.Web.Tests.Support;
using static Territory.Web.Tests.Support.AuthAccounts;

namespace Territory.Web.Tests.Api;

/// <summary>Signing in with the project's accounts: tokens, the sign-in page, 401 without credentials, 403 beyond the role.</summary>
public sealed class AuthApiTests : IClassFixture<AuthApiTests.Server>
{
    private readonly Server _server;

    public AuthApiTests(Server server) => _server = server;

    /// <summary>One server for the read-only tests, over a project with the three accounts.</summary>
    public sealed class Server : IDisposable
    {
        public WebFactory Factory { get; } = new();

        public Server() => Seed(Factory.ProjectPath);

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("/api/project")]
    [InlineData("/api/layers/estates")]
    [InlineData("/api/export/csv")]
    [InlineData("/api/users")]
    public async Task Get_WithoutCredentials_Is401WithTheFrenchReason(string url)
    {
        using var client = Anonymous(_server.Factory);

        var response = await client.GetAsync(url);

        var problem = await Json.Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("auth_required", problem.GetProperty("code").GetString());
        Assert.Contains("connectez-vous", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Get_WithAForgedOrExpiredToken_Is401()
    {
        using var client = Anonymous(_server.Factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8forged-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/project")).StatusCode);
    }

    [Fact]
    public async Task Token_RightPassword_OpensTheApiUntilItsExpiry()
    {
        using var client = Anonymous(_server.Factory);

        var response = await client.PostAsJsonAsync("/api/auth/token", new { name = "LEA", password = Password(Reader) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("lea", "lecture", "Bearer"), (answer.GetProperty("name").GetString(), answer.GetProperty("role").GetString(), answer.GetProperty("tokenType").GetString()));
        var expires = answer.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(7.9), TimeSpan.FromHours(8.1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", answer.GetProperty("token").GetString());
        var project = await Json.Get(client, "/api/project");
        Assert.Equal(1495, project.GetProperty("counts").GetProperty("estates").GetInt32());
        var me = await Json.Get(client, "/api/auth/me");
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal("lea · lecture", me.GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("lea", "pas-le-bon-mot-de-passe")]
    [InlineData("personne", "lea-lea-lea-mdp")]
    [InlineData("", "")]
    public async Task Token_WrongNameOrPassword_Is401AndSaysNoMore(string name, string password)
    {
        using var client = Anonymous(_server.Factory);

        var response = await client.PostAsJsonAsync("/api/auth/token", new { name, password });

        var problem = await Json.Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("auth_bad_credentials", problem.GetProperty("code").GetString());
        Assert.Equal("nom ou mot de passe incorrect.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Reader, "POST", "/api/scenario/agencies", "planification")]
    [InlineData(Reader, "POST", "/api/scenario/discard", "planification")]
    [InlineData(Planner, "POST", "/api/scenario/save", "administration")]
    [InlineData(Planner, "POST", "/api/import/undo", "administration")]
    [InlineData(Planner, "GET", "/api/users", "administration")]
    [InlineData(Planner, "GET", "/api/audit", "administration")]
    public async Task Call_BeyondTheRole_Is403NamingTheRoleNeeded(string user, string method, string url, string needed)
    {
        using var client = await As(_server.Factory, user);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        var problem = await Json.Problem(response, HttpStatusCode.Forbidden);
        Assert.Equal("auth_forbidden", problem.GetProperty("code").GetString());
        Assert.Contains($"rôle {needed} nécessaire", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_ViewsAndExports()
    {
        using var client = await As(_server.Factory, Reader);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/layers/agencies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/export/csv")).StatusCode);
    }

    [Fact]
    public async Task MapPage_WithoutSession_GoesToTheFrenchSignInPage()
    {
        using var client = Anonymous(_server.Factory);

        var map = await client.GetAsync("/?lang=fr");
        Assert.Equal(HttpStatusCode.Redirect, map.StatusCode);
        Assert.Equal("/connexion?retour=%2F%3Flang%3Dfr", map.Headers.Location!.OriginalString);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/connexion?retour=%2F"));
        Assert.Contains("<html lang=\"fr\"", page, StringComparison.Ordinal);
        Assert.Contains("Connexion à la carte", page, StringComparison.Ordinal);
        Assert.Contains("Nom d'utilisateur", page, StringComparison.Ordinal);
        Assert.DoesNotContain("annuaire", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInForm_RightPassword_SetsAnHttpOnlySessionAndGoesBack()
    {
        using var client = Anonymous(_server.Factory);

        var response = await client.PostAsync("/connexion", Form(Planner, Password(Planner), "/?onglet=scenario"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?onglet=scenario", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("territory_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await Json.Get(client, "/api/auth/me");
        Assert.Equal(("paul", "planification"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/project")).StatusCode);
    }

    [Fact]
    public async Task SignInForm_WrongPassword_ShowsThePageAgainWithTheReason()
    {
        using var client = Anonymous(_server.Factory);

        var response = await client.PostAsync("/connexion", Form(Planner, "mauvais", "/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("nom ou mot de passe incorrect.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"paul\"", page, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("https://ailleurs.example", "/", HttpStatusCode.Forbidden, null)]
    [InlineData(null, "https://ailleurs.example/piege", HttpStatusCode.Redirect, "/")]
    [InlineData(null, "//ailleurs.example", HttpStatusCode.Redirect, "/")]
    public async Task SignInForm_FromAnotherSiteOrBackToAnother_NeverLeavesThisServer(string? origin, string back, HttpStatusCode status, string? location)
    {
        using var client = Anonymous(_server.Factory);
        var request = new HttpRequestMessage(HttpMethod.Post, "/connexion") { Content = Form(Reader, Password(Reader), back) };
        if (origin is not null)
            request.Headers.Add("Origin", origin);

        var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    private static FormUrlEncodedContent Form(string name, string password, string back) =>
        new(new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["retour"] = back });
}
