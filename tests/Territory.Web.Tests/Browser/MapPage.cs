using System.Text.Json;
using Microsoft.Playwright;

namespace Territory.Web.Tests.Browser;

/// <summary>Where a feature of the map is on screen, for real mouse clicks.</summary>
internal static class MapPage
{
    /// <summary>
    /// Evaluates <paramref name="feature"/> (a JavaScript expression over <c>t = window.territory</c>),
    /// optionally centres the map on it at <paramref name="zoom"/> and waits for the render, then
    /// returns its <c>id</c>, <c>name</c>, <c>travelMinutes</c> and page coordinates <c>x</c>, <c>y</c>.
    /// </summary>
    public static Task<JsonElement> FeatureOnScreenAsync(IPage page, string feature, int? zoom = null) =>
        page.EvaluateAsync<JsonElement>("""
            async ([feature, zoom]) => {
              const t = window.territory;
              const f = new Function('t', 'return ' + feature)(t);
              if (zoom !== null) {
                t.map.getView().setCenter(f.getGeometry().getCoordinates());
                t.map.getView().setZoom(zoom);
                await t.rendered();
              }
              const px = t.map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
              const r = t.map.getTargetElement().getBoundingClientRect();
              return { id: f.get('id'), name: f.get('name') ?? null, travelMinutes: f.get('travelMinutes') ?? null, x: r.left + px[0], y: r.top + px[1] };
            }
            """, new object?[] { feature, zoom });

    /// <summary>A real mouse click at a point returned by <see cref="FeatureOnScreenAsync"/>.</summary>
    public static Task ClickAsync(IPage page, JsonElement point) =>
        page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());

    /// <summary>
    /// Waits until the element matched by <paramref name="selector"/> has a <c>data-state</c> among
    /// <paramref name="states"/> (the application sets it when a job starts and ends), then returns it.
    /// </summary>
    public static async Task<string> WaitForStateAsync(IPage page, string selector, params string[] states)
    {
        await page.WaitForFunctionAsync("([sel, states]) => states.includes(document.querySelector(sel)?.dataset.state)",
            new object[] { selector, states }, new() { Timeout = BrowserServer.SignalTimeoutMs });
        return await page.EvaluateAsync<string>("sel => document.querySelector(sel).dataset.state", selector);
    }

    /// <summary>Waits until the map shows the layers of a project version other than <paramref name="version"/>.</summary>
    public static Task WaitForNewLayersAsync(IPage page, string? version) =>
        page.WaitForFunctionAsync("v => document.body.dataset.loadedVersion !== undefined && document.body.dataset.loadedVersion !== v",
            version, new() { Timeout = BrowserServer.SignalTimeoutMs });
}
