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
        var (page, _) = await server.OpenAsync();
        var version = await page.EvaluateAsync<string>("() => document.body.dataset.version");
        var agenciesBefore = await page.EvaluateAsync<int>("() => window.territory.sources.agencies.getFeatures().length");

        var dataTransfer = await page.EvaluateHandleAsync("""
            ([b64, name]) => {
              const bin = atob(b64); const bytes = new Uint8Array(bin.length);
              for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
              const dt = new DataTransfer();
              dt.items.add(new File([bytes], name, { type: 'application/geo+json' }));
              return dt;
            }
            """, new object[] { Convert.ToBase64String(await File.ReadAllBytesAsync(file)), Path.GetFileName(file) });
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
        await Assertions.Expect(page.GetByTestId("import-preview")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal("848", (await page.GetByTestId("preview-read").TextContentAsync())?.Trim());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();

        var report = page.GetByTestId("import-report");
        await Assertions.Expect(report).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal("848", (await report.GetByTestId("import-read").TextContentAsync())?.Trim());
        var rejected = int.Parse((await report.GetByTestId("import-rejected").TextContentAsync())!.Trim());
        var accepted = int.Parse((await report.GetByTestId("import-accepted").TextContentAsync())!.Trim());
        Assert.True(rejected >= 1, "overseas points should be rejected in a Lambert-93 project");
        Assert.Equal(848, accepted + rejected);
        Assert.True(await report.Locator("table.issues tbody tr").CountAsync() >= 1);

        // The layers reload at the new project version.
        await page.WaitForFunctionAsync("v => document.body.dataset.version !== v", version);
        await page.WaitForFunctionAsync("n => window.territory.sources.agencies.getFeatures().length > n", agenciesBefore);
        var labels = await page.EvaluateAsync<string[]>("() => window.__progressLabels");
        Assert.Contains(labels, l => !string.IsNullOrWhiteSpace(l));
        await page.CloseAsync();
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
        var layer = page.GetByTestId("import-layer");
        await Assertions.Expect(layer).ToBeVisibleAsync();
        await Assertions.Expect(layer.Locator("option[value=communes]")).ToHaveCountAsync(1);
        var options = await layer.Locator("option").AllTextContentsAsync();
        Assert.Contains("communes", options);
        Assert.Contains("estates", options);
        Assert.Equal("communes", await layer.InputValueAsync());
        await page.Locator("#import-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-preview")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#import-go")).ToHaveTextAsync("Importer");
        await page.Locator("#import-go").ClickAsync();
        var report = page.GetByTestId("import-report");
        await Assertions.Expect(report).ToBeVisibleAsync(new() { Timeout = 60_000 });
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
        await Assertions.Expect(page.GetByTestId("import-preview")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#import-go")).ToHaveTextAsync("Importer");
        await page.Locator("#import-go").ClickAsync();
        var report = page.GetByTestId("import-report");
        await Assertions.Expect(report).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal("1", (await report.GetByTestId("import-accepted").TextContentAsync())?.Trim());
        await page.WaitForFunctionAsync("() => window.territory.sources.agencies.getFeatures().some(f => f.get('id') === 'REL-CSV')");
        await page.CloseAsync();
    }
}
