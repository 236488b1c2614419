using System.Text;
using Xunit.Abstractions;

namespace Territory.Cli.Tests.RealGeography;

/// <summary>The Paris programmes (open data, no construction type): the caretaking obligation is « non évaluable », counted, in every output.</summary>
public sealed class ParisCaretakingTests(ITestOutputHelper output)
{
    private const int Dwellings = 95_180;

    [Fact]
    public void Analyse_ParisProgrammesWithoutConstructionType_NotAssessableFor95180DwellingsInEveryOutput()
    {
        var source = TestPaths.Shared("logements_sociaux/paris_logements_sociaux_finances_shared.geojson");
        if (!File.Exists(source))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"{source} missing in CI");
            output.WriteLine($"{source} absent : test non exécuté.");
            return;
        }
        using var tmp = TestPaths.Temp();
        var project = tmp.File("paris.gpkg");
        var import = CliRun.Invoke("import", source, "--into", project, "--as", "estates", "--json");
        Assert.True(import.ExitCode == 0, import.Error);
        var outDir = Path.Combine(tmp.Path, "out");
        var json = CliRun.Invoke("analyse", project, "--out", outDir, "--json").Json();

        var caretaking = json.GetProperty("caretaking");
        Assert.Equal(Dwellings, caretaking.GetProperty("not_assessable_dwellings_all_landlords").GetInt32());
        Assert.Equal(0, caretaking.GetProperty("applicable").GetInt32());
        Assert.Equal(Dwellings, caretaking.GetProperty("landlords").EnumerateArray().Sum(l => l.GetProperty("not_assessable_dwellings").GetInt32()));
        var note = json.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "caretaking_not_assessable_total");
        Assert.Contains("95\u202f180\u00a0logements", note.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.All(json.GetProperty("territories").EnumerateArray(), t =>
            Assert.Equal("not_assessable", t.GetProperty("caretaking").GetProperty("status").GetString()));

        var ensembles = File.ReadAllLines(Path.Combine(outDir, "gardiennage.csv"), Encoding.UTF8).Skip(1).Select(l => l.Split(';')).ToList();
        Assert.All(ensembles, r => Assert.Equal("non évaluable", r[8]));
        Assert.Equal(Dwellings, ensembles.Sum(r => int.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)));
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(outDir, "rapport.html")));
        Assert.Contains("95\u202f180\u00a0logements", html, StringComparison.Ordinal);
        Assert.Contains("non évaluable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ne s'applique pas", html, StringComparison.Ordinal);
    }
}
