using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Web;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>
/// Sign-in through the organisation's directory: a real OpenID Connect provider (OpenIddict) on a loopback port,
/// the authorization code flow followed hop by hop, roles mapped from the directory's claim.
/// </summary>
public sealed class AuthDirectoryTests
{
    [Fact]
    public async Task Directory_UserWithAMappedGroup_SignsInWithThatRole()
    {
        await using var provider = await AuthDirectoryProvider.StartAsync();
        provider.NextUser = ("marie.dupont", ["GRP_AGENCES", "GRP_TERRITORY_PLAN"]);
        using var factory = Factory(provider);
        using var client = AuthAccounts.Anonymous(factory);

        var landed = await SignInThroughTheDirectory(client, "/?onglet=scenario");

        Assert.Equal("/?onglet=scenario", landed);
        var me = await Json.Get(client, "/api/auth/me");
        Assert.Equal(("marie.dupont", "planification", "oidc"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString(), me.GetProperty("source").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/project")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/scenario/save", null)).StatusCode);
        await factory.Services.GetRequiredService<Territory.Web.Auth.SignInAudit>().FlushAsync();
        using var store = Territory.Store.ProjectStores.Open(factory.ProjectPath);
        var line = Assert.Single(store.ReadAudit(), l => l.Action == "sign_in");
        Assert.Equal(("marie.dupont", "marie.dupont : connexion par l'annuaire de l'organisation"),
            (line.Author, Territory.Store.Users.AuditDetail.Describe(line).Render(Territory.Core.Messages.Lang.Fr)));
    }

    [Fact]
    public async Task Directory_UserWithoutATerritoryRole_IsSentBackToTheSignInPageWithTheReason()
    {
        await using var provider = await AuthDirectoryProvider.StartAsync();
        provider.NextUser = ("invite", ["GRP_COMPTABILITE"]);
        using var factory = Factory(provider);
        using var client = AuthAccounts.Anonymous(factory);

        var landed = await SignInThroughTheDirectory(client, "/");

        Assert.Equal("/connexion?erreur=annuaire", landed);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(landed));
        Assert.Contains("aucun rôle Territory", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/project")).StatusCode);
        // Written once, with its reason (the directory's failure event that follows adds no second line).
        await factory.Services.GetRequiredService<Territory.Web.Auth.SignInAudit>().FlushAsync();
        using var store = Territory.Store.ProjectStores.Open(factory.ProjectPath);
        var line = Assert.Single(store.ReadAudit(), l => l.Action == "sign_in_failed");
        Assert.Equal("« invite » par l'annuaire de l'organisation : aucun rôle Territory dans l'annuaire",
            Territory.Store.Users.AuditDetail.Describe(line).Render(Territory.Core.Messages.Lang.Fr));
    }

    [Fact]
    public async Task Directory_Configured_OffersItOnTheSignInPageAndRequiresSignInOnLoopback()
    {
        await using var provider = await AuthDirectoryProvider.StartAsync();
        using var factory = Factory(provider);
        using var client = AuthAccounts.Anonymous(factory);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/project")).StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/connexion"));
        Assert.Contains("Se connecter avec l'annuaire de l'organisation", page, StringComparison.Ordinal);
    }

    private static WebFactory Factory(AuthDirectoryProvider provider) => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Auth:Oidc:Authority"] = provider.Authority,
            ["Auth:Oidc:ClientId"] = AuthDirectoryProvider.ClientId,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Auth:Oidc:Roles:GRP_TERRITORY_PLAN"] = "planification",
            ["Auth:Oidc:Roles:GRP_AGENCES"] = "lecture",
        },
    };

    /// <summary>Territory → the directory → Territory's callback, as a browser follows the redirects; returns where Territory sends the user at last.</summary>
    private static async Task<string> SignInThroughTheDirectory(HttpClient territory, string back)
    {
        var challenge = await territory.GetAsync("/connexion/annuaire?retour=" + Uri.EscapeDataString(back));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Equal("code", HttpUtility.ParseQueryString(authorize.Query)["response_type"]);
        Assert.Equal("S256", HttpUtility.ParseQueryString(authorize.Query)["code_challenge_method"]);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browser.GetAsync(authorize);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        var callback = answer.Headers.Location!;
        Assert.StartsWith("http://localhost/signin-oidc?", callback.ToString(), StringComparison.Ordinal);

        var signedIn = await territory.GetAsync(callback.PathAndQuery);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        return signedIn.Headers.Location!.OriginalString;
    }
}
