namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory import F --as candidates</c>: candidate sites with their area check, then used by <c>plan sites</c>; the planning commands in English.</summary>
public sealed class PlanCandidatesImportTests
{
    [Fact]
    public void ImportCandidates_FranceServicesNearSomeEstates_WarnsWithTheFiguresAndPlanUsesThem()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        var json = CliRun.Invoke("import", TestPaths.Shared("agences/france_services_2020_shared.geojson"), "--into", project, "--as", "candidates", "--json").Json();
        Assert.True(json.GetProperty("accepted").GetInt32() > 700);
        var overlap = json.GetProperty("overlap");
        Assert.Equal("partial", overlap.GetProperty("verdict").GetString());
        Assert.InRange(overlap.GetProperty("covered").GetInt32(), 1, 50);

        var plan = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "30", "--no-existing", "--no-generated", "--json").Json();
        Assert.All(plan.GetProperty("sites").EnumerateArray(), s => Assert.Equal("imported", s.GetProperty("source").GetString()));
        Assert.Equal(160, plan.GetProperty("covered_dwellings").GetInt64());
    }

    [Fact]
    public void ImportCandidates_NoneNearTheEstates_Exit3NothingWrittenUnlessAllowPartial()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        File.WriteAllText(tmp.File("paris.csv"), "id;nom;lon;lat\nP1;Mairie du 4e;2.3522;48.8566\nP2;Mairie du 11e;2.3800;48.8590\n");
        var before = PlanTestProjects.State(project);
        var refused = CliRun.Invoke("import", tmp.File("paris.csv"), "--into", project, "--as", "candidates");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("0 sites candidats sur 2", refused.Error);
        Assert.Equal(before, PlanTestProjects.State(project));
        Assert.Equal(0, CliRun.Invoke("import", tmp.File("paris.csv"), "--into", project, "--as", "candidates", "--allow-partial").ExitCode);
    }

    [Fact]
    public void PlanSites_LangEn_SpeaksEnglish()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        var bad = CliRun.Invoke("plan", "sites", project, "--problem", "kmeans", "--minutes", "20", "--lang", "en");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("problem \"kmeans\" is not known", bad.Error);
        var run = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "30", "--lang", "en");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("cover every estate with the fewest sites", run.Out);
        Assert.Contains("straight-line", run.Out);
        Assert.DoesNotContain("logements", run.Out);
    }
}
