using System.Text.Json;
using Microsoft.Playwright;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Browser;

/// <summary>
/// Produces the PNG screenshots of the French user guide (docs/img/), the planning chapter's included. Not a check: it runs only
/// when TERRITORY_SCREENSHOTS=1 (scripts/screenshots.sh); the test suite leaves it out (trait
/// <c>Category=Screenshots</c>, filtered by scripts/test.sh), so it never counts as a passing test.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Screenshots")]
public sealed class UserGuideScreenshots(ScreenshotServer server) : IClassFixture<ScreenshotServer>
{
    internal static bool Enabled => Environment.GetEnvironmentVariable("TERRITORY_SCREENSHOTS") == "1";

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Browser_screenshots_for_the_user_guide()
    {
        if (!Enabled || !server.Available) return;
        var dir = Path.Combine(TestPaths.RepoRoot, "docs", "img");
        Directory.CreateDirectory(dir);
        var (page, _) = await server.OpenAsync();

        async Task Shot(string name)
        {
            await page.EvaluateAsync("() => window.territory.rendered()");
            await page.WaitForTimeoutAsync(300);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name) });
        }

        async Task ClickAt(string script)
        {
            var p = await page.EvaluateAsync<JsonElement>(script);
            await page.Mouse.ClickAsync(p.GetProperty("x").GetSingle(), p.GetProperty("y").GetSingle());
        }

        // 1. Overview with the legend.
        await page.Mouse.MoveAsync(640, 420);
        await Shot("carte-vue-ensemble.png");

        // 2. Territory panel with its reasons (a priority district, clicked on its recommendation point).
        await page.GetByTestId("layer-switcher").Locator("input[data-layer=recommendations]").SetCheckedAsync(true);
        // The recommendations come after the first frame (a layer hidden by default): wait until they are on the map.
        await page.WaitForFunctionAsync("() => document.body.dataset.recommendationsVersion !== undefined");
        await ClickAt("""
            async () => {
              const t = window.territory;
              const f = t.sources.recommendations.getFeatures().find(x => x.get('type') === 'priority_district');
              const tf = t.sources.territories.getFeatures().find(x => x.get('id') === f.get('territoryId'));
              t.map.getView().fit(tf.getGeometry().getExtent(), { padding: [120, 120, 120, 120], maxZoom: 15 });
              await t.rendered();
              const px = t.map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
              const r = t.map.getTargetElement().getBoundingClientRect();
              return { x: r.left + px[0], y: r.top + px[1] };
            }
            """);
        await page.GetByTestId("territory-reasons").WaitForAsync();
        await Shot("panneau-territoire.png");
        await page.GetByTestId("layer-switcher").Locator("input[data-layer=recommendations]").SetCheckedAsync(false);

        // 3. Agency isochrones.
        await ClickAt("""
            async () => {
              const t = window.territory;
              const f = t.sources.agencies.getFeatures().find(x => x.get('kind') === 'agence');
              t.map.getView().setCenter(f.getGeometry().getCoordinates()); t.map.getView().setZoom(11.5);
              await t.rendered();
              const px = t.map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
              const r = t.map.getTargetElement().getBoundingClientRect();
              return { x: r.left + px[0], y: r.top + px[1] };
            }
            """);
        await page.GetByTestId("isochrone-legend").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.territory.sources.isochrones.getFeatures().length > 0");
        await Shot("isochrones-agence.png");
        await page.GetByTestId("isochrone-legend").GetByRole(AriaRole.Button).ClickAsync();

        await page.Locator("#panel-close").ClickAsync();

        // 4. Scenario: a relay place at the most remote estate, coverage compared.
        await page.EvaluateAsync("""
            async () => {
              const t = window.territory; const ext = t.sources.territories.getExtent();
              t.map.getView().fit(ext, { padding: [30, 30, 30, 30] });
              await t.rendered();
              return true;
            }
            """);
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        await page.GetByTestId("scenario-add-kind").SelectOptionAsync("lieu_relais");
        await page.Locator("#scenario-add-name").FillAsync("Lieu relais (France services)");
        await page.GetByTestId("scenario-add").ClickAsync();
        await ClickAt("""
            () => {
              const t = window.territory;
              const f = t.sources.estates.getFeatures().filter(x => x.get('travelMinutes') != null)
                .sort((a, b) => b.get('travelMinutes') - a.get('travelMinutes'))[0];
              const px = t.map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
              const r = t.map.getTargetElement().getBoundingClientRect();
              return { x: r.left + px[0], y: r.top + px[1] };
            }
            """);
        await page.WaitForFunctionAsync("() => window.territory.sources.agencies.getFeatures().some(f => f.get('status') === 'added')");
        await Shot("scenario-couverture.png");
        await page.GetByTestId("scenario-discard").ClickAsync();
        await page.WaitForFunctionAsync("() => !window.territory.scenario().dirty");

        // 6. Planifier: five relay places within 20 minutes added to today's network, drawn with their figures.
        await page.Locator(".tab[data-tab=plan]").ClickAsync();
        await page.GetByTestId("plan-problem").SelectOptionAsync("mclp");
        await page.GetByTestId("plan-minutes").FillAsync("20");
        await page.GetByTestId("plan-count").FillAsync("5");
        await page.GetByTestId("plan-run").ClickAsync();
        await page.Locator("[data-testid=plan-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });
        await page.GetByTestId("plan-result").EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await Shot("plan-sites.png");
        await page.GetByTestId("plan-scenario-name").FillAsync("5 relais à 20 min");
        await page.GetByTestId("plan-save").ClickAsync();
        await page.GetByTestId("plan-save-notice").Filter(new() { HasText = "5 relais à 20 min" }).WaitForAsync();

        // 7. The mobile agency's week from the Nord agency, over the plan's new sites.
        await page.GetByTestId("round-base").SelectOptionAsync("AG-NORD");
        await page.GetByTestId("round-stops").SelectOptionAsync("plan");
        await page.GetByTestId("round-run").ClickAsync();
        await page.Locator("[data-testid=round-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });
        await page.GetByTestId("round-result").ScrollIntoViewIfNeededAsync();
        await Shot("plan-tournee.png");

        // 8. A second plan (every estate within 30 minutes), saved, and both compared with the saved state.
        await page.GetByTestId("plan-panel").ScrollIntoViewIfNeededAsync();
        await page.GetByTestId("plan-problem").SelectOptionAsync("lscp");
        await page.GetByTestId("plan-minutes").FillAsync("30");
        await page.GetByTestId("plan-run").ClickAsync();
        await page.Locator("[data-testid=plan-panel][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });
        await page.GetByTestId("plan-scenario-name").FillAsync("Tout à 30 min");
        await page.GetByTestId("plan-save").ClickAsync();
        await page.GetByTestId("plan-save-notice").Filter(new() { HasText = "Tout à 30 min" }).WaitForAsync();
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        foreach (var name in new[] { "5 relais à 20 min", "Tout à 30 min" })
            await page.GetByTestId("named-list").Locator($"li[data-scenario='{name}'] input[type=checkbox]").CheckAsync();
        await page.GetByTestId("named-compare").ClickAsync();
        await page.Locator("[data-testid=named-scenarios][data-state=done]").WaitForAsync(new() { Timeout = 120_000 });
        await page.GetByTestId("named-comparison").WaitForAsync();
        await Shot("plan-comparaison.png");
        await page.Locator("#panel-close").ClickAsync();

        // 5. Import report (drag and drop of the France services points).
        var file = TestPaths.Shared("agences/france_services_2020_shared.geojson");
        var dataTransfer = await page.EvaluateHandleAsync("""
            ([b64, name]) => {
              const bin = atob(b64); const bytes = new Uint8Array(bin.length);
              for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
              const dt = new DataTransfer(); dt.items.add(new File([bytes], name, { type: 'application/geo+json' })); return dt;
            }
            """, new object[] { Convert.ToBase64String(await File.ReadAllBytesAsync(file)), Path.GetFileName(file) });
        await page.Locator("#map").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        // « Vérifier le fichier », then « Importer » what was checked.
        await page.Locator("#import-go").ClickAsync();
        await page.Locator("#import-dialog[data-state=previewed]").WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator("#import-go").ClickAsync();
        await page.GetByTestId("import-report").WaitForAsync(new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "import-rapport.png") });
        await page.CloseAsync();
    }
}

/// <summary>The screenshot run's own server, started only when screenshots are asked for.</summary>
public sealed class ScreenshotServer : BrowserServer
{
    protected override bool Wanted => UserGuideScreenshots.Enabled;
}
