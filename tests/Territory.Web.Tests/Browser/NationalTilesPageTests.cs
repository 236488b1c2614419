using System.Text.Json;
using Microsoft.Playwright;
using Territory.Demo.National;
using Territory.Store;
using Territory.Web.Hosting;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Browser;

/// <summary>
/// The map of a national project (the national synthetic set, two départements, counted as a large project): estates,
/// territories, communes and QPV come as vector tiles; at the national view estates are cells, a click on one zooms in,
/// a click on an estate opens its panel.
/// </summary>
public sealed class NationalTilesPageTests(NationalTilesPageTests.Server server) : IClassFixture<NationalTilesPageTests.Server>
{
    public sealed class Server : BrowserServer
    {
        internal override TempProject CreateProject()
        {
            var dir = Directory.CreateTempSubdirectory("territory-national-").FullName;
            var path = Path.Combine(dir, "national.gpkg");
            using var store = ProjectStores.Open(path);
            NationalWriter.WriteInto(NationalGenerator.Generate(2154, 2), store);
            return new TempProject(dir, path);
        }

        protected override void Configure(WebOptions options) => options.Tiles.LargeProjectEstates = 1000;
    }

    [Fact(Timeout = 900_000)]
    public async Task Browser_national_project_draws_tiles_cells_zoom_in_and_an_estate_opens_its_panel()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        Assert.Equal("true", await page.EvaluateAsync<string>("() => document.body.dataset.tiles"));
        // Nothing of the estates was loaded whole.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.territory.stats().estates"));
        await Assertions.Expect(page.GetByTestId("legend-cells")).ToBeVisibleAsync();

        // Only the estates stay clickable above the polygons (as a user would hide the presence points).
        foreach (var layer in new[] { "recommendations", "agencies" })
            await page.GetByTestId("layer-switcher").Locator($"input[data-layer={layer}]").SetCheckedAsync(false);

        // The national view: the whole project, estates gathered in cells that count every estate.
        var cell = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const t = window.territory;
              const view = t.map.getView();
              await t.rendered();
              const features = t.layers.estates.getFeaturesInExtent(view.calculateExtent());
              const cells = features.filter(f => f.get('count') !== undefined);
              const total = cells.reduce((s, f) => s + f.get('count'), 0);
              const r = t.map.getTargetElement().getBoundingClientRect();
              // The largest cell well inside the map (away from its edges and the panels over it).
              const onScreen = cells.map(f => ({ f, px: t.map.getPixelFromCoordinate(f.getFlatCoordinates().slice(0, 2)) }))
                .filter(o => o.px[0] > 80 && o.px[1] > 80 && o.px[0] < r.width - 80 && o.px[1] < r.height - 80)
                .sort((a, b) => b.f.get('count') - a.f.get('count'));
              const px = onScreen[0].px;
              return { cells: cells.length, points: features.length - cells.length, total, zoom: view.getZoom(), x: r.left + px[0], y: r.top + px[1] };
            }
            """);
        Assert.True(cell.GetProperty("cells").GetInt32() > 1, cell.ToString());
        Assert.Equal(0, cell.GetProperty("points").GetInt32());
        var project = await page.EvaluateAsync<JsonElement>("() => fetch('api/project').then(r => r.json())");
        Assert.True(cell.GetProperty("total").GetInt32() <= project.GetProperty("counts").GetProperty("estates").GetInt32());
        Assert.True(cell.GetProperty("total").GetInt32() > 0);

        // A real click on the largest cell zooms in on it.
        var zoom = cell.GetProperty("zoom").GetDouble();
        await MapPage.ClickAsync(page, cell);
        try
        {
            await page.WaitForFunctionAsync("z => window.territory.map.getView().getZoom() > z + 0.5", zoom, new() { Timeout = BrowserServer.SignalTimeoutMs });
        }
        catch (TimeoutException)
        {
            var seen = await page.EvaluateAsync<string>("""
                ([x, y]) => {
                  const t = window.territory;
                  const px = t.map.getEventPixel({ clientX: x, clientY: y });
                  const names = [];
                  t.map.forEachFeatureAtPixel(px, (f, l) => { names.push((l && l.get('name')) + ':' + JSON.stringify(f.getProperties())); }, { hitTolerance: 3 });
                  return JSON.stringify(px) + ' ' + names.join(' | ') + ' panel=' + document.getElementById('panel-title').textContent + ' zoom=' + t.map.getView().getZoom();
                }
                """, new[] { cell.GetProperty("x").GetDouble(), cell.GetProperty("y").GetDouble() });
            Assert.Fail($"no zoom after a click on {cell}; under it: {seen}; page errors: {string.Join(" | ", errors)}");
        }

        // At street zoom, estates one by one; a real click on one opens its panel. The view goes there in steps that
        // never depend on which tiles had loaded before: the largest cell at zoom 10 (a cell a few km across holds
        // estates), then the estate nearest the centre at zoom 12, centred at zoom 14.
        var estate = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const t = window.territory;
              const view = t.map.getView();
              const settle = () => t.rendered();
              const inView = () => t.layers.estates.getFeaturesInExtent(view.calculateExtent());
              const at = f => f.getFlatCoordinates().slice(0, 2);
              const nearest = fs => {
                const c = view.getCenter();
                return fs.reduce((b, f) => { const p = at(f), d = (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2; return b && b.d <= d ? b : { f, d }; }, null)?.f;
              };
              view.setZoom(10);
              await settle();
              const cells = inView().filter(f => f.get('count') !== undefined).sort((a, b) => b.get('count') - a.get('count'));
              if (cells.length > 0) view.setCenter(at(cells[0]));
              view.setZoom(12);
              await settle();
              const first = nearest(inView().filter(f => f.get('id') !== undefined));
              if (first) view.setCenter(at(first));
              view.setZoom(14);
              await settle();
              const features = inView().filter(f => f.get('id') !== undefined);
              const mapBox = t.map.getTargetElement().getBoundingClientRect();
              // An estate well inside the map, away from the edges and the panels.
              const inside = features.map(f => ({ f, px: t.map.getPixelFromCoordinate(at(f)) }))
                .filter(o => o.px[0] > 60 && o.px[1] > 60 && o.px[0] < mapBox.width - 60 && o.px[1] < mapBox.height - 60);
              if (inside.length === 0) return { count: features.length, id: null, x: 0, y: 0, cells: cells.length };
              const o = inside[0];
              return { count: features.length, id: o.f.get('id'), x: mapBox.left + o.px[0], y: mapBox.top + o.px[1] };
            }
            """);
        Assert.True(estate.GetProperty("id").ValueKind == JsonValueKind.String, estate.ToString());
        Assert.True(estate.GetProperty("count").GetInt32() > 0);
        var id = estate.GetProperty("id").GetString()!;
        await MapPage.ClickAsync(page, estate);
        var name = await page.EvaluateAsync<string>("id => fetch('api/estates/' + encodeURIComponent(id)).then(r => r.json()).then(d => d.name ?? d.estate?.name ?? '')", id);
        await Assertions.Expect(page.GetByTestId("panel-title")).ToContainTextAsync(name.Length > 0 ? name : id);
        Assert.Empty(errors);
        await page.CloseAsync();
    }
    [Fact(Timeout = 900_000)]
    public async Task Browser_national_view_merges_territories_by_type_says_so_and_a_click_zooms_to_them_one_by_one()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        // The first view's tiles were asked for before the rest of the start-up (the filter's count comes after the view).
        var order = await page.EvaluateAsync<JsonElement>("""
            () => {
              const entries = performance.getEntriesByType('resource');
              const first = (part) => Math.min(...entries.filter(e => e.name.includes(part)).map(e => e.startTime));
              return { tiles: first('/api/tiles/territories/'), count: first('/api/tiles/count') };
            }
            """);
        Assert.True(order.GetProperty("tiles").GetDouble() < order.GetProperty("count").GetDouble(), order.ToString());
        // What the first frame does not show still comes after it: the recommendations and the named scenarios.
        await page.WaitForFunctionAsync("() => document.body.dataset.startupDone === 'true'", null, new() { Timeout = BrowserServer.SignalTimeoutMs });
        Assert.NotNull(await page.EvaluateAsync<string?>("() => document.body.dataset.recommendationsVersion"));
        Assert.True(await page.EvaluateAsync<int>("() => window.territory.sources.recommendations.getFeatures().length") > 0);
        Assert.Contains(await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => e.name)"), n => n.Contains("/api/scenarios", StringComparison.Ordinal));

        // Two départements open at a regional zoom: territories one by one, no word of merging.
        Assert.Equal("false", await page.EvaluateAsync<string>("() => document.body.dataset.territoriesMerged"));
        await Assertions.Expect(page.GetByTestId("legend-merged")).ToHaveCountAsync(0);
        foreach (var layer in new[] { "estates", "recommendations", "agencies", "districts" })
            await page.GetByTestId("layer-switcher").Locator($"input[data-layer={layer}]").SetCheckedAsync(false);

        // The national view (zoom 5): territories merged by type, every one a type of the legend, and the legend says so.
        var merged = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const t = window.territory;
              t.map.getView().setZoom(5);
              await t.rendered();
              const features = t.layers.territories.getFeaturesInExtent(t.map.getView().calculateExtent(t.map.getSize()));
              // A pixel well inside the map whose territory is a merged area.
              const box = t.map.getTargetElement().getBoundingClientRect();
              let at = null;
              for (let y = 80; y < box.height - 80 && !at; y += 6)
                for (let x = 80; x < box.width - 80 && !at; x += 6) {
                  const hit = t.map.getFeaturesAtPixel([x, y], { layerFilter: l => l.get('name') === 'territories' })[0];
                  if (hit && hit.get('merged')) at = { x: box.left + x, y: box.top + y, type: hit.get('type') };
                }
              return { count: features.length, merged: features.filter(f => f.get('merged')).length,
                       withId: features.filter(f => f.get('id') !== undefined).length,
                       types: [...new Set(features.map(f => f.get('type')))], at, zoom: t.map.getView().getZoom() };
            }
            """);
        Assert.True(merged.GetProperty("count").GetInt32() > 0, merged.ToString());
        Assert.Equal(merged.GetProperty("count").GetInt32(), merged.GetProperty("merged").GetInt32());
        Assert.Equal(0, merged.GetProperty("withId").GetInt32());
        var legendTypes = await page.GetByTestId("legend-type").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.type)");
        Assert.Subset(legendTypes.ToHashSet(), merged.GetProperty("types").EnumerateArray().Select(e => e.GetString()!).ToHashSet());
        await Assertions.Expect(page.GetByTestId("legend-merged")).ToContainTextAsync("forment une seule surface");
        Assert.Equal("true", await page.EvaluateAsync<string>("() => document.body.dataset.territoriesMerged"));

        // A real click on a merged area opens no panel: it zooms in to where territories are drawn one by one.
        var at = merged.GetProperty("at");
        Assert.True(at.ValueKind == JsonValueKind.Object, merged.ToString());
        await MapPage.ClickAsync(page, at);
        await page.WaitForFunctionAsync("() => window.territory.map.getView().getZoom() >= 7 && !window.territory.map.getView().getAnimating()", null, new() { Timeout = BrowserServer.SignalTimeoutMs });
        await page.EvaluateAsync<bool>("() => window.territory.rendered()");
        Assert.Equal("false", await page.EvaluateAsync<string>("() => document.body.dataset.territoriesMerged"));
        await Assertions.Expect(page.GetByTestId("legend-merged")).ToHaveCountAsync(0);
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
