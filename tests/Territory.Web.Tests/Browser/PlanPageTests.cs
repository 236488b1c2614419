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
        await page.GetByTestId("round-run").ClickAsync();
        await page.Locator("[data-testid=round-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });

        var timetable = page.GetByTestId("round-timetable");
        Assert.Equal(5, await timetable.Locator("tr.day").CountAsync());
        Assert.Equal("Lundi", await timetable.Locator("tr.day button").First.TextContentAsync());
        var stops = await timetable.Locator("tr[data-stop]").CountAsync();
        var unplanned = await page.GetByTestId("round-unplanned").Locator("li").CountAsync();
        Assert.Equal(6, stops + unplanned);
        var first = timetable.Locator("tr[data-stop]").First.Locator("td");
        Assert.Matches(@"^\d\d:\d\d$", await first.Nth(2).TextContentAsync());
        Assert.Matches(@"^Conduite : [\d,]+ h par semaine, au départ de Agence Montbrenac Nord\.$", await page.GetByTestId("round-total").TextContentAsync());
        var drawn = await page.EvaluateAsync<Dictionary<string, int>>("() => window.territory.planDrawn()");
        Assert.True(drawn["rounds"] > stops, $"{drawn["rounds"]} features for {stops} stops");
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
