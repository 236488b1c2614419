using System.Text.Json;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory plan sites</c>: the JSON contract, the user's matrix, bad input refused with nothing written.</summary>
public sealed class PlanSitesCommandTests
{
    [Fact]
    public void PlanSites_DemoMclpWithoutRoads_JsonContractAndEstimatedTimes()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Demo(tmp);
        var json = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "20", "--count", "5", "--json").Json();

        Assert.Equal("mclp", json.GetProperty("problem").GetString());
        Assert.Equal(20, json.GetProperty("minutes").GetDouble());
        Assert.Equal(5, json.GetProperty("count").GetInt32());
        var chosen = json.GetProperty("chosen").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(5, chosen.Count);
        var covered = json.GetProperty("covered_dwellings").GetInt64();
        Assert.Equal(31_591, json.GetProperty("total_dwellings").GetInt64());
        Assert.InRange(covered, 1, 31_591);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("objective").ValueKind);
        Assert.Contains(json.GetProperty("optimal").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.True(json.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("uncoverable").ValueKind);
        Assert.True(json.GetProperty("estimated").GetBoolean());
        Assert.Equal("straight_line", json.GetProperty("time_source").GetString());
        Assert.Contains("vol d'oiseau", json.GetProperty("time_source_label").GetString());
        var sites = json.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(chosen, sites.Select(s => s.GetProperty("id").GetString()).ToList());
        Assert.All(sites, s =>
        {
            Assert.InRange(s.GetProperty("lon").GetDouble(), -5.5, 10);
            Assert.InRange(s.GetProperty("lat").GetDouble(), 41, 51.5);
            Assert.Contains(s.GetProperty("source").GetString(), new[] { "existing", "imported", "commune_main_town", "qpv_centre" });
            Assert.False(string.IsNullOrEmpty(s.GetProperty("kind").GetString()));
        });
        Assert.Equal(covered, sites.Sum(s => s.GetProperty("dwellings").GetInt64()));
        if (json.GetProperty("optimal").GetBoolean())
            Assert.Equal(json.GetProperty("objective").GetDouble(), json.GetProperty("bound").GetDouble(), 6);
        Assert.Equal(1, PlanTestProjects.State(project).Results);
    }

    [Fact]
    public void PlanSites_UserMatrix_ChoosesTheKnownOptimum()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        File.WriteAllText(tmp.File("sites.csv"), "id;nom;lon;lat\nS1;Un;2.15;43.93\nS2;Deux;2.30;43.93\nS3;Trois;2.35;43.93\n");
        var matrix = PlanTestProjects.Matrix(tmp, ("E1", "S1", 60), ("E2", "S1", 600), ("E2", "S2", 60), ("E3", "S2", 60), ("E3", "S3", 30));

        var one = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "5", "--count", "1",
            "--cost-matrix", matrix, "--candidates", tmp.File("sites.csv"), "--json").Json();
        Assert.Equal(["S1"], one.GetProperty("chosen").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(100, one.GetProperty("covered_dwellings").GetInt64());
        Assert.True(one.GetProperty("optimal").GetBoolean());
        Assert.False(one.GetProperty("estimated").GetBoolean());
        Assert.Equal("user_file", one.GetProperty("time_source").GetString());

        var cover = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "5",
            "--cost-matrix", matrix, "--candidates", tmp.File("sites.csv"), "--json").Json();
        Assert.Equal(["S1", "S2"], cover.GetProperty("chosen").EnumerateArray().Select(c => c.GetString()!).Order().ToArray());
        Assert.Equal(160, cover.GetProperty("covered_dwellings").GetInt64());
        Assert.Empty(cover.GetProperty("uncoverable").EnumerateArray());
    }

    [Fact]
    public void PlanSites_LscpWithEstateNoCandidateReaches_ListsItUncoverable()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        File.WriteAllText(tmp.File("sites.csv"), "id;lon;lat\nS1;2.15;43.93\n");
        var matrix = PlanTestProjects.Matrix(tmp, ("E1", "S1", 60), ("E2", "S1", 200));

        var json = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "5",
            "--cost-matrix", matrix, "--candidates", tmp.File("sites.csv"), "--json").Json();
        Assert.Equal(["E3"], json.GetProperty("uncoverable").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(150, json.GetProperty("covered_dwellings").GetInt64());
    }

    [Fact]
    public void PlanSites_MatrixNamingUnknownSite_Exit2OneFrenchLineNothingWritten()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        File.WriteAllText(tmp.File("sites.csv"), "id;lon;lat\nS1;2.15;43.93\n");
        var matrix = PlanTestProjects.Matrix(tmp, ("E1", "S1", 60), ("E2", "S9", 60));
        var before = PlanTestProjects.State(project);

        var run = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "5", "--count", "1",
            "--cost-matrix", matrix, "--candidates", tmp.File("sites.csv"), "--save-scenario", "jamais");
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("S9", line);
        Assert.Contains("ligne 2", line);
        Assert.Equal(before, PlanTestProjects.State(project));
    }

    [Theory]
    [InlineData("unknown_problem", "--problem", "kmeans", "problème « kmeans » inconnu")]
    [InlineData("count_zero", "--count", "0", "nombre de sites invalide")]
    [InlineData("minutes_zero", "--minutes", "0", "temps limite invalide")]
    [InlineData("minutes_negative", "--minutes", "-5", "temps limite invalide")]
    public void PlanSites_BadInput_Exit2FrenchReasonNothingWritten(string name, string option, string value, string expected)
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        var before = PlanTestProjects.State(project);
        var args = new Dictionary<string, string> { ["--problem"] = "mclp", ["--minutes"] = "20", ["--count"] = "2" };
        args[option] = value;
        var run = CliRun.Invoke(["plan", "sites", project, .. args.SelectMany(kv => new[] { kv.Key, kv.Value }), "--save-scenario", name]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, PlanTestProjects.State(project));
    }

    [Fact]
    public void PlanSites_NoCandidateAtAll_Exit2()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        var run = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "20", "--no-generated", "--no-existing", "--no-imported");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("aucun site candidat", run.Error);
    }

    [Fact]
    public void PlanSites_SourcesSelected_EveryCandidateSaysWhereItComesFrom()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        var json = CliRun.Invoke("plan", "sites", project, "--problem", "pmedian", "--minutes", "60", "--count", "3", "--json").Json();
        var candidates = json.GetProperty("candidates");
        Assert.Equal(1, candidates.GetProperty("existing").GetInt32());
        Assert.Equal(2, candidates.GetProperty("imported").GetInt32());
        var imported = CliRun.Invoke("plan", "sites", project, "--problem", "pmedian", "--minutes", "60", "--count", "2", "--no-existing", "--no-generated", "--json").Json();
        Assert.All(imported.GetProperty("sites").EnumerateArray(), s => Assert.Equal("imported", s.GetProperty("source").GetString()));
    }
}
