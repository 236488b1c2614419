using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.Web.Hosting;

namespace Territory.Web.Tests.Browser;

/// <summary>A server whose session notices others' commits only when it writes (no watcher): the test decides when.</summary>
public sealed class UnwatchedBrowserServer : BrowserServer
{
    protected override void Configure(WebOptions options) => options.WatchInterval = TimeSpan.Zero;
}

/// <summary>
/// Nothing lost from the map: an import is previewed before anything is written (replace by default,
/// a confirmation when the layer would lose more than half of it), every import can be undone, and a
/// save made from a state someone else changed is refused with a French notice, the scenario kept.
/// </summary>
[Collection("Browser")]
public sealed class SafeImportPageTests(UnwatchedBrowserServer server) : IClassFixture<UnwatchedBrowserServer>
{
    [Fact]
    public async Task Browser_import_previews_before_and_after_asks_to_confirm_a_shrink_and_undo_restores_the_layer_exactly()
    {
        if (!server.Available) return;
        var original = Agencies(server.ProjectPath);
        Assert.True(original.Count >= 4, "the demo has several agencies");
        var (page, errors) = await server.OpenAsync();
        // Three relay places where three agencies stand: replacing the layer by them loses most of it.
        var geojson = await page.EvaluateAsync<string>("""
            () => {
              const fs = window.territory.sources.agencies.getFeatures().slice(0, 3);
              const features = fs.map((f, i) => {
                const [x, y] = f.getGeometry().getCoordinates(); // EPSG:3857
                const lon = x / 6378137 * 180 / Math.PI;
                const lat = (2 * Math.atan(Math.exp(y / 6378137)) - Math.PI / 2) * 180 / Math.PI;
                return { type: 'Feature', properties: { id: `REL-${i + 1}`, nom: `Relais ${i + 1}`, type: 'lieu relais' }, geometry: { type: 'Point', coordinates: [lon, lat] } };
              });
              return JSON.stringify({ type: 'FeatureCollection', features });
            }
            """);
        await Drop(page, geojson, "agences-relais.geojson");

        var dialog = page.GetByTestId("import-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal("agencies", await page.Locator("#import-kind").InputValueAsync());
        Assert.Equal("replace", await page.Locator("#import-mode").InputValueAsync());
        await page.Locator("#import-go").ClickAsync();

        Assert.Equal("previewed", await MapPage.WaitForStateAsync(page, "#import-dialog", "previewed", "failed", "choose-layer"));
        var preview = page.GetByTestId("import-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        Assert.Equal(original.Count.ToString(CultureInfo.InvariantCulture), (await preview.GetByTestId("preview-count-before").TextContentAsync())?.Trim());
        Assert.Equal("3", (await preview.GetByTestId("preview-count-after").TextContentAsync())?.Trim());
        Assert.Contains("→", await preview.GetByTestId("preview-extent-after").TextContentAsync());
        Assert.Equal(original.Count, Agencies(server.ProjectPath).Count); // a preview writes nothing
        // Losing more than half of the layer needs the user's word.
        Assert.True(await page.Locator("#import-go").IsDisabledAsync());
        await preview.GetByTestId("import-confirm").CheckAsync();
        await Assertions.Expect(page.Locator("#import-go")).ToHaveTextAsync("Importer");
        await page.Locator("#import-go").ClickAsync();

        await page.WaitForFunctionAsync("() => document.getElementById('import-dialog').dataset.state === 'done'", null, new() { Timeout = 120_000 });
        Assert.Equal("3", (await page.GetByTestId("import-accepted").TextContentAsync())?.Trim());
        Assert.Equal(["REL-1", "REL-2", "REL-3"], Stored(server.ProjectPath).Select(a => a.Id).Order(StringComparer.Ordinal));

        await page.GetByTestId("import-undo").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('import-dialog').dataset.state === 'undone'", null, new() { Timeout = 120_000 });
        Assert.Contains("Import annulé", await page.GetByTestId("import-undone").TextContentAsync());
        Assert.Equal(original, Agencies(server.ProjectPath));
        await page.WaitForFunctionAsync("n => window.territory.sources.agencies.getFeatures().length === n", original.Count);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_saving_after_another_program_changed_the_project_shows_the_notice_and_keeps_the_scenario()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        await AddRelayPlaceAsync(page, "Relais du scénario", 0);

        // Meanwhile, `territory import --append` from a terminal.
        AppendAgencyBehindTheServer(server.ProjectPath, "CLI-NAV");

        await page.GetByTestId("scenario-save").ClickAsync();
        var notice = page.GetByTestId("scenario-conflict");
        await Assertions.Expect(notice).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var text = await notice.TextContentAsync();
        Assert.Contains("Projet modifié par ailleurs", text);
        Assert.Contains("votre scénario est conservé", text);
        Assert.True(await page.EvaluateAsync<bool>("() => window.territory.scenario().dirty === true"));
        Assert.DoesNotContain(Stored(server.ProjectPath), a => a.Name == "Relais du scénario");

        // The map reloaded with the other program's point; saving again keeps both.
        await page.WaitForFunctionAsync("() => window.territory.sources.agencies.getFeatures().some(f => f.get('id') === 'CLI-NAV')", null, new() { Timeout = 120_000 });
        await ViewIsCurrentAsync(page);
        await page.GetByTestId("scenario-save").ClickAsync();
        await page.WaitForFunctionAsync("() => window.territory.scenario()?.dirty === false", null, new() { Timeout = 120_000 });
        var saved = Stored(server.ProjectPath);
        Assert.Contains(saved, a => a.Id == "CLI-NAV");
        Assert.Contains(saved, a => a.Name == "Relais du scénario");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_a_background_answer_after_another_commit_refuses_the_save_until_the_map_shows_that_commit()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        var seen = await page.EvaluateAsync<string>("() => document.body.dataset.dataVersion");
        await AddRelayPlaceAsync(page, "Relais d'arrière-plan", 1);

        // Another program commits; the server learns of it (as its watcher would); the map's reload of its
        // layers is held, and a background request of the page answers with the new versions meanwhile.
        AppendAgencyBehindTheServer(server.ProjectPath, "CLI-BG");
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/layers/agencies**", async route => { await release.Task; await route.ContinueAsync(); });
        await page.EvaluateAsync("() => fetch('api/project/reload', { method: 'POST', headers: { 'X-Territory-Client': '1' } })");
        var agency = await page.EvaluateAsync<string>("() => window.territory.sources.agencies.getFeatures()[0].get('id')");
        await page.EvaluateAsync("id => window.territory.clickAgency(id)", agency);
        await page.WaitForFunctionAsync("v => document.body.dataset.answeredDataVersion !== undefined && document.body.dataset.answeredDataVersion !== v", seen);

        // The view still shows the former state: the save is refused, nothing written, the scenario kept.
        Assert.Equal(seen, await page.EvaluateAsync<string>("() => document.body.dataset.dataVersion"));
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        await page.GetByTestId("scenario-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("scenario-conflict")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.territory.scenario().dirty === true"));
        Assert.DoesNotContain(Stored(server.ProjectPath), a => a.Name == "Relais d'arrière-plan");

        // Once the map shows the other program's point, the save goes through: both are kept.
        release.SetResult();
        await page.WaitForFunctionAsync("() => window.territory.sources.agencies.getFeatures().some(f => f.get('id') === 'CLI-BG')", null, new() { Timeout = 120_000 });
        await ViewIsCurrentAsync(page);
        await page.GetByTestId("scenario-save").ClickAsync();
        await page.WaitForFunctionAsync("() => window.territory.scenario()?.dirty === false", null, new() { Timeout = 120_000 });
        var saved = Stored(server.ProjectPath);
        Assert.Contains(saved, a => a.Id == "CLI-BG");
        Assert.Contains(saved, a => a.Name == "Relais d'arrière-plan");
        await page.CloseAsync();
    }

    /// <summary>Adds a relay place to the scenario on the estate at <paramref name="estate"/> (index in the layer) and waits for the scenario to be dirty.</summary>
    private static async Task AddRelayPlaceAsync(IPage page, string name, int estate)
    {
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        await page.GetByTestId("scenario-add-kind").SelectOptionAsync("lieu_relais");
        await page.Locator("#scenario-add-name").FillAsync(name);
        await page.GetByTestId("scenario-add").ClickAsync();
        var target = await MapPage.FeatureOnScreenAsync(page, $"t.sources.estates.getFeatures()[{estate}]");
        await page.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("() => window.territory.scenario()?.dirty === true");
    }

    /// <summary>Waits until the view on screen is made from the data version the server last answered with.</summary>
    internal static Task ViewIsCurrentAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.body.dataset.dataVersion === document.body.dataset.answeredDataVersion && document.body.dataset.loadedVersion === document.body.dataset.version", null, new() { Timeout = 120_000 });

    private static async Task Drop(IPage page, string text, string name)
    {
        var dataTransfer = await page.EvaluateHandleAsync("""
            ([b64, name]) => {
              const bin = atob(b64); const bytes = new Uint8Array(bin.length);
              for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
              const dt = new DataTransfer();
              dt.items.add(new File([bytes], name, { type: 'application/geo+json' }));
              return dt;
            }
            """, new object[] { Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), name });
        await page.Locator("#map").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
    }

    /// <summary>The stored agencies as comparable values: id, name, kind and position to the centimetre.</summary>
    private static List<string> Agencies(string project)
    {
        using var store = ProjectStores.Open(project);
        return store.ReadAgencies()
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Id}|{a.Name}|{a.Kind}|{a.Location.X:F2}|{a.Location.Y:F2}|{a.Staff}|{a.SiteStaff}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static List<Agency> Stored(string project)
    {
        using var store = ProjectStores.Open(project);
        return store.ReadAgencies().ToList();
    }

    private static void AppendAgencyBehindTheServer(string project, string id)
    {
        using var store = ProjectStores.Open(project);
        var crs = store.WorkingCrs!.Value;
        var first = store.ReadAgencies()[0];
        store.ImportLayer(new ImportResult
        {
            Kind = LayerKind.Agencies, SourcePath = "terminal.geojson", SourceCrs = crs, TargetCrs = crs, Read = 1,
            Agencies = [first with { Id = id, Name = "Agence du terminal" }],
        }, LayerWriteOptions.AppendRows);
    }
}
