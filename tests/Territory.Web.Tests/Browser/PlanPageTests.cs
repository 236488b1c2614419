using Microsoft.Playwright;

namespace Territory.Web.Tests.Browser;

/// <summary>
/// The « Planifier » tab in a real browser, over its own server and project copy (saving a plan as a scenario
/// writes to it): a plan drawn with its figures, saved as a scenario, compared with the saved state; the
/// mobile agency's week drawn with its timetable. Waits on the panels' <c>data-state</c>, set when the job's
/// end arrives on the server's event stream.
/// </summary>
[Collection("Browser")]
public sealed class PlanPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Browser_a_plan_is_drawn_saved_as_a_scenario_and_compared_with_the_saved_state()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        await page.Locator(".tab[data-tab=plan]").ClickAsync();
        await page.GetByTestId("plan-problem").SelectOptionAsync("mclp");
        await page.GetByTestId("plan-minutes").FillAsync("20");
        await page.GetByTestId("plan-count").FillAsync("5");

        await page.GetByTestId("plan-run").ClickAsync();
        await page.Locator("[data-testid=plan-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });

        // Today's points are kept (the default): the plan adds five sites to them, all drawn.
        var drawn = await page.EvaluateAsync<Dictionary<string, int>>("() => window.territory.planDrawn()");
        var agencies = await page.EvaluateAsync<int>("() => window.territory.sources.agencies.getFeatures().length");
        Assert.Equal(5, await page.EvaluateAsync<int>("() => window.territory.plan().sites.sites.filter(s => !s.existing).length"));
        Assert.Equal(agencies + 5, drawn["sites"]);
        Assert.Equal(await page.EvaluateAsync<int>("() => window.territory.sources.estates.getFeatures().length"), drawn["estates"]);
        Assert.Equal(agencies + 5, await page.GetByTestId("plan-sites").Locator("li").CountAsync());
        var covered = await page.GetByTestId("plan-covered").TextContentAsync();
        Assert.Matches(@"^[\d\u202f]+ sur [\d\u202f]+ \([\d,]+\u00a0%\) à moins de 20 min$", covered);
        Assert.Contains("routiers", await page.GetByTestId("plan-times").TextContentAsync(), StringComparison.Ordinal);
        var quality = await page.GetByTestId("plan-quality").TextContentAsync();
        Assert.True(quality!.StartsWith("optimal", StringComparison.Ordinal) || quality.StartsWith("écart", StringComparison.Ordinal), quality);

        // « Enregistrer comme scénario » in one click, under a name.
        await page.GetByTestId("plan-scenario-name").FillAsync("Cinq relais à 20 min");
        await page.GetByTestId("plan-save").ClickAsync();
        await page.GetByTestId("plan-save-notice").Filter(new() { HasText = "Cinq relais à 20 min" }).WaitForAsync();

        // The scenario tab lists it; compared with the saved state, its coverage within 20 minutes shows.
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        var item = page.GetByTestId("named-list").Locator("li[data-scenario='Cinq relais à 20 min']");
        await item.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("named-compare").ClickAsync();
        await page.Locator("[data-testid=named-scenarios][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });
        var table = page.GetByTestId("named-comparison");
        Assert.Equal(["Enregistré", "Cinq relais à 20 min"], (await table.Locator("thead th").AllTextContentsAsync()).Skip(1).ToArray());
        var within20 = table.Locator("tr[data-row='within_nearest:20'] td");
        Assert.Equal(2, await within20.CountAsync());
        Assert.NotEqual(await within20.Nth(0).TextContentAsync(), await within20.Nth(1).TextContentAsync());
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_the_mobile_agencys_week_is_drawn_day_by_day_with_its_timetable()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        await page.Locator(".tab[data-tab=plan]").ClickAsync();
        await page.GetByTestId("plan-problem").SelectOptionAsync("mclp");
        await page.GetByTestId("plan-count").FillAsync("6");
        await page.GetByTestId("plan-kind").SelectOptionAsync("arret_agence_mobile");
        await page.GetByTestId("plan-run").ClickAsync();
        await page.Locator("[data-testid=plan-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });

        await page.GetByTestId("round-base").SelectOptionAsync("AG-NORD");
        await page.GetByTestId("round-stops").SelectOptionAsync("plan");
        await page.GetByTestId("round-stop-minutes").FillAsync("90");
        await page.GetByTestId("round-start").FillAsync("09:00");
        await page.GetByTestId("round-run").ClickAsync();
        await page.Locator("[data-testid=round-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });

        var timetable = page.GetByTestId("round-timetable");
        Assert.Equal(5, await timetable.Locator("tr.day").CountAsync());
        Assert.Equal("Lundi", await timetable.Locator("tr.day button").First.TextContentAsync());
        var stops = await timetable.Locator("tr[data-stop]").CountAsync();
        var unplanned = await page.GetByTestId("round-unplanned").Locator("li").CountAsync();
        Assert.Equal(6, stops + unplanned);
        var first = timetable.Locator("tr[data-stop]").First.Locator("td");
        // Clock times from the day's start, as the server computed them; the day says when it leaves and comes back.
        var arrive = await first.Nth(2).TextContentAsync();
        Assert.Matches(@"^(09|1\d):\d\d$", arrive);
        Assert.Equal(await page.EvaluateAsync<string>("() => window.territory.round().round.days.find(d => d.stops.length).stops[0].arrive"), arrive);
        Assert.Matches(@"^ — 09:00 → \d\d:\d\d, ", await timetable.Locator("tr.day").First.GetByTestId("round-day-figures").TextContentAsync());
        Assert.Equal("weekly", await first.Nth(4).GetByTestId("round-stop-frequency").InputValueAsync());
        Assert.Equal("chaque semaine", await first.Nth(4).Locator("option:checked").TextContentAsync());
        // Every leg drawn along the roads: the path's vertices, not a straight segment.
        var legs = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.territory.roundLegs()");
        Assert.True(legs.GetArrayLength() > 0);
        Assert.All(legs.EnumerateArray(), l => Assert.True(l.GetProperty("onRoads").GetBoolean() && l.GetProperty("points").GetInt32() > 2));

        // One stop every other week, chosen in the timetable: the round is planned again over two weeks, that stop once.
        var stopId = await timetable.Locator("tr[data-stop]").First.GetAttributeAsync("data-stop");
        await timetable.Locator("tr[data-stop]").First.GetByTestId("round-stop-frequency").SelectOptionAsync("fortnightly");
        await page.WaitForFunctionAsync("() => window.territory.round().round.weeks === 2", null, new() { Timeout = 120_000 });
        await page.Locator("[data-testid=round-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });
        Assert.Equal(10, await timetable.Locator("tr.day").CountAsync());
        var rows = timetable.Locator($"tr[data-stop='{stopId}']");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal("fortnightly", await rows.GetByTestId("round-stop-frequency").InputValueAsync());
        Assert.Matches(@"^Conduite : [\d,]+ h par semaine, au départ de Agence Montbrenac Nord\.$", await page.GetByTestId("round-total").TextContentAsync());
        var drawn = await page.EvaluateAsync<Dictionary<string, int>>("() => window.territory.planDrawn()");
        Assert.True(drawn["rounds"] > stops, $"{drawn["rounds"]} features for {stops} stops");
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_a_finished_plan_refreshes_the_open_territory_panel_and_the_layers_without_a_reload()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        var id = await page.EvaluateAsync<string>("() => window.territory.sources.territories.getFeatures()[0].get('id')");
        await page.EvaluateAsync("id => window.territory.clickTerritory(id)", id);
        await page.GetByTestId("territory-plan").WaitForAsync();
        var before = await page.EvaluateAsync<int>("() => Number(document.body.dataset.loadedVersion)");
        await page.EvaluateAsync("() => { window.__planBefore = document.querySelector('[data-testid=territory-plan]'); }");

        await page.Locator(".tab[data-tab=plan]").ClickAsync();
        await page.GetByTestId("plan-problem").SelectOptionAsync("mclp");
        await page.GetByTestId("plan-count").FillAsync("4");
        await page.GetByTestId("plan-run").ClickAsync();
        await page.Locator("[data-testid=plan-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });

        // The session analyses again with the plan's sites; its new version reloads the layers and redraws the open panel.
        await page.WaitForFunctionAsync("v => Number(document.body.dataset.loadedVersion) > v", before, new() { Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => !window.__planBefore.isConnected && document.querySelector('[data-testid=territory-plan]') !== null");
        // A territory the plan serves lists the plan's new sites in its presence plan, read without reloading the page.
        var names = await page.EvaluateAsync<string[]>("() => window.territory.plan().sites.sites.filter(s => !s.existing).map(s => s.name)");
        var served = await page.EvaluateAsync<string>("""
            async () => {
              const p = window.territory.plan().sites;
              const fresh = new Set(p.sites.map((s, i) => s.existing ? -1 : i).filter(i => i >= 0));
              const territories = new Set();
              for (let k = 0; k < p.estates.id.length; k += 1) {
                if (!fresh.has(p.estates.site[k])) continue;
                const e = await (await fetch(`api/estates/${encodeURIComponent(p.estates.id[k])}`)).json();
                if (territories.has(e.territory.id)) continue;
                territories.add(e.territory.id);
                const t = await (await fetch(`api/territories/${encodeURIComponent(e.territory.id)}`)).json();
                if (t.presence.some(x => x.sites && x.sites.length)) return e.territory.id;
              }
              return null;
            }
            """);
        Assert.NotNull(served);
        await page.EvaluateAsync("id => window.territory.clickTerritory(id)", served);
        var pattern = new System.Text.RegularExpressions.Regex(string.Join('|', names.Select(System.Text.RegularExpressions.Regex.Escape)));
        await Assertions.Expect(page.GetByTestId("territory-plan").Locator("li.plan-line").Filter(new() { HasTextRegex = pattern }).First).ToBeVisibleAsync();
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_a_clean_slate_plan_warns_of_the_staffed_points_it_closes()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        await page.Locator(".tab[data-tab=plan]").ClickAsync();
        await page.GetByTestId("plan-problem").SelectOptionAsync("lscp");
        await page.GetByTestId("plan-minutes").FillAsync("30");
        await page.GetByTestId("plan-keep").UncheckAsync();
        await page.GetByTestId("plan-run").ClickAsync();
        await page.Locator("[data-testid=plan-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });

        var headline = page.GetByTestId("plan-headline-notes");
        await Assertions.Expect(headline.Locator("[data-note=plan3_clean_slate]")).ToContainTextAsync("Plan à partir d'une page blanche");
        await Assertions.Expect(headline.Locator("[data-note=plan3_staffed_warning][role=alert]")).ToContainTextAsync("personnes déclarées en tout");
        Assert.True(await page.GetByTestId("plan-closed").Locator("li").CountAsync() > 0);
        await Assertions.Expect(page.GetByTestId("plan-closed")).ToContainTextAsync("personnes déclarées");
        await Assertions.Expect(page.GetByTestId("plan-notes").Locator("[data-note=plan3_keep_alternative]")).ToContainTextAsync("En gardant les");
        // No candidate of the demo declares a yearly cost: the cost is unknown, never « 0 euro ».
        await Assertions.Expect(page.GetByTestId("plan-yearly-cost")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^inconnu \(aucun coût déclaré pour \d+\u00a0nouveaux sites\)$"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_in_english_the_planifier_tab_and_its_figures_speak_english()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync("en");
        await page.Locator(".tab[data-tab=plan]").ClickAsync();
        Assert.Equal("Plan", await page.Locator(".tab[data-tab=plan]").TextContentAsync());
        Assert.Equal("Where to put sites?", await page.Locator("#plan-panel h2").TextContentAsync());
        Assert.Equal("Number of sites to add", await page.Locator("#plan-count-field span").TextContentAsync());
        await page.GetByTestId("plan-keep").UncheckAsync();
        Assert.Equal("Number of sites", await page.Locator("#plan-count-field span").TextContentAsync());
        await page.GetByTestId("plan-count").FillAsync("3");
        await page.GetByTestId("plan-run").ClickAsync();
        await page.Locator("[data-testid=plan-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });

        Assert.Matches(@"^[\d,]+ of [\d,]+ \([\d.]+%\) within 20 min$", await page.GetByTestId("plan-covered").TextContentAsync());
        Assert.Equal("Road times (the project's OpenStreetMap network).", await page.GetByTestId("plan-times").TextContentAsync());
        Assert.Equal(3, await page.EvaluateAsync<int>("() => window.territory.plan().sites.sites.length"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
