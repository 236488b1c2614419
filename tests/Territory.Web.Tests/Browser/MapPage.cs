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
                await new Promise(r => { t.map.once('rendercomplete', () => r(true)); t.map.render(); });
              }
              const px = t.map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
              const r = t.map.getTargetElement().getBoundingClientRect();
              return { id: f.get('id'), name: f.get('name') ?? null, travelMinutes: f.get('travelMinutes') ?? null, x: r.left + px[0], y: r.top + px[1] };
            }
            """, new object?[] { feature, zoom });

    /// <summary>A real mouse click at a point returned by <see cref="FeatureOnScreenAsync"/>.</summary>
    public static Task ClickAsync(IPage page, JsonElement point) =>
        page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
}
