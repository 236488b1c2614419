using Microsoft.Playwright;
using Territory.Web.Hosting;
using Territory.Web.Tests.Support;
using static Territory.Web.Tests.Support.AuthAccounts;

namespace Territory.Web.Tests.Browser;

/// <summary>
/// The map server over a project with accounts, as people of the organisation use it: the French sign-in page, users in
/// their own browsers with their own scenarios, the controls of each role, the reference network saved by one
/// administrator while another's view is stale. Run over each store (<see cref="AuthPageTests"/>, <see cref="PostGisAuthPageTests"/>).
/// </summary>
public abstract class AuthPages(BrowserServer server)
{

    [Fact]
    public async Task Browser_sign_in_page_refuses_a_wrong_password_then_opens_the_map_under_the_users_name()
    {
        if (!server.Available) return;
        var page = await NewBrowserAsync();
        await page.GotoAsync(server.Url + "/");
        await page.WaitForURLAsync("**/connexion?retour=%2F");
        Assert.Equal("Connexion à la carte", await page.Locator("h1").TextContentAsync());

        await page.Locator("#name").FillAsync(Reader);
        await page.Locator("#password").FillAsync("pas-le-bon");
        await page.Locator("button[type=submit]").ClickAsync();
        Assert.Equal("nom ou mot de passe incorrect.", await page.GetByRole(AriaRole.Alert).TextContentAsync());

        await page.Locator("#password").FillAsync(Password(Reader));
        await page.Locator("button[type=submit]").ClickAsync();
        await WaitForMapAsync(page, Reader);
        Assert.Equal("lea · lecture", await page.GetByTestId("user-name").TextContentAsync());

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/connexion");
        await page.GotoAsync(server.Url + "/");
        await page.WaitForURLAsync("**/connexion?retour=%2F");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Browser_two_users_each_edit_their_own_scenario()
    {
        if (!server.Available) return;
        var paul = await SignInAsync(Planner);
        var ada = await SignInAsync(Admin);

        await paul.Locator(".tab[data-tab=scenario]").ClickAsync();
        await paul.GetByTestId("scenario-add-kind").SelectOptionAsync("lieu_relais");
        await paul.Locator("#scenario-add-name").FillAsync("Relais de Paul");
        await paul.GetByTestId("scenario-add").ClickAsync();
        var target = await MapPage.FeatureOnScreenAsync(paul, "t.sources.estates.getFeatures().filter(x => x.get('travelMinutes') != null) .sort((a, b) => b.get('travelMinutes') - a.get('travelMinutes'))[0]");
        await paul.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        await paul.WaitForFunctionAsync("() => window.territory.scenario()?.dirty === true");
        await paul.WaitForFunctionAsync("() => window.territory.sources.agencies.getFeatures().some(f => f.get('name') === 'Relais de Paul')");

        // Paul keeps it under a name, private (the share box left unticked): Ada's list does not show it.
        Assert.True(await paul.GetByTestId("named-save-shared").IsVisibleAsync());
        await paul.GetByTestId("named-save-name").FillAsync("Brouillon de Paul");
        await paul.GetByTestId("named-save").ClickAsync();
        await paul.WaitForFunctionAsync("() => document.getElementById('named-scenarios').dataset.state === 'done' && document.querySelector('[data-testid=named-list]')?.textContent.includes('Brouillon de Paul')");
        Assert.False(await ada.EvaluateAsync<bool>("async () => (await (await fetch('api/scenarios')).json()).scenarios.some(s => s.name === 'Brouillon de Paul')"));

        // Ada's map, even freshly loaded, shows the saved network without Paul's point.
        await ada.ReloadAsync();
        await WaitForMapAsync(ada, Admin);
        Assert.False(await ada.EvaluateAsync<bool>("() => window.territory.scenario()?.dirty === true"));
        Assert.False(await ada.EvaluateAsync<bool>("() => window.territory.sources.agencies.getFeatures().some(f => f.get('name') === 'Relais de Paul')"));

        // Paul's page, reloaded, still has his scenario.
        await paul.ReloadAsync();
        await WaitForMapAsync(paul, Planner);
        Assert.True(await paul.EvaluateAsync<bool>("() => window.territory.scenario()?.dirty === true"));
        Assert.Equal("paul · planification", await paul.GetByTestId("user-name").TextContentAsync());
        await paul.Context.CloseAsync();
        await ada.Context.CloseAsync();
    }

    [Fact]
    public async Task Browser_controls_follow_the_role_reader_sees_no_edit_planner_no_import_nor_reference_save()
    {
        if (!server.Available) return;
        var lea = await SignInAsync(Reader);
        Assert.False(await lea.Locator(".tab[data-tab=scenario]").IsVisibleAsync());
        Assert.False(await lea.Locator(".tab[data-tab=plan]").IsVisibleAsync());
        await lea.Locator(".tab[data-tab=io]").ClickAsync();
        Assert.True(await lea.Locator("a[href='api/export/csv']").IsVisibleAsync());
        Assert.False(await lea.GetByTestId("file-picker-button").IsVisibleAsync());
        Assert.False(await lea.GetByTestId("scenario-save").IsVisibleAsync());
        Assert.False(await lea.GetByTestId("plan-run").IsVisibleAsync());

        var paul = await SignInAsync(Planner);
        await paul.Locator(".tab[data-tab=plan]").ClickAsync();
        Assert.True(await paul.GetByTestId("plan-run").IsVisibleAsync());
        await paul.Locator(".tab[data-tab=scenario]").ClickAsync();
        Assert.True(await paul.GetByTestId("scenario-add").IsVisibleAsync());
        Assert.True(await paul.GetByTestId("named-save").IsVisibleAsync());
        Assert.False(await paul.GetByTestId("scenario-save").IsVisibleAsync());
        Assert.Equal(0, await paul.Locator("[data-action=apply]:visible").CountAsync());
        await paul.Locator(".tab[data-tab=io]").ClickAsync();
        Assert.False(await paul.GetByTestId("file-picker-button").IsVisibleAsync());

        var ada = await SignInAsync(Admin);
        await ada.Locator(".tab[data-tab=scenario]").ClickAsync();
        Assert.True(await ada.GetByTestId("scenario-save").IsVisibleAsync());
        await ada.Locator(".tab[data-tab=io]").ClickAsync();
        Assert.True(await ada.GetByTestId("file-picker-button").IsVisibleAsync());
        foreach (var page in new[] { lea, paul, ada })
            await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Browser_an_administrator_saves_the_reference_network_the_other_stale_save_is_409_and_keeps_the_scenario()
    {
        if (!server.Available) return;
        var ada = await SignInAsync(Admin);
        // Bruno's browser misses the live updates (a proxy that buffers them, a laptop waking up): his view stays at the version he loaded.
        var bruno = await SignInAsync(SecondAdmin, missLiveUpdates: true);
        await AddPointAsync(ada, "Relais d'Ada");
        await AddPointAsync(bruno, "Relais de Bruno");

        await ada.GetByTestId("scenario-save").ClickAsync();
        await ada.WaitForFunctionAsync("() => window.territory.scenario()?.dirty === false");
        await bruno.GetByTestId("scenario-save").ClickAsync();

        // His view is older than the reference network: refused, nothing lost — his point is still there, now over
        // Ada's saved network. (On a loaded machine a request of his page may answer after Ada's save and his map
        // reload with her point before his click lands: his save then goes through, made from a view that shows hers.
        // The page's own refusal before that reload is pinned by SafeImportPageTests, the 409 by the API tests.)
        var refused = await bruno.WaitForFunctionAsync("""
            () => (document.querySelector('[data-testid=scenario-conflict]')?.getClientRects().length ?? 0) > 0 ? 'refused'
              : window.territory.scenario()?.dirty === false ? 'saved' : null
            """);
        if (await refused.JsonValueAsync<string>() == "refused")
        {
            Assert.True(await bruno.EvaluateAsync<bool>("() => window.territory.scenario()?.dirty === true"));
            await bruno.WaitForFunctionAsync("() => window.territory.sources.agencies.getFeatures().some(f => f.get('name') === \"Relais d'Ada\")");
            Assert.True(await bruno.EvaluateAsync<bool>("() => window.territory.sources.agencies.getFeatures().some(f => f.get('name') === 'Relais de Bruno')"));
            using (var store = Territory.Store.ProjectStores.Open(server.ProjectLocation))
                Assert.DoesNotContain(store.ReadAgencies(), a => a.Name == "Relais de Bruno");

            // Checked again, his save goes through.
            await SafeImportPageTests.ViewIsCurrentAsync(bruno);
            await bruno.GetByTestId("scenario-save").ClickAsync();
            await bruno.WaitForFunctionAsync("() => window.territory.scenario()?.dirty === false");
        }
        // Both points are in the reference network.
        using (var store = Territory.Store.ProjectStores.Open(server.ProjectLocation))
        {
            var names = store.ReadAgencies().Select(a => a.Name).ToList();
            Assert.Contains("Relais d'Ada", names);
            Assert.Contains("Relais de Bruno", names);
        }
        await ada.Context.CloseAsync();
        await bruno.Context.CloseAsync();
    }

    [Fact]
    public async Task Proxy_on_this_machine_forwarding_https_gets_a_secure_session_cookie()
    {
        if (!server.Available) return;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url + "/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = Admin, ["password"] = Password(Admin), ["retour"] = "/" }),
        };
        // As nginx sends it: Host stays 127.0.0.1:port, the public name and scheme come in X-Forwarded-*.
        request.Headers.Add("Origin", "https://carte.exemple.fr");
        request.Headers.Add("X-Forwarded-Host", "carte.exemple.fr");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "10.1.2.3");

        var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthSetupCookie, StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        // Straight to the server (no proxy): another origin than the server's own is refused.
        using var direct = new HttpRequestMessage(HttpMethod.Post, server.Url + "/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = Admin, ["password"] = Password(Admin), ["retour"] = "/" }),
        };
        direct.Headers.Add("Origin", "https://carte.exemple.fr");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(direct)).StatusCode);
    }

    private const string AuthSetupCookie = Territory.Web.Auth.AuthSetup.CookieName + "=";

    /// <summary>A browser of its own (its own cookies), offline beyond the server.</summary>
    private async Task<IPage> NewBrowserAsync()
    {
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "fr-FR" });
        await context.RouteAsync(url => !url.StartsWith(server.Url, StringComparison.Ordinal), route => route.AbortAsync("internetdisconnected"));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(45_000);
        return page;
    }

    private async Task<IPage> SignInAsync(string name, bool missLiveUpdates = false)
    {
        var page = await NewBrowserAsync();
        if (missLiveUpdates)
            await page.Context.RouteAsync("**/api/events**", route => route.AbortAsync("connectionrefused"));
        await page.GotoAsync(server.Url + "/");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync(Password(name));
        await page.Locator("button[type=submit]").ClickAsync();
        await WaitForMapAsync(page, name);
        return page;
    }

    /// <summary>Adds a relay place named <paramref name="name"/> on the estate farthest from its agency, and waits for the scenario to show it.</summary>
    private static async Task AddPointAsync(IPage page, string name)
    {
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        await page.GetByTestId("scenario-add-kind").SelectOptionAsync("lieu_relais");
        await page.Locator("#scenario-add-name").FillAsync(name);
        await page.GetByTestId("scenario-add").ClickAsync();
        var target = await MapPage.FeatureOnScreenAsync(page, "t.sources.estates.getFeatures().filter(x => x.get('travelMinutes') != null) .sort((a, b) => b.get('travelMinutes') - a.get('travelMinutes'))[0]");
        await page.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("n => window.territory.sources.agencies.getFeatures().some(f => f.get('name') === n)", name);
    }

    private static async Task WaitForMapAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync("() => window.territory && document.body.dataset.ready === 'true'");
        await page.EvaluateAsync("() => window.territory.ready");
        await page.WaitForFunctionAsync($"() => document.body.dataset.user === '{name}'");
    }
}
