using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Territory.Web.Tests.Browser;

/// <summary>The map page in a real browser, over the demo project (one server + browser for the class).</summary>
[Collection("Browser")]
public sealed class MapPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    internal const string SeedTypes = """["Patrimoine diffus en zone rurale","Résidences collectives isolées et individuelles","Résidences collectives en ville","Grands quartiers d'habitat social"]""";

    [Fact]
    public async Task Browser_demo_map_loads_all_estates_and_draws_them()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        var stats = await page.EvaluateAsync<JsonElement>("() => window.territory.stats()");
        Assert.Equal(1495, stats.GetProperty("estates").GetInt32());
        Assert.True(stats.GetProperty("rendered").GetBoolean());
        Assert.False(string.IsNullOrEmpty(await page.EvaluateAsync<string>("() => document.body.dataset.version")));

        // The 2D layers (communes, territories, QPV, agencies) are not a uniform canvas.
        var colours = await page.EvaluateAsync<int>("""
            () => {
              const [w, h] = window.territory.map.getSize();
              const out = document.createElement('canvas'); out.width = w; out.height = h;
              const ctx = out.getContext('2d');
              document.querySelectorAll('#map .ol-layer canvas').forEach(c => { if (c.width > 0) ctx.drawImage(c, 0, 0, w, h); });
              const d = ctx.getImageData(0, 0, w, h).data; const set = new Set();
              for (let i = 0; i < d.length; i += 4 * 31) set.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
              return set.size;
            }
            """);
        Assert.True(colours > 20, $"map canvas looks blank ({colours} colours)");

        // The WebGL estates are on screen: pixels of the exact estate colours in a real screenshot.
        var png = await page.Locator("#map").ScreenshotAsync();
        var estatePixels = await page.EvaluateAsync<int>("""
            async (b64) => {
              const types = (await (await fetch('api/project')).json()).types.map(t => t.colour);
              const rgb = types.map(h => [1, 3, 5].map(i => parseInt(h.slice(i, i + 2), 16)));
              const img = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
              const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
              const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
              const d = ctx.getImageData(0, 0, c.width, c.height).data; let n = 0;
              for (let i = 0; i < d.length; i += 4)
                if (rgb.some(([r, g, bl]) => Math.abs(d[i] - r) < 8 && Math.abs(d[i + 1] - g) < 8 && Math.abs(d[i + 2] - bl) < 8)) n++;
              return n;
            }
            """, Convert.ToBase64String(png));
        Assert.True(estatePixels > 200, $"estates not drawn ({estatePixels} pixels of the type colours)");
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 200, box.Y + 150);
        await page.Mouse.MoveAsync(box.X + 210, box.Y + 160);
        var coords = await page.GetByTestId("coords").TextContentAsync();
        Assert.Contains("Lambert-93", coords);
        // French numbers: narrow no-break space between thousands (NumberText).
        Assert.Matches("Lambert-93 : \\d[\\d\u202f]* ; \\d[\\d\u202f]* m", coords);
        Assert.Equal(1, await page.Locator(".ol-scale-line").CountAsync());
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_legend_shows_the_four_seed_types_in_french_and_english_on_switch()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        var labels = await page.GetByTestId("legend").GetByTestId("legend-type").AllTextContentsAsync();
        var expected = JsonSerializer.Deserialize<string[]>(SeedTypes)!;
        Assert.Equal(4, labels.Count);
        for (var i = 0; i < 4; i++)
            Assert.StartsWith(expected[i], labels[i].Trim());
        await page.GetByTestId("lang-switch").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.lang === 'en'");
        var english = await page.GetByTestId("legend").GetByTestId("legend-type").AllTextContentsAsync();
        Assert.DoesNotContain(english, l => l.StartsWith(expected[0], StringComparison.Ordinal));
        Assert.Equal("Layers", (await page.Locator(".tab[data-tab=layers]").TextContentAsync())?.Trim());
        await page.GetByTestId("lang-switch").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.lang === 'fr'");
        Assert.Equal("Couches", (await page.Locator(".tab[data-tab=layers]").TextContentAsync())?.Trim());

        // No internet here: an online basemap fails quietly with a notice, the map keeps working.
        await page.GetByTestId("basemap-select").SelectOptionAsync("osm");
        await Assertions.Expect(page.Locator("#basemap-notice")).ToContainTextAsync("Fond de carte indisponible");
        Assert.Equal(1495, await page.EvaluateAsync<int>("() => window.territory.stats().estates"));
        await page.GetByTestId("basemap-select").SelectOptionAsync("none");
        await Assertions.Expect(page.Locator("#basemap-notice")).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_real_click_on_a_priority_district_opens_its_panel_with_reasons()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        // Hide the point layers above the polygons, as a user would to pick the polygon itself.
        foreach (var layer in new[] { "estates", "recommendations", "agencies" })
            await page.GetByTestId("layer-switcher").Locator($"input[data-layer={layer}]").SetCheckedAsync(false);
        var target = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const t = window.territory;
              const f = t.sources.territories.getFeatures().find(x => x.get('type') === 'priority_district');
              const g = f.getGeometry();
              t.map.getView().fit(g.getExtent(), { padding: [80, 80, 80, 80] });
              await t.rendered();
              const g2 = t.sources.territories.getFeatures().find(x => x.get('id') === f.get('id')).getGeometry();
              const p = g2.getType() === 'MultiPolygon' ? g2.getInteriorPoints().getCoordinates()[0] : g2.getInteriorPoint().getCoordinates();
              const px = t.map.getPixelFromCoordinate([p[0], p[1]]);
              const r = t.map.getTargetElement().getBoundingClientRect();
              return { id: f.get('id'), x: r.left + px[0], y: r.top + px[1] };
            }
            """);
        await page.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        var panel = page.GetByTestId("panel");
        await Assertions.Expect(panel.GetByTestId("territory-type")).ToContainTextAsync("Grands quartiers d'habitat social");
        Assert.Equal(target.GetProperty("id").GetString(), await page.EvaluateAsync<string>("() => document.getElementById('panel-body').dataset.id"));
        var reasons = await panel.GetByTestId("territory-reasons").Locator("li").AllTextContentsAsync();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.Contains(reasons, r => r.Contains("QPV", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_real_click_on_an_agency_draws_its_three_isochrones()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        var target = await MapPage.FeatureOnScreenAsync(page, "t.sources.agencies.getFeatures().find(x => x.get('kind') === 'agence')", 13);
        await page.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        await Assertions.Expect(page.GetByTestId("panel-title")).ToContainTextAsync(target.GetProperty("name").GetString()!);
        await Assertions.Expect(page.GetByTestId("isochrone-legend")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.territory.sources.isochrones.getFeatures().length === 3");
        var minutes = await page.EvaluateAsync<int[]>("() => window.territory.sources.isochrones.getFeatures().map(f => f.get('minutes')).sort((a, b) => a - b)");
        Assert.Equal([10, 20, 30], minutes);
        Assert.False(string.IsNullOrWhiteSpace(await page.GetByTestId("agency-travel").TextContentAsync()));
        await page.GetByTestId("isochrone-legend").GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForFunctionAsync("() => window.territory.sources.isochrones.getFeatures().length === 0");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_scenario_relay_place_at_a_remote_estate_changes_coverage_and_discard_restores_it()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        var savedMean = await page.GetByTestId("coverage-mean-saved").TextContentAsync();
        Assert.Equal(savedMean, await page.GetByTestId("coverage-mean-current").TextContentAsync());
        Assert.Matches("^\\d{1,3},\\d\u00a0%$", (await page.GetByTestId("coverage-within30-saved").TextContentAsync())!.Trim());
        await page.GetByTestId("scenario-add-kind").SelectOptionAsync("lieu_relais");
        await page.GetByTestId("scenario-add").ClickAsync();
        var target = await MapPage.FeatureOnScreenAsync(page, "t.sources.estates.getFeatures().filter(x => x.get('travelMinutes') != null) .sort((a, b) => b.get('travelMinutes') - a.get('travelMinutes'))[0]");
        var version = await page.EvaluateAsync<string>("() => document.body.dataset.version");
        await page.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("""
            () => document.querySelector('[data-testid=coverage-mean-current]').textContent !== document.querySelector('[data-testid=coverage-mean-saved]').textContent
               || document.querySelector('[data-testid=coverage-within30-current]').textContent !== document.querySelector('[data-testid=coverage-within30-saved]').textContent
            """);
        var mean = Parse(await page.GetByTestId("coverage-mean-current").TextContentAsync());
        Assert.True(mean < Parse(savedMean), $"mean {mean} not below saved {savedMean}");
        await page.WaitForFunctionAsync("v => document.body.dataset.version !== v", version);
        // The added point is on the map, drawn as "added".
        await page.WaitForFunctionAsync("() => window.territory.sources.agencies.getFeatures().some(f => f.get('status') === 'added')");

        await page.GetByTestId("scenario-discard").ClickAsync();
        await page.WaitForFunctionAsync("""
            () => document.querySelector('[data-testid=coverage-mean-current]').textContent === document.querySelector('[data-testid=coverage-mean-saved]').textContent
               && document.querySelector('[data-testid=coverage-within30-current]').textContent === document.querySelector('[data-testid=coverage-within30-saved]').textContent
            """);
        Assert.Equal(savedMean, await page.GetByTestId("coverage-mean-current").TextContentAsync());
        await page.WaitForFunctionAsync("() => !window.territory.sources.agencies.getFeatures().some(f => f.get('status') === 'added')");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_real_click_on_a_webgl_estate_opens_the_estate_panel()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        var target = await MapPage.FeatureOnScreenAsync(page, "t.sources.estates.getFeatures().filter(x => x.get('type') === 'rural_diffuse') .sort((a, b) => b.get('dwellings') - a.get('dwellings'))[0]", 16);
        await page.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("() => document.getElementById('panel-body').dataset.kind === 'estate'");
        Assert.Equal(target.GetProperty("id").GetString(), await page.EvaluateAsync<string>("() => document.getElementById('panel-body').dataset.id"));
        await Assertions.Expect(page.GetByTestId("panel")).ToContainTextAsync("Patrimoine diffus en zone rurale");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_dragging_an_agency_in_move_mode_moves_it_then_discard_puts_it_back()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        await page.Locator("input[name=scn-mode][value=move]").CheckAsync();
        var target = await MapPage.FeatureOnScreenAsync(page, "t.sources.agencies.getFeatures().find(x => x.get('kind') === 'antenne')", 12);
        float x = target.GetProperty("x").GetSingle(), y = target.GetProperty("y").GetSingle();
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 40, y + 30, new() { Steps = 8 });
        await page.Mouse.MoveAsync(x + 80, y + 60, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        var id = target.GetProperty("id").GetString();
        await page.WaitForFunctionAsync("id => (window.territory.scenario()?.changes || []).some(c => c.op === 'move' && c.agencyId === id)", id);
        await page.WaitForFunctionAsync("id => window.territory.sources.agencies.getFeatures().some(f => f.get('id') === id && f.get('status') === 'moved')", id);
        await page.GetByTestId("scenario-discard").ClickAsync();
        await page.WaitForFunctionAsync("id => window.territory.sources.agencies.getFeatures().some(f => f.get('id') === id && f.get('status') === 'saved')", id);
        Assert.False(await page.EvaluateAsync<bool>("() => window.territory.scenario().dirty"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_filters_count_estates_and_search_opens_a_result()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        await page.Locator(".tab[data-tab=filters]").ClickAsync();
        var all = int.Parse((await page.GetByTestId("filter-count").GetAttributeAsync("data-estates"))!, CultureInfo.InvariantCulture);
        Assert.Equal(1495, all);
        await page.GetByTestId("filter-type-rural_diffuse").UncheckAsync();
        var fewer = int.Parse((await page.GetByTestId("filter-count").GetAttributeAsync("data-estates"))!, CultureInfo.InvariantCulture);
        Assert.InRange(fewer, 1, all - 1);
        await page.GetByTestId("filter-minutes").FillAsync("10");
        var slow = int.Parse((await page.GetByTestId("filter-count").GetAttributeAsync("data-estates"))!, CultureInfo.InvariantCulture);
        Assert.True(slow < fewer);

        await page.GetByTestId("search-input").FillAsync("Agence Montbrenac Nord");
        var first = page.GetByTestId("search-results").Locator("button[data-kind=agency]").First;
        await first.ClickAsync();
        await Assertions.Expect(page.GetByTestId("panel-title")).ToContainTextAsync("Montbrenac Nord");
        await page.CloseAsync();
    }

    private static double Parse(string? text) =>
        double.Parse(new string(text!.Where(c => !char.IsWhiteSpace(c) && c != '%').ToArray()).Replace(',', '.'), CultureInfo.InvariantCulture);
}
