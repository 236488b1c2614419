using Microsoft.Playwright;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Browser;

/// <summary>Drag-and-drop import in a real browser: its own server over its own project copy (the import changes it).</summary>
[Collection("Browser")]
public sealed class ImportPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Browser_dropping_france_services_on_the_map_imports_and_reports_rejected_overseas_points()
    {
        if (!server.Available) return;
        var file = TestPaths.Shared("agences/france_services_2020_shared.geojson");
        Assert.True(File.Exists(file), file + " missing");
        // A small file keeps the re-analysis after the import short: 20 metropolitan points and 3 overseas ones.
        var subset = FranceServicesSubset(file, metropolitan: 20, overseas: 3);
        var (page, _) = await server.OpenAsync();
        var version = await page.EvaluateAsync<string>("() => document.body.dataset.version");
        var agenciesBefore = await page.EvaluateAsync<int>("() => window.territory.sources.agencies.getFeatures().length");

        var dataTransfer = await page.EvaluateHandleAsync("""
            ([text, name]) => {
              const dt = new DataTransfer();
              dt.items.add(new File([text], name, { type: 'application/geo+json' }));
              return dt;
            }
            """, new object[] { subset, "france_services_extrait.geojson" });
        await page.Locator("#map").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });

        var dialog = page.GetByTestId("import-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal("agencies", await page.Locator("#import-kind").InputValueAsync());
        Assert.Equal("replace", await page.Locator("#import-mode").InputValueAsync());
        await page.Locator("#import-mode").SelectOptionAsync("append");
        // Record whether the progress bar (server-sent events) shows during the import.
        await page.EvaluateAsync("""
            () => {
              const bar = document.querySelector('[data-testid=progress]');
              window.__progressLabels = [];
              new MutationObserver(() => { if (!bar.hidden) window.__progressLabels.push(bar.textContent); })
                .observe(bar, { attributes: true, childList: true, subtree: true, characterData: true });
            }
            """);
        await page.Locator("#import-go").ClickAsync();
        Assert.Equal("previewed", await MapPage.WaitForStateAsync(page, "#import-dialog", "previewed", "failed", "choose-layer"));
        Assert.Equal("23", (await page.GetByTestId("preview-read").TextContentAsync())?.Trim());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();

        Assert.Equal("done", await MapPage.WaitForStateAsync(page, "#import-dialog", "done", "failed", "choose-layer"));
        var report = page.GetByTestId("import-report");
        Assert.Equal("23", (await report.GetByTestId("import-read").TextContentAsync())?.Trim());
        var rejected = int.Parse((await report.GetByTestId("import-rejected").TextContentAsync())!.Trim());
        var accepted = int.Parse((await report.GetByTestId("import-accepted").TextContentAsync())!.Trim());
        Assert.Equal(3, rejected);
        Assert.Equal(20, accepted);
        Assert.True(await report.Locator("table.issues tbody tr").CountAsync() >= 3);

        // The layers reload at the new project version.
        await MapPage.WaitForNewLayersAsync(page, version);
        Assert.True(await page.EvaluateAsync<int>("() => window.territory.sources.agencies.getFeatures().length") > agenciesBefore);
        var labels = await page.EvaluateAsync<string[]>("() => window.__progressLabels");
        Assert.Contains(labels, l => !string.IsNullOrWhiteSpace(l));
        await page.CloseAsync();
    }

    /// <summary>The first <paramref name="metropolitan"/> points of metropolitan France and <paramref name="overseas"/> overseas ones, as GeoJSON text.</summary>
    private static string FranceServicesSubset(string path, int metropolitan, int overseas)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        static bool Overseas(System.Text.Json.Nodes.JsonNode f) => f["geometry"]?["coordinates"]?[0]?.GetValue<double>() is < -6 or > 10;
        var features = root["features"]!.AsArray().Where(f => f?["geometry"] is not null).Select(f => f!).ToList();
        var kept = features.Where(f => !Overseas(f)).Take(metropolitan).Concat(features.Where(Overseas).Take(overseas))
            .Select(f => f.DeepClone()).ToArray();
        return new System.Text.Json.Nodes.JsonObject { ["type"] = "FeatureCollection", ["features"] = new System.Text.Json.Nodes.JsonArray(kept) }.ToJsonString();
    }

    [Fact]
    public async Task Browser_an_unreadable_file_shows_the_server_reason_in_the_dialog()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        var dataTransfer = await page.EvaluateHandleAsync("""
            () => { const dt = new DataTransfer(); dt.items.add(new File(['pas du JSON'], 'qpv_casse.geojson')); return dt; }
            """);
        await page.Locator("#map").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        await Assertions.Expect(page.GetByTestId("import-dialog")).ToBeVisibleAsync();
        Assert.Equal("qpv", await page.Locator("#import-kind").InputValueAsync());
        await page.Locator("#import-go").ClickAsync();
        Assert.Equal("failed", await MapPage.WaitForStateAsync(page, "#import-dialog", "done", "failed", "choose-layer"));
        var error = page.Locator("#import-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        Assert.Equal("400", await error.GetAttributeAsync("data-status"));
        Assert.Contains("qpv_casse.geojson", await error.TextContentAsync());
        Assert.True(await page.GetByTestId("import-report").IsHiddenAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_a_geopackage_with_several_layers_offers_them_and_imports_the_chosen_one()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        var gpkg = TestPaths.Demo("habitat-demo.gpkg");
        var dataTransfer = await page.EvaluateHandleAsync("""
            ([b64, name]) => {
              const bin = atob(b64); const bytes = new Uint8Array(bin.length);
              for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
              const dt = new DataTransfer();
              dt.items.add(new File([bytes], name));
              return dt;
            }
            """, new object[] { Convert.ToBase64String(await File.ReadAllBytesAsync(gpkg)), "communes-et-autres.gpkg" });
        await page.Locator("#map").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        await Assertions.Expect(page.GetByTestId("import-dialog")).ToBeVisibleAsync();
        Assert.Equal("communes", await page.Locator("#import-kind").InputValueAsync());
        await page.Locator("#import-mode").SelectOptionAsync("replace");
        await page.Locator("#import-go").ClickAsync();
        // First answer: several layers; the dialog lists them and preselects the communes.
        Assert.Equal("choose-layer", await MapPage.WaitForStateAsync(page, "#import-dialog", "done", "failed", "choose-layer"));
        var layer = page.GetByTestId("import-layer");
        await Assertions.Expect(layer).ToBeVisibleAsync();
        await Assertions.Expect(layer.Locator("option[value=communes]")).ToHaveCountAsync(1);
        var options = await layer.Locator("option").AllTextContentsAsync();
        Assert.Contains("communes", options);
        Assert.Contains("estates", options);
        Assert.Equal("communes", await layer.InputValueAsync());
        await page.Locator("#import-go").ClickAsync();
        Assert.Equal("previewed", await MapPage.WaitForStateAsync(page, "#import-dialog", "previewed", "failed", "choose-layer"));
        await Assertions.Expect(page.Locator("#import-go")).ToHaveTextAsync("Importer");
        await page.Locator("#import-go").ClickAsync();
        Assert.Equal("done", await MapPage.WaitForStateAsync(page, "#import-dialog", "done", "failed", "choose-layer"));
        var report = page.GetByTestId("import-report");
        Assert.Equal("89", (await report.GetByTestId("import-read").TextContentAsync())?.Trim());
        Assert.Equal("89", (await report.GetByTestId("import-accepted").TextContentAsync())?.Trim());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_a_csv_without_crs_takes_the_one_typed_in_the_dialog()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        // Lambert II étendu metres (EPSG:27572) in the demo area, with no CRS in the file: read as the
        // project's Lambert-93 they would fall outside France and be rejected.
        var dataTransfer = await page.EvaluateHandleAsync("""
            () => {
              const dt = new DataTransfer();
              dt.items.add(new File(['id;nom;type;x;y\nREL-CSV;Relais de test;lieu relais;650700;2173000\n'], 'agences-relais.csv', { type: 'text/csv' }));
              return dt;
            }
            """);
        await page.Locator("#map").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        await Assertions.Expect(page.GetByTestId("import-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("import-crs").FillAsync("EPSG:27572");
        await page.Locator("#import-mode").SelectOptionAsync("append");
        await page.Locator("#import-go").ClickAsync();
        Assert.Equal("previewed", await MapPage.WaitForStateAsync(page, "#import-dialog", "previewed", "failed", "choose-layer"));
        await Assertions.Expect(page.Locator("#import-go")).ToHaveTextAsync("Importer");
        await page.Locator("#import-go").ClickAsync();
        Assert.Equal("done", await MapPage.WaitForStateAsync(page, "#import-dialog", "done", "failed", "choose-layer"));
        var report = page.GetByTestId("import-report");
        Assert.Equal("1", (await report.GetByTestId("import-accepted").TextContentAsync())?.Trim());
        await page.WaitForFunctionAsync("() => window.territory.sources.agencies.getFeatures().some(f => f.get('id') === 'REL-CSV')", null,
            new() { Timeout = BrowserServer.SignalTimeoutMs });
        await page.CloseAsync();
    }
}
