using System.Text;
using System.Text.Json;
using Territory.Cli.Tests.RealGeography;
using Territory.IO.GeoPackage;
using Xunit.Abstractions;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Cli.Tests.Commands;

public sealed class CommunesCommandTests(ITestOutputHelper output)
{
    // Two small squares near Toulouse (lon/lat); 31555 and 31069 exist, 31998 does not.
    private const string CommunesGeoJson = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"code":"31555","nom":"Toulouse"},"geometry":{"type":"Polygon","coordinates":[[[1.40,43.58],[1.46,43.58],[1.46,43.63],[1.40,43.63],[1.40,43.58]]]}},
          {"type":"Feature","properties":{"code":"31069","nom":"Blagnac","population":1000},"geometry":{"type":"Polygon","coordinates":[[[1.36,43.63],[1.40,43.63],[1.40,43.67],[1.36,43.67],[1.36,43.63]]]}},
          {"type":"Feature","properties":{"code":"31998","nom":"Imaginaire"},"geometry":{"type":"Polygon","coordinates":[[[1.30,43.50],[1.32,43.50],[1.32,43.52],[1.30,43.52],[1.30,43.50]]]}}
        ]}
        """;

    private const string EtalabJson = """
        [
          {"code":"31555","nom":"Toulouse","type":"commune-actuelle","population":514819},
          {"code":"31069","nom":"Blagnac","type":"commune-actuelle","population":26466},
          {"code":"31001","nom":"Agassac","type":"commune-actuelle","population":"n/a"},
          {"code":"31002","nom":"Ancienne","type":"commune-deleguee","population":10}
        ]
        """;

    private const string DensityCsv = "\"\",\"code_insee\",\"population\",\"grille_densite\",\"grille_densite_texte\"\n\"1\",\"31555\",504078,1,\"Grands centres urbains\"\n\"2\",\"31069\",26466,1,\"Grands centres urbains\"\n";

    private const string EstatesCsv = "id;nom;bailleur;nb_logements;typeconst;lon;lat\nE1;Résidence;OPH;40;C;1,43;43,60\n";

    private static string NewProject(TempDir tmp, bool withEstates = false)
    {
        var project = tmp.File("p.gpkg");
        File.WriteAllText(tmp.File("communes.geojson"), CommunesGeoJson);
        Assert.Equal(0, CliRun.Invoke("import", tmp.File("communes.geojson"), "--into", project, "--as", "communes", "--json").ExitCode);
        if (withEstates)
        {
            File.WriteAllText(tmp.File("estates.csv"), EstatesCsv);
            Assert.Equal(0, CliRun.Invoke("import", tmp.File("estates.csv"), "--into", project, "--as", "estates", "--json").ExitCode);
        }
        File.WriteAllText(tmp.File("communes.json"), EtalabJson);
        File.WriteAllText(tmp.File("densite.csv"), DensityCsv);
        return project;
    }

    [Theory]
    [InlineData("fr", "population invalide « n/a »", "JSON illisible (ligne 1")]
    [InlineData("en", "invalid population 'n/a'", "unreadable JSON (line 1")]
    public void Enrich_ReferenceProblems_InTheChosenLanguage(string lang, string rowReason, string fileReason)
    {
        using var tmp = TestPaths.Temp();
        var project = NewProject(tmp);

        var run = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"), "--lang", lang);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(rowReason, run.Out, StringComparison.Ordinal);
        var json = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"), "--json", "--lang", lang).Json();
        var issue = json.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "31001");
        Assert.Equal("reference_population_invalid", issue.GetProperty("reason_code").GetString());
        Assert.Equal(rowReason, issue.GetProperty("message").GetString());

        File.WriteAllText(tmp.File("tronque.json"), "[{\"code\":\"31555\",");
        var broken = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("tronque.json"), "--lang", lang);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("tronque.json", broken.Error, StringComparison.Ordinal);
        Assert.Contains(fileReason, broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_TwoSources_JsonContractAndStoredValues()
    {
        using var tmp = TestPaths.Temp();
        var project = NewProject(tmp, withEstates: true);

        var json = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"), "--from", tmp.File("densite.csv"), "--json").Json();

        Assert.Equal(3, json.GetProperty("communes").GetInt32());
        Assert.Equal(2, json.GetProperty("matched").GetInt32());
        Assert.Equal(1, json.GetProperty("unmatched").GetInt32());
        Assert.Equal("31998", json.GetProperty("unmatched_codes")[0].GetString());
        Assert.Equal(1, json.GetProperty("populations_filled").GetInt32());
        Assert.Equal(1, json.GetProperty("populations_kept").GetInt32()); // Blagnac 1000 kept without --overwrite
        Assert.Equal(0, json.GetProperty("populations_overwritten").GetInt32());
        Assert.Equal(2, json.GetProperty("density_levels_filled").GetInt32());
        Assert.Equal(1, json.GetProperty("source_codes_unknown").GetInt32()); // 31001
        Assert.True(json.GetProperty("written").GetBoolean());
        Assert.True(json.GetProperty("estates_rejoined").GetBoolean());
        Assert.Equal(1, json.GetProperty("issue_count").GetInt32());
        Assert.Equal("31001", json.GetProperty("issues")[0].GetProperty("code").GetString());
        var sources = json.GetProperty("sources");
        Assert.Equal("etalab_json", sources[0].GetProperty("format").GetString());
        Assert.Equal(1, sources[0].GetProperty("skipped_rows").GetInt32());
        Assert.Equal("insee_csv", sources[1].GetProperty("format").GetString());
        Assert.True(sources[1].GetProperty("provides_density_level").GetBoolean());

        using var store = GeoPackageProjectStore.Open(project);
        var communes = store.ReadCommunes().ToDictionary(c => c.Code);
        Assert.Equal(514819, communes["31555"].Population);
        Assert.Equal(1, communes["31555"].DensityLevel);
        Assert.Equal(1000, communes["31069"].Population);
        Assert.Equal("31555", Assert.Single(store.ReadEstates()).CommuneCode);
    }

    [Fact]
    public void Enrich_Overwrite_ReplacesExistingPopulation()
    {
        using var tmp = TestPaths.Temp();
        var project = NewProject(tmp);

        var json = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"), "--overwrite", "--json").Json();

        Assert.Equal(1, json.GetProperty("populations_overwritten").GetInt32());
        Assert.Equal(0, json.GetProperty("populations_kept").GetInt32());
        Assert.True(json.GetProperty("overwrite").GetBoolean());
        using var store = GeoPackageProjectStore.Open(project);
        Assert.Equal(26466, store.ReadCommunes().Single(c => c.Code == "31069").Population);
    }

    [Fact]
    public void Enrich_SecondRunNothingNew_ProjectNotWritten()
    {
        using var tmp = TestPaths.Temp();
        var project = NewProject(tmp);
        Assert.Equal(0, CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"), "--json").ExitCode);
        var before = File.ReadAllBytes(project);

        var json = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"), "--json").Json();

        Assert.False(json.GetProperty("written").GetBoolean());
        Assert.Equal(0, json.GetProperty("communes_changed").GetInt32());
        Assert.Equal(before, File.ReadAllBytes(project));
    }

    [Theory]
    [InlineData("tronque.json", "[{\"code\":\"31555\",")]
    [InlineData("sans-code.csv", "nom;population\nToulouse;500000\n")]
    [InlineData("vide.csv", "")]
    [InlineData("guillemet.csv", "code_insee;population\n31555;\"12\n31069;5\n")]
    [InlineData("objet.json", "{\"code\":\"31555\"}")]
    public void Enrich_UnreadableReference_Exit2AndProjectBytesUnchanged(string name, string content)
    {
        using var tmp = TestPaths.Temp();
        var project = NewProject(tmp);
        File.WriteAllText(tmp.File(name), content, new UTF8Encoding(false));
        var before = File.ReadAllBytes(project);

        // The good file first: nothing may be written before every source has been read.
        var run = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"), "--from", tmp.File(name), "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(name, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal("", run.Out);
        Assert.Equal(before, File.ReadAllBytes(project));
    }

    [Fact]
    public void Enrich_MissingReference_Exit2()
    {
        using var tmp = TestPaths.Temp();
        var project = NewProject(tmp);

        var run = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("absent.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_ProjectWithoutCommunes_Exit2WithHint()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        File.WriteAllText(tmp.File("estates.csv"), EstatesCsv);
        Assert.Equal(0, CliRun.Invoke("import", tmp.File("estates.csv"), "--into", project, "--as", "estates").ExitCode);
        File.WriteAllText(tmp.File("communes.json"), EtalabJson);

        var run = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--as communes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_WithoutFrom_Exit2()
    {
        using var tmp = TestPaths.Temp();
        var project = NewProject(tmp);

        Assert.Equal(2, CliRun.Invoke("communes", "enrich", project).ExitCode);
    }

    [Fact]
    public void Enrich_HumanOutput_FrenchSummary()
    {
        using var tmp = TestPaths.Temp();
        var project = NewProject(tmp);

        var run = CliRun.Invoke("communes", "enrich", project, "--from", tmp.File("communes.json"), "--from", tmp.File("densite.csv"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Codes non reconnus : 31998", run.Out, StringComparison.Ordinal);
        Assert.Contains("--overwrite", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_RealEtalabOnTarn_MatchesEveryCurrentCommune()
    {
        if (EtalabCommunes.PathOrNull(output) is not { } etalab)
            return;
        using var tmp = TestPaths.Temp();
        var project = tmp.File("tarn.gpkg");
        Assert.Equal(0, CliRun.Invoke("import", TestPaths.Shared("communes/communes-81-tarn.geojson"), "--into", project, "--as", "communes").ExitCode);

        var json = CliRun.Invoke("communes", "enrich", project, "--from", etalab, "--json").Json();

        Assert.Equal(319, json.GetProperty("communes").GetInt32());
        // COG 2018 polygons against a newer list: a few merged communes may be unmatched, and say so.
        Assert.InRange(json.GetProperty("matched").GetInt32(), 300, 319);
        Assert.Equal(319 - json.GetProperty("matched").GetInt32(), json.GetProperty("unmatched_codes").GetArrayLength());
        Assert.True(json.GetProperty("source_codes_unknown").GetInt32() > 30000);
        using var store = GeoPackageProjectStore.Open(project);
        Assert.InRange(store.ReadCommunes().Single(c => c.Code == "81004").Population ?? 0, 45000, 60000);
    }

    [Fact]
    public void Enrich_RealEtalabOnParisArrondissements_MatchedByOwnCodes()
    {
        if (EtalabCommunes.PathOrNull(output) is not { } etalab)
            return;
        using var tmp = TestPaths.Temp();
        var project = tmp.File("paris.gpkg");
        Assert.Equal(0, CliRun.Invoke("import", TestPaths.Shared("communes/paris_arrondissements_shared.geojson"), "--into", project, "--as", "communes").ExitCode);

        var json = CliRun.Invoke("communes", "enrich", project, "--from", etalab, "--json").Json();

        Assert.Equal(14, json.GetProperty("matched").GetInt32());
        Assert.Equal(0, json.GetProperty("matched_via_parent").GetInt32());
        Assert.Equal(14, json.GetProperty("populations_filled").GetInt32());
        using var store = GeoPackageProjectStore.Open(project);
        var communes = store.ReadCommunes();
        Assert.All(communes, c => Assert.StartsWith("751", c.Code, StringComparison.Ordinal));
        Assert.All(communes, c => Assert.InRange(c.Population ?? 0, 20_000, 250_000)); // arrondissements, never all of Paris
    }
}
