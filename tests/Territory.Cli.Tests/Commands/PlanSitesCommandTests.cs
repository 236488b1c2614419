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
    public void PlanSites_BudgetOverCostedCandidates_OptimumFollowsTheBudgetAndCostIsReported()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        // S1 reaches E1 (100 dwellings) for 50 000 € a year; S2 reaches E2 and E3 (60) for 10 000 €; S3 reaches E3 (10), no cost declared.
        File.WriteAllText(tmp.File("sites.csv"), "id;nom;lon;lat;cout_annuel\nS1;Un;2.15;43.93;50000\nS2;Deux;2.30;43.93;10000\nS3;Trois;2.35;43.93;\n");
        var matrix = PlanTestProjects.Matrix(tmp, ("E1", "S1", 60), ("E2", "S2", 60), ("E3", "S2", 60), ("E3", "S3", 30));
        JsonElement Plan(params string[] extra) => CliRun.Invoke(["plan", "sites", project, "--problem", "mclp", "--minutes", "5", "--count", "1",
            "--cost-matrix", matrix, "--candidates", tmp.File("sites.csv"), "--json", .. extra]).Json();

        var free = Plan();
        Assert.Equal(["S1"], free.GetProperty("chosen").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(50_000, free.GetProperty("yearly_cost").GetDouble());
        Assert.Equal(JsonValueKind.Null, free.GetProperty("budget").ValueKind);
        var tight = Plan("--budget", "20000");
        Assert.Equal(["S2"], tight.GetProperty("chosen").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(60, tight.GetProperty("covered_dwellings").GetInt64());
        Assert.Equal(10_000, tight.GetProperty("yearly_cost").GetDouble());
        Assert.True(tight.GetProperty("optimal").GetBoolean());
        var poor = Plan("--budget", "5000");
        Assert.Equal(["S3"], poor.GetProperty("chosen").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(0, poor.GetProperty("yearly_cost").GetDouble());
        Assert.Equal(1, poor.GetProperty("new_sites_without_cost").GetInt32());

        var text = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "5", "--count", "1",
            "--cost-matrix", matrix, "--candidates", tmp.File("sites.csv"), "--budget", "20000");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("Coût annuel des nouveaux sites : 10\u202f000 euros pour un budget de 20\u202f000 euros.", text.Out);
    }

    [Theory]
    [InlineData("negative", "mclp", "-5", "budget invalide")]
    [InlineData("pmedian", "pmedian", "1000", "le budget (--budget) s'applique aux problèmes mclp et lscp")]
    public void PlanSites_BadBudget_Exit2FrenchReasonNothingWritten(string name, string problem, string budget, string expected)
    {
        _ = name;
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        var before = PlanTestProjects.State(project);
        var run = CliRun.Invoke("plan", "sites", project, "--problem", problem, "--minutes", "20", "--count", "1", "--budget", budget);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Equal(before, PlanTestProjects.State(project));
    }

    [Fact]
    public void PlanSites_DemoLscpFromCleanSlate_NamesStaffedClosuresAndAnswersKeepingExisting()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Demo(tmp);
        var json = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "30", "--json").Json();

        Assert.True(json.GetProperty("from_clean_slate").GetBoolean());
        var closed = json.GetProperty("closed_existing").EnumerateArray().ToList();
        Assert.NotEmpty(closed);
        Assert.All(closed, c =>
        {
            Assert.StartsWith("AG-", c.GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("kind").GetString()));
        });
        Assert.Contains(closed, c => c.GetProperty("staff_total").ValueKind == JsonValueKind.Number && c.GetProperty("staff_total").GetDouble() > 0);
        var alt = json.GetProperty("keep_existing_alternative");
        Assert.Equal(10, alt.GetProperty("kept").GetInt32());
        Assert.Equal(alt.GetProperty("count").GetInt32() - 10, alt.GetProperty("added").GetInt32());
        Assert.Equal(alt.GetProperty("added").GetInt32(), alt.GetProperty("added_ids").GetArrayLength());
        // Keeping ten points no plan needs cannot take fewer sites than the clean slate.
        Assert.True(alt.GetProperty("count").GetInt32() >= json.GetProperty("count").GetInt32());
        var codes = json.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString()).ToList();
        Assert.Contains("plan3_clean_slate", codes);
        Assert.Contains("plan3_staffed_warning", codes);
        Assert.Contains("plan3_keep_alternative", codes);

        var text = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "30");
        var lines = text.Out.Split('\n');
        Assert.StartsWith("Plan à partir d'une page blanche", lines[1]);
        Assert.StartsWith("Attention : ce plan ferme", lines[2]);
        Assert.Contains("personnes déclarées en tout", lines[2]);
        Assert.Matches($@"En gardant les 10\s+points existants : {alt.GetProperty("added").GetInt32()}\s+sites? à ajouter", text.Out);
        Assert.DoesNotContain("(fermeture proposée)", text.Out);
    }

    [Fact]
    public void PlanSites_CandidatesOutsideTheZone_EachRowToldWithTheImportReason()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        File.WriteAllText(tmp.File("sites.csv"), "id;nom;lon;lat\nC1;Albi;2.20;43.93\nC2;Pointe-à-Pitre;-61.53;16.24\nC3;New York;-74.0;40.7\n");
        var run = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "20", "--count", "1", "--candidates", tmp.File("sites.csv"),
            "--no-generated", "--no-existing", "--no-imported", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("sites.csv, ligne 2 : candidat écarté, en Guadeloupe, hors de la zone du projet (EPSG:2154).", run.Error);
        Assert.Contains("sites.csv, ligne 3 : candidat écarté, hors de France", run.Error);
        Assert.Equal(["C1"], run.Json().GetProperty("chosen").EnumerateArray().Select(c => c.GetString()!));
    }

    [Fact]
    public void PlanSites_EveryCandidateOutsideTheZone_Exit2OneFrenchLineNothingWritten()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        var before = PlanTestProjects.State(project);
        File.WriteAllText(tmp.File("loin.csv"), "id;nom;lon;lat\nC2;Pointe-à-Pitre;-61.53;16.24\nC3;New York;-74.0;40.7\n");
        var run = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "20", "--count", "1", "--candidates", tmp.File("loin.csv"));
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("loin.csv : aucun candidat utilisable, 2", line);
        Assert.Contains("hors de la zone du projet", line);
        Assert.Equal(before, PlanTestProjects.State(project));
    }

    [Fact]
    public void PlanSites_KeepExisting_NoCleanSlateNoAlternative()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Demo(tmp);
        var json = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "30", "--keep-existing", "--json").Json();
        Assert.False(json.GetProperty("from_clean_slate").GetBoolean());
        Assert.Empty(json.GetProperty("closed_existing").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("keep_existing_alternative").ValueKind);
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
