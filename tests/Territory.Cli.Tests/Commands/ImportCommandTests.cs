using System.Text;

namespace Territory.Cli.Tests.Commands;

public sealed class ImportCommandTests
{
    [Fact]
    public void Import_ParisProgrammesJson_ReportsContractCountsAndRejectedRow()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        var json = CliRun.Invoke("import", TestPaths.Shared("logements_sociaux/paris_logements_sociaux_finances_shared.geojson"),
            "--into", project, "--as", "estates", "--json").Json();

        Assert.Equal(2858, json.GetProperty("read").GetInt32());
        Assert.Equal(2857, json.GetProperty("accepted").GetInt32());
        Assert.Equal(1, json.GetProperty("rejected").GetInt32());
        Assert.Equal(0, json.GetProperty("repaired").GetInt32());
        Assert.Equal("estates", json.GetProperty("layer").GetString());
        Assert.Equal("EPSG:4326", json.GetProperty("crs").GetString());
        var report = json.GetProperty("report").GetString()!;
        Assert.True(File.Exists(report));
        var rows = File.ReadAllLines(report);
        Assert.Contains(rows, r => r.Contains("-8", StringComparison.Ordinal) && r.Contains("dwellings", StringComparison.Ordinal));
        Assert.Equal("nb_logmt_total", json.GetProperty("mapping").GetProperty("dwellings").GetString());
    }

    [Fact]
    public void Import_SecondTime_ReplacesUnlessAppend()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        var qpv = TestPaths.Shared("qpv/qpv_occitanie_ouest.geojson");
        Assert.Equal("created", CliRun.Invoke("import", qpv, "--into", project, "--as", "qpv", "--json").Json().GetProperty("mode").GetString());
        var again = CliRun.Invoke("import", qpv, "--into", project, "--as", "qpv", "--json").Json();
        Assert.Equal("replaced", again.GetProperty("mode").GetString());
        Assert.Equal(45, again.GetProperty("count_after").GetInt32());
        var appended = CliRun.Invoke("import", qpv, "--into", project, "--as", "qpv", "--append", "--json").Json();
        Assert.Equal("appended", appended.GetProperty("mode").GetString());
        Assert.Equal(45, appended.GetProperty("duplicates_skipped").GetInt32());
        Assert.Equal(45, appended.GetProperty("count_after").GetInt32());
    }

    [Fact]
    public void Import_MissingFile_OneLineReasonExit2AndNoProjectCreated()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        var run = CliRun.Invoke("import", tmp.File("absent.csv"), "--into", project, "--as", "estates");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("absent.csv", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(project));
    }

    [Fact]
    public void Import_BadCsvIntoExistingProject_LeavesProjectUnchanged()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        CliRun.Invoke("import", TestPaths.Shared("qpv/qpv_occitanie_ouest.geojson"), "--into", project, "--as", "qpv", "--json").Json();
        var before = File.ReadAllBytes(project);
        var bad = tmp.File("bad.csv");
        File.WriteAllText(bad, "id;x;y\n1;2;3\n", Encoding.UTF8); // no dwellings column: unusable for estates
        var run = CliRun.Invoke("import", bad, "--into", project, "--as", "estates");
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(project));
    }

    [Theory]
    [InlineData("unknown layer kind", "--as", "buildings")]
    [InlineData("missing --into", "--as", "estates")]
    public void Import_BadOptions_OneLineErrorsExit2(string because, string option, string value)
    {
        using var tmp = TestPaths.Temp();
        var args = because == "missing --into"
            ? new[] { "import", tmp.File("x.csv"), option, value }
            : new[] { "import", tmp.File("x.csv"), "--into", tmp.File("p.gpkg"), option, value };
        var run = CliRun.Invoke(args);
        Assert.True(run.ExitCode == 2, because);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_WorkbookWithTwoSheets_AsksForTheSheetThenImportsItAsTheSameCsvWould()
    {
        using var tmp = TestPaths.Temp();
        object?[][] rows =
        [
            ["id", "nom", "logements", "lon", "lat"],
            ["A", "Résidence A", 12, 1.444, 43.604],
            ["B", "Résidence B", -3, 1.45, 43.61],
        ];
        var xlsx = Territory.IO.Tests.Spreadsheet.XlsxWriter.Write(tmp.File("patrimoine.xlsx"), ("Notes", [["lire d'abord"], ["fin"]]), ("Programmes", rows));
        var csv = tmp.File("patrimoine.csv");
        File.WriteAllText(csv, "id;nom;logements;lon;lat\nA;Résidence A;12;1,444;43,604\nB;Résidence B;-3;1,45;43,61\n", Encoding.UTF8);

        var ask = CliRun.Invoke("import", xlsx, "--into", tmp.File("x.gpkg"), "--as", "estates");
        Assert.Equal(2, ask.ExitCode);
        Assert.Contains("choisissez-en une avec --sheet", ask.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("x.gpkg")));

        var fromXlsx = CliRun.Invoke("import", xlsx, "--sheet", "Programmes", "--into", tmp.File("x.gpkg"), "--as", "estates", "--json").Json();
        var fromCsv = CliRun.Invoke("import", csv, "--into", tmp.File("c.gpkg"), "--as", "estates", "--json").Json();
        foreach (var p in new[] { "read", "accepted", "rejected", "crs" })
            Assert.Equal(fromCsv.GetProperty(p).ToString(), fromXlsx.GetProperty(p).ToString());
        Assert.Equal("dwellings_not_positive", fromXlsx.GetProperty("issues")[0].GetProperty("code").GetString());
    }
}
