using System.Text.RegularExpressions;
using Territory.Core.Messages;

namespace Territory.Core.Tests.Messages;

/// <summary>The catalogue is complete and each language speaks only itself.</summary>
public sealed partial class CatalogueTests
{
    // Codes whose English text cites a French proper noun on purpose (law names, seed labels a
    // director searches for); they still must not be left untranslated around it.
    private static readonly HashSet<string> EnglishMayQuoteFrench = new(StringComparer.Ordinal)
    {
        "cli_demo_description", // the demo project is called « Habitat Démo »
        "map_lang_switch", // the language switch names the other language in its own words
    };

    [Fact]
    public void EveryCode_ExistsInBothLanguages()
    {
        var fr = Catalogue.CodesOf(Lang.Fr).ToHashSet(StringComparer.Ordinal);
        var en = Catalogue.CodesOf(Lang.En).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(fr);
        Assert.Empty(fr.Except(en).Order(StringComparer.Ordinal));
        Assert.Empty(en.Except(fr).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCode_IsSnakeCase()
    {
        var bad = Catalogue.Codes.Where(c => !SnakeCase().IsMatch(c)).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Placeholders_AreTheSameInBothLanguages()
    {
        var mismatched = new List<string>();
        foreach (var code in Catalogue.Codes)
        {
            var fr = Catalogue.PlaceholdersOf(Catalogue.Template(code, Lang.Fr)!).Order(StringComparer.Ordinal);
            var en = Catalogue.PlaceholdersOf(Catalogue.Template(code, Lang.En) ?? "").Order(StringComparer.Ordinal);
            if (!fr.SequenceEqual(en))
                mismatched.Add(code);
        }
        Assert.Empty(mismatched);
    }

    [Fact]
    public void FrenchTexts_HaveNoEnglishWords()
    {
        var bad = Catalogue.Codes
            .Select(c => (Code: c, Text: Visible(Catalogue.Template(c, Lang.Fr)!)))
            .Where(x => LanguageWords.FirstEnglish(x.Text) is not null)
            .Select(x => $"{x.Code}: {LanguageWords.FirstEnglish(x.Text)}")
            .ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void EnglishTexts_HaveNoFrenchWords()
    {
        var bad = Catalogue.Codes.Where(c => !EnglishMayQuoteFrench.Contains(c))
            .Select(c => (Code: c, Text: Visible(Catalogue.Template(c, Lang.En)!)))
            .Where(x => LanguageWords.FirstFrench(x.Text) is not null)
            .Select(x => $"{x.Code}: {x.Text}")
            .ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void EveryTemplate_RendersWithSampleValues()
    {
        foreach (var lang in new[] { Lang.Fr, Lang.En })
        {
            foreach (var code in Catalogue.Codes)
            {
                var template = Catalogue.Template(code, lang)!;
                var args = Catalogue.PlaceholdersOf(template).Select(p => (p, (object?)2.5)).ToArray();
                var text = Catalogue.Render(Message.Of(code, args), lang);
                Assert.DoesNotContain("{", text.Replace("{{", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void UnknownCode_RendersAsItsCode() =>
        Assert.Equal("no_such_code_anywhere", Message.Of("no_such_code_anywhere").Render(Lang.En));

    // Placeholders are not words of the sentence, nor is what the user types as it is (a value
    // quoted « estates », command-line options with their value, file names, snake_case field names
    // and codes, EPSG codes).
    private static string Visible(string template) =>
        Literal().Replace(Placeholder().Replace(template, " "), " ");

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"«[\s\u00a0]?[A-Za-z0-9_.:-]+[\s\u00a0]?»|--[a-z][a-z0-9-]*(?:[ =][a-z_]+(?:\|[a-z_]+)*)?|[\w.-]+\.(?:csv|json|gpkg|geojson|html|pbf|osm|gz|graph|md|xlsx)\b|\b[a-z0-9]+(?:_[a-z0-9]+)+\b|EPSG:\S+")]
    private static partial Regex Literal();
}
