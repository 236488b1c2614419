using System.Text.Json;
using Microsoft.Playwright;

namespace Territory.Web.Tests.Browser;

/// <summary>The territory panel shows the presence plan, stakes and staff; a relay place added in the scenario turns the form « présent ».</summary>
[Collection("Browser")]
public sealed class PresencePlanPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Browser_territory_panel_shows_plan_stakes_staff_and_a_scenario_relay_place_turns_the_form_present()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        var asking = await page.EvaluateAsync<JsonElement>("""
            async () => {
              for (const f of window.territory.sources.territories.getFeatures()) {
                const d = await (await fetch(`api/territories/${encodeURIComponent(f.get('id'))}?lang=fr`)).json();
                if (d.presence.some(p => p.form === 'relay_place' && p.status === 'to_create')) return { id: d.id, estate: d.estateIds[0] };
              }
              return null;
            }
            """);
        var id = asking.GetProperty("id").GetString()!;
        await page.EvaluateAsync("id => window.territory.clickTerritory(id)", id);
        var panel = page.GetByTestId("panel");
        var plan = panel.GetByTestId("territory-plan");
        await Assertions.Expect(plan.Locator("li[data-form=relay_place][data-status=to_create]")).ToBeVisibleAsync();
        await Assertions.Expect(plan.Locator("li[data-form=relay_place]")).ToContainTextAsync("à créer");
        await Assertions.Expect(plan.Locator("li[data-form=relay_place]")).ToContainTextAsync("Lieu relais");
        Assert.True(await panel.GetByTestId("territory-stakes").Locator("li").CountAsync() >= 2);
        await Assertions.Expect(panel.GetByTestId("territory-staff")).ToContainTextAsync("Besoin proximité");
        await Assertions.Expect(panel).ToContainTextAsync("Plan de présence");
        await Assertions.Expect(panel).ToContainTextAsync("Enjeux de gestion");

        // Add a relay place on one of the territory's estates, with a real click on the map.
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        await page.GetByTestId("scenario-add-kind").SelectOptionAsync("lieu_relais");
        await page.GetByTestId("scenario-add").ClickAsync();
        var estate = asking.GetProperty("estate").GetString();
        var target = await MapPage.FeatureOnScreenAsync(page, $"t.sources.estates.getFeatures().find(x => x.get('id') === {JsonSerializer.Serialize(estate)})", 14);
        await MapPage.ClickAsync(page, target);

        // The territory is listed as changed, with its relay place now present; its panel says so.
        var changed = page.Locator($"li[data-territory=\"{id}\"]");
        await Assertions.Expect(changed).ToContainTextAsync("à créer → présent");
        await changed.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("territory-plan").Locator("li[data-form=relay_place][data-status=present]")).ToBeVisibleAsync();

        await page.GetByTestId("scenario-discard").ClickAsync();
        await page.WaitForFunctionAsync("() => !window.territory.sources.agencies.getFeatures().some(f => f.get('status') === 'added')");
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
