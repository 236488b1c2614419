using System.Text.Json;

namespace Territory.Web.Tests.Browser;

/// <summary>« Enregistrer » in a real browser: its own server over its own project copy (saving changes it).</summary>
[Collection("Browser")]
public sealed class ScenarioSavePageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Browser_saving_a_scenario_point_makes_its_coverage_the_saved_one_and_persists_it()
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        var agencies = await page.EvaluateAsync<int>("() => window.territory.sources.agencies.getFeatures().length");
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        Assert.True(await page.GetByTestId("scenario-save").IsDisabledAsync());
        await page.GetByTestId("scenario-add-kind").SelectOptionAsync("arret_agence_mobile");
        await page.Locator("#scenario-add-name").FillAsync("Arrêt test");
        await page.GetByTestId("scenario-add").ClickAsync();
        var target = await MapPage.FeatureOnScreenAsync(page, "t.sources.estates.getFeatures().filter(x => x.get('travelMinutes') != null) .sort((a, b) => b.get('travelMinutes') - a.get('travelMinutes'))[0]");
        await page.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("() => window.territory.scenario()?.dirty === true");
        var current = await page.GetByTestId("coverage-mean-current").TextContentAsync();
        Assert.NotEqual(current, await page.GetByTestId("coverage-mean-saved").TextContentAsync());

        await page.GetByTestId("scenario-save").ClickAsync();
        Assert.Equal("idle", await MapPage.WaitForStateAsync(page, "#scenario-state", "idle"));
        Assert.False(await page.EvaluateAsync<bool>("() => window.territory.scenario().dirty"));
        Assert.Equal(current, await page.GetByTestId("coverage-mean-saved").TextContentAsync());
        Assert.Equal(current, await page.GetByTestId("coverage-mean-current").TextContentAsync());
        await page.CloseAsync();

        // A new page (as after a restart of the browser) shows the saved point as an ordinary agency.
        var (again, _) = await server.OpenAsync();
        Assert.Equal(agencies + 1, await again.EvaluateAsync<int>("() => window.territory.sources.agencies.getFeatures().length"));
        Assert.True(await again.EvaluateAsync<bool>("() => window.territory.sources.agencies.getFeatures().some(f => f.get('name') === 'Arrêt test' && f.get('status') === 'saved')"));
        await again.CloseAsync();
    }
}
