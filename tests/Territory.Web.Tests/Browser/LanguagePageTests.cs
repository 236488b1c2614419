using Microsoft.Playwright;
using Territory.Core.Tests.Messages;

namespace Territory.Web.Tests.Browser;

/// <summary>
/// The map speaks one language at a time: in French no English word, in English no French word, in
/// the panels (estate, territory, agency), the legend and the scenario tab. Names from the data
/// (programmes, communes, agencies, landlords, territories) are left out of the scan: they are the
/// same in both languages.
/// </summary>
[Collection("Browser")]
public sealed class LanguagePageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Browser_panels_legend_and_scenario_tab_speak_only_the_chosen_language(string lang)
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync(lang);
        Assert.Equal(lang, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        var texts = new List<(string Where, string Text)>
        {
            ("legend", await page.GetByTestId("legend").InnerTextAsync()),
            ("layers", await page.GetByTestId("layer-switcher").InnerTextAsync()),
            ("header", await page.Locator(".app-header").InnerTextAsync()),
        };
        await page.Locator(".tab[data-tab=scenario]").ClickAsync();
        texts.Add(("scenario", await page.Locator("#tab-scenario").InnerTextAsync()));
        await page.Locator(".tab[data-tab=filters]").ClickAsync();
        texts.Add(("filters", await page.Locator("#tab-filters").InnerTextAsync()));

        // An estate reached by road, an unreachable one when the demo has some, a priority district, an agency.
        var estate = await page.EvaluateAsync<string>("() => window.territory.sources.estates.getFeatures().find(f => f.get('travelMinutes') != null).get('id')");
        texts.Add(("estate", await PanelAsync(page, "estate", estate)));
        var far = await page.EvaluateAsync<string?>("() => (window.territory.sources.estates.getFeatures().find(f => f.get('travelMinutes') == null) || null)?.get('id') ?? null");
        if (far is not null)
            texts.Add(("unreachable estate", await PanelAsync(page, "estate", far)));
        var territory = await page.EvaluateAsync<string>("() => window.territory.sources.territories.getFeatures().find(f => f.get('type') === 'priority_district').get('id')");
        texts.Add(("territory", await PanelAsync(page, "territory", territory, Presence)));
        var agency = await page.EvaluateAsync<string>("() => window.territory.sources.agencies.getFeatures().find(f => f.get('kind') === 'antenne').get('id')");
        texts.Add(("agency", await PanelAsync(page, "agency", agency, Presence)));

        var names = await DataNamesAsync(page);
        var bad = new List<string>();
        foreach (var (where, text) in texts)
        {
            var visible = names.Concat(PanelNames).Aggregate(text, (s, n) => s.Replace(n, " ", StringComparison.Ordinal));
            var match = lang == "fr" ? LanguageWords.English().Match(visible)
                : LanguageWords.French().Match(visible) is { Success: true } w ? w : LanguageWords.FrenchLetter().Match(visible);
            if (match.Success)
                bad.Add($"{where}: « {match.Value} » in {Around(visible, match.Index)}");
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad));
        Assert.DoesNotContain(errors, e => e.StartsWith("pageerror", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_language_switch_redraws_the_open_territory_panel_with_the_servers_texts_in_the_new_language()
    {
        if (!server.Available) return;
        var (page, errors) = await server.OpenAsync("fr");
        var territory = await page.EvaluateAsync<string>("() => window.territory.sources.territories.getFeatures().find(f => f.get('type') === 'priority_district').get('id')");
        var french = await PanelAsync(page, "territory", territory);
        await page.WaitForFunctionAsync("() => document.getElementById('panel-body').dataset.lang === 'fr'");
        var heading = page.GetByTestId("territory-plan").Locator("xpath=preceding-sibling::h3[1]");
        Assert.Equal("Plan de présence", (await heading.TextContentAsync())?.Trim());
        var frenchReason = await page.Locator("#panel-body .plan-reason").First.TextContentAsync();

        await page.GetByTestId("lang-switch").ClickAsync();
        await page.WaitForFunctionAsync("([id]) => { const b = document.getElementById('panel-body'); return b.dataset.lang === 'en' && b.dataset.id === id; }",
            new object[] { territory });
        Assert.Equal("Presence plan", (await heading.TextContentAsync())?.Trim());
        var englishReason = await page.Locator("#panel-body .plan-reason").First.TextContentAsync();
        Assert.NotEqual(frenchReason, englishReason);
        var english = await page.EvaluateAsync<string>("() => document.getElementById('panel').innerText");
        var visible = PanelNames.Aggregate(english, (s, n) => s.Replace(n, " ", StringComparison.Ordinal));
        var names = await DataNamesAsync(page);
        visible = names.Aggregate(visible, (s, n) => s.Replace(n, " ", StringComparison.Ordinal));
        Assert.Null(LanguageWords.FirstFrench(visible) is { } w ? Around(visible, visible.IndexOf(w, StringComparison.Ordinal)) : null);
        Assert.NotEqual(french, english);

        await page.GetByTestId("lang-switch").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('panel-body').dataset.lang === 'fr'");
        Assert.Equal("Plan de présence", (await heading.TextContentAsync())?.Trim());
        Assert.Equal(frenchReason, await page.Locator("#panel-body .plan-reason").First.TextContentAsync());
        Assert.DoesNotContain(errors, e => e.StartsWith("pageerror", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("{n:count:logement|logements}", 1.0)]
    [InlineData("{n:count:logement|logements}", 2736.0)]
    [InlineData("{n:n1}", 198.84)]
    [InlineData("{n:n1}", 0.4)]
    [InlineData("{n:f2}", -0.004)]
    [InlineData("{n:pct1}", 0.953)]
    [InlineData("{n:signed1} pt", -0.04)]
    [InlineData("{n:signed1} pt", 1.26)]
    [InlineData("{n:coord}", 652000.123456)]
    [InlineData("{n:plural:an|ans} {{x}}", 0.0)]
    [InlineData("{n}", 1234567.891)]
    public async Task Browser_template_filler_writes_numbers_as_the_server_does(string template, double value)
    {
        if (!server.Available) return;
        var (page, _) = await server.OpenAsync();
        foreach (var lang in new[] { Territory.Core.Messages.Lang.Fr, Territory.Core.Messages.Lang.En })
        {
            var expected = Territory.Core.Messages.MessageFormatter.Format(template, Territory.Core.Messages.Message.Of("probe", ("n", value)), lang);
            var actual = await page.EvaluateAsync<string>("([t, v, l]) => window.territory.format(t, { n: v }, l)", new object[] { template, value, Territory.Core.Messages.Langs.Tag(lang) });
            Assert.Equal(expected, actual);
        }
        await page.CloseAsync();
    }

    // Sections whose sentences belong to the presence plan, the caretaking check and the staff model: their
    // texts are written by that work and are not scanned here.
    private const string Presence = "[data-testid=territory-recommendations], .accueil, .ensembles";

    private readonly List<string> PanelNames = [];

    private async Task<string> PanelAsync(IPage page, string kind, string id, string? skip = null)
    {
        await page.EvaluateAsync("([k, id]) => { const t = window.territory; return k === 'estate' ? t.clickEstate(id) : k === 'territory' ? t.clickTerritory(id) : t.clickAgency(id); }",
            new object[] { kind, id });
        await page.WaitForFunctionAsync("([k, id]) => { const b = document.getElementById('panel-body'); return b.dataset.kind === k && b.dataset.id === id; }",
            new object[] { kind, id });
        // The names the panel shows from the data (its title's name, landlord, commune, managing agency).
        var json = await page.EvaluateAsync<System.Text.Json.JsonElement>("async ([k, id]) => (await fetch(`api/${k === 'estate' ? 'estates' : k === 'territory' ? 'territories' : 'agencies'}/${encodeURIComponent(id)}`)).json()",
            new object[] { kind, id });
        foreach (var p in new[] { "name", "landlord", "id" })
            if (json.TryGetProperty(p, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String)
                PanelNames.Add(v.GetString()!);
        if (json.TryGetProperty("commune", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.Object && c.TryGetProperty("name", out var cn) && cn.GetString() is { } commune)
            PanelNames.Add(commune);
        PanelNames.Sort((a, b) => b.Length.CompareTo(a.Length));
        return await page.EvaluateAsync<string>("([skip]) => { const p = document.getElementById('panel').cloneNode(true); if (skip) p.querySelectorAll(skip).forEach(e => e.remove()); return p.innerText; }",
            new object?[] { skip });
    }

    // Names from the data (agencies, territories, communes, districts, landlords), the longest first.
    private static Task<string[]> DataNamesAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const t = window.territory, out = new Set();
          ['agencies', 'territories', 'communes', 'districts'].forEach(n => t.sources[n].getFeatures().forEach(f => { if (f.get('name')) out.add(f.get('name')); }));
          document.querySelectorAll('#filter-landlord option').forEach(o => { if (o.value) out.add(o.value); });
          return [...out].sort((a, b) => b.length - a.length);
        }
        """);

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 40), Math.Min(text.Length - Math.Max(0, index - 40), 90)).Replace('\n', ' ');
}
