using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Territory.Cli.Tests.Commands;

public sealed class AnalyseCommandTests
{
    private static readonly string[] Types = ["rural_diffuse", "isolated", "urban_collective", "priority_district"];

    [Fact]
    public void Analyse_DemoWithoutRoads_AllFourTypesWithReasonsAndFlaggedEstimate()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        var json = CliRun.Invoke("analyse", project, "--json").Json();

        Assert.Equal("straight_line_estimate", json.GetProperty("travel").GetString());
        var territories = json.GetProperty("territories").EnumerateArray().ToList();
        Assert.True(territories.Count > 20);
        var counts = json.GetProperty("counts");
        foreach (var type in Types)
            Assert.True(counts.GetProperty(type).GetInt32() > 0, $"no {type} territory in the demo");
        Assert.Equal(territories.Count, Types.Sum(t => counts.GetProperty(t).GetInt32()));
        foreach (var t in territories)
        {
            Assert.Contains(t.GetProperty("type").GetString(), Types);
            Assert.NotEmpty(t.GetProperty("reasons").EnumerateArray());
            Assert.NotEmpty(t.GetProperty("stakes").EnumerateArray());
            PlanContract.AssertTerritory(t);
        }
        // QPV parts carry their code and are typed as priority districts; other territories have a null qpv_code.
        var qpv = territories.Where(t => t.GetProperty("qpv_code").ValueKind != System.Text.Json.JsonValueKind.Null).ToList();
        Assert.NotEmpty(qpv);
        Assert.Contains(qpv, t => t.GetProperty("type").GetString() == "priority_district");
        Assert.Contains(qpv, t => t.GetProperty("caretaking").GetProperty("required_fte").GetDouble() > 0);
        Assert.Contains(territories, t => t.GetProperty("presence").EnumerateArray()
            .Any(p => p.GetProperty("form").GetString() == "inter_landlord" && p.GetProperty("status").GetString() == "to_create"));
        // The plan is short: actions concern a minority of territories, and never more than a few forms each.
        var actions = territories.Select(t => t.GetProperty("presence").EnumerateArray().Count(p => p.GetProperty("status").GetString() is "to_create" or "to_reinforce")).ToList();
        Assert.True(actions.Count(a => a > 0) < territories.Count / 2, string.Join(",", actions));
        Assert.True(actions.Max() <= 3, string.Join(",", actions));
        // Another landlord's obligation stays its own, and the demo's agencies declare their caretakers without a place of work.
        var caretaking = json.GetProperty("caretaking");
        Assert.Equal("Habitat Démo", json.GetProperty("organisation").GetString());
        Assert.Contains(caretaking.GetProperty("landlords").EnumerateArray(), l => !l.GetProperty("own").GetBoolean());
        Assert.True(caretaking.GetProperty("in_deficit").GetInt32() < caretaking.GetProperty("applicable").GetInt32() / 2);
    }

    [Fact]
    public void Analyse_DemoWithRoadsAndOut_WritesStyledGeoPackageCsvGeoJsonAndReport()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        CliRun.Invoke("roads", "build", TestPaths.Demo("habitat-demo.osm.pbf"), "--into", project, "--json").Json();
        var outDir = Path.Combine(tmp.Path, "out");
        var json = CliRun.Invoke("analyse", project, "--out", outDir, "--json").Json();
        Assert.Equal("road_network", json.GetProperty("travel").GetString());

        var gpkg = Path.Combine(outDir, "territoires.gpkg");
        using (var c = new SqliteConnection($"Data Source={gpkg};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // French layer and field names by default (--field-names fr), the QGIS style following them.
            cmd.CommandText = "SELECT count(*) FROM layer_styles WHERE f_table_name = 'territoires' AND useasdefault AND styleqml LIKE '%categorizedSymbol%priority_district%'";
            Assert.Equal(1L, (long)cmd.ExecuteScalar()!);
            cmd.CommandText = "SELECT count(*) FROM territoires";
            Assert.Equal(json.GetProperty("territories").GetArrayLength(), (long)cmd.ExecuteScalar()!);
            cmd.CommandText = "SELECT count(*) FROM pragma_table_info('territoires') WHERE name IN ('logements', 'type_libelle', 'trajet_moyen_min', 'id_territoire')";
            Assert.Equal(4L, (long)cmd.ExecuteScalar()!);
            cmd.CommandText = "SELECT count(*) FROM pragma_table_info('territoires') WHERE name IN ('dwellings', 'type_label')";
            Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
        }
        var csv = File.ReadAllBytes(Path.Combine(outDir, "territoires.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var html = File.ReadAllText(Path.Combine(outDir, "rapport.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Grands quartiers d'habitat social", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var geojson = File.ReadAllText(Path.Combine(outDir, "territoires.geojson"));
        Assert.Contains("\"FeatureCollection\"", geojson, StringComparison.Ordinal);
        Assert.Contains("\"logements\":", geojson, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dwellings\":", geojson, StringComparison.Ordinal);

        // The project itself keeps the result layers.
        using var p = new SqliteConnection($"Data Source={project};Mode=ReadOnly;Pooling=False");
        p.Open();
        using var q = p.CreateCommand();
        q.CommandText = "SELECT count(*) FROM gpkg_contents WHERE table_name IN ('territories','recommendations','caretaking_ensembles','staff_balance')";
        Assert.Equal(4L, (long)q.ExecuteScalar()!);
        foreach (var file in new[] { "plan-presence.csv", "moyens-besoins.csv", "gardiennage.csv" })
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(Path.Combine(outDir, file))[..3]);
    }

    [Fact]
    public void Analyse_ExportOpensInOgrinfoWithLambert93()
    {
        if (!ToolAvailable("ogrinfo"))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "ogrinfo (gdal-bin) is required in CI");
            return;
        }
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        CliRun.Invoke("analyse", project, "--out", tmp.Path, "--json").Json();
        var psi = new ProcessStartInfo("ogrinfo", ["-so", "-al", Path.Combine(tmp.Path, "territoires.gpkg")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var proc = Process.Start(psi)!;
        var stdout = proc.StandardOutput.ReadToEnd();
        var stderr = proc.StandardError.ReadToEnd();
        proc.WaitForExit();
        Assert.Equal(0, proc.ExitCode);
        Assert.DoesNotContain("ERROR", stderr, StringComparison.Ordinal);
        Assert.Contains("Layer name: territoires", stdout, StringComparison.Ordinal);
        Assert.Contains("2154", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_FieldNamesEnAndLangEn_EnglishNamesAndAnEnglishReport()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        CliRun.Invoke("analyse", project, "--out", tmp.Path, "--field-names", "en", "--lang", "en", "--json").Json();
        using (var c = new SqliteConnection($"Data Source={Path.Combine(tmp.Path, "territoires.gpkg")};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM pragma_table_info('territories') WHERE name IN ('dwellings', 'type_label')";
            Assert.Equal(2L, (long)cmd.ExecuteScalar()!);
        }
        Assert.StartsWith("id;name;kind;", File.ReadAllText(Path.Combine(tmp.Path, "territoires.csv")).TrimStart('\uFEFF'), StringComparison.Ordinal);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(tmp.Path, "rapport.html")));
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Territory typology — ", html, StringComparison.Ordinal);
        Assert.Contains("Large social housing districts", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Typologie des territoires — ", html, StringComparison.Ordinal);
        // The report's own parts (the territory sections carry the analysis' sentences) cite no internal reference.
        var own = System.Text.RegularExpressions.Regex.Replace(html, "<section class=\"territory\".*?</section>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.DoesNotContain("seed", own, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Model ", own, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_Default_FrenchReportCitesTheSurveyNotInternalReferences()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        CliRun.Invoke("analyse", project, "--out", tmp.Path, "--json").Json();
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(tmp.Path, "rapport.html")));
        Assert.Contains("Questionnaire 2022 auprès de 31 organismes", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_RelayPlaceAppendedInATerritoryAskingForOne_FormPresentInTheNextAnalysis()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        var before = CliRun.Invoke("analyse", project, "--json").Json().GetProperty("territories").EnumerateArray().Select(t => t.Clone()).ToList();
        var asking = before.First(t => Relay(t) == "to_create");
        var estateId = asking.GetProperty("estate_ids")[0].GetString();
        Territory.Core.Model.Estate estate;
        using (var store = Territory.Store.GeoPackage.GeoPackageProjectStore.Open(project))
            estate = store.ReadEstates().Single(e => e.Id == estateId);
        var p = estate.Geometry.InteriorPoint;
        var (lon, lat) = new Territory.Core.Crs.Reprojector(2154, 4326).Transform(p.X, p.Y);
        var csv = tmp.File("relais.csv");
        File.WriteAllLines(csv, ["id;nom;type;lon;lat", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"LR-NEW;Lieu relais en mairie;lieu relais;{lon:0.000000};{lat:0.000000}")]);
        var import = CliRun.Invoke("import", csv, "--into", project, "--as", "agencies", "--append", "--json");
        Assert.True(import.ExitCode == 0, import.Error);

        var after = CliRun.Invoke("analyse", project, "--json").Json().GetProperty("territories").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == asking.GetProperty("id").GetString());
        var relay = after.GetProperty("presence").EnumerateArray().Single(x => x.GetProperty("form").GetString() == "relay_place");
        Assert.Equal("present", relay.GetProperty("status").GetString());
        Assert.Equal("LR-NEW", relay.GetProperty("point_id").GetString());

        static string? Relay(System.Text.Json.JsonElement t) => t.GetProperty("presence").EnumerateArray()
            .Where(x => x.GetProperty("form").GetString() == "relay_place").Select(x => x.GetProperty("status").GetString()).FirstOrDefault();
    }

    [Fact]
    public void Analyse_BadConfigKey_Exit2NamingTheKey()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        var config = tmp.File("bad.json");
        File.WriteAllText(config, """{ "classification": { "nonsense": 1 } }""");
        var run = CliRun.Invoke("analyse", project, "--config", config);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nonsense", run.Error, StringComparison.Ordinal);
    }

    private static bool ToolAvailable(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
}
