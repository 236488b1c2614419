using System.Text.Json;
using Microsoft.Playwright;

namespace Territory.Web.Tests.Browser;

/// <summary>A browser without WebGL (some remote desktops): estates fall back to a canvas layer, clicks and filters still work.</summary>
public sealed class NoWebGlPageTests(NoWebGlPageTests.Server server) : IClassFixture<NoWebGlPageTests.Server>
{
    public sealed class Server : BrowserServer
    {
        protected override string[] ExtraArgs => ["--disable-webgl", "--disable-3d-apis"];
    }

    [Fact]
    public async Task Browser_without_webgl_draws_estates_on_canvas_and_a_click_opens_the_estate()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync();
        var state = await page.EvaluateAsync<JsonElement>("""
            () => {
              const t = window.territory;
              const layer = t.map.getLayers().getArray().find(l => l.get('name') === 'estates');
              return { estates: t.stats().estates, webgl: typeof layer.updateStyleVariables === 'function' };
            }
            """);
        Assert.Equal(1495, state.GetProperty("estates").GetInt32());
        Assert.False(state.GetProperty("webgl").GetBoolean());
        var target = await MapPage.FeatureOnScreenAsync(page, "t.sources.estates.getFeatures().filter(x => x.get('type') === 'urban_collective') .sort((a, b) => b.get('dwellings') - a.get('dwellings'))[0]", 17);
        await page.Mouse.ClickAsync(target.GetProperty("x").GetSingle(), target.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("() => document.getElementById('panel-body').dataset.kind === 'estate'");
        Assert.Equal(target.GetProperty("id").GetString(), await page.EvaluateAsync<string>("() => document.getElementById('panel-body').dataset.id"));
        Assert.DoesNotContain(errors, e => e.StartsWith("pageerror", StringComparison.Ordinal));
        await page.CloseAsync();
    }
}
