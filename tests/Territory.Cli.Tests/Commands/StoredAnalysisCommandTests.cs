using System.Text.Json;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory analyse</c> and <c>traveltimes</c> read the results stored in the project while their inputs are unchanged.</summary>
public sealed class StoredAnalysisCommandTests
{
    [Fact]
    public void Analyse_SecondRunWithSameInputs_ReadsTheStoredAnalysisSameOutput()
    {
        using var tmp = TestPaths.Temp();
        var project = Project(tmp);

        var first = CliRun.Invoke("analyse", project, "--json").Json();
        var second = CliRun.Invoke("analyse", project, "--json").Json();

        Assert.False(Stored(first).GetProperty("analysis_reused").GetBoolean());
        Assert.True(Stored(second).GetProperty("analysis_reused").GetBoolean());
        Assert.Equal("stored_analysis_reused", Stored(second).GetProperty("note").GetProperty("code").GetString());
        Assert.Equal(WithoutStored(first), WithoutStored(second));
    }

    [Fact]
    public void Analyse_AfterAgenciesChanged_RecomputesAndSaysWhy()
    {
        using var tmp = TestPaths.Temp();
        var project = Project(tmp);
        CliRun.Invoke("analyse", project, "--json").Json();
        using (var store = ProjectStores.Open(project))
        {
            var agencies = store.ReadAgencies().ToList();
            agencies.RemoveAt(agencies.Count - 1);
            store.ImportLayer(new ImportResult { Kind = LayerKind.Agencies, SourcePath = "test", SourceCrs = 2154, TargetCrs = 2154, Read = agencies.Count, Agencies = agencies },
                new LayerWriteOptions());
        }

        var again = CliRun.Invoke("analyse", project, "--json").Json();

        var stored = Stored(again);
        Assert.False(stored.GetProperty("analysis_reused").GetBoolean());
        Assert.False(stored.GetProperty("review_reused").GetBoolean());
        Assert.Equal(["agencies"], stored.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("les points de présence", stored.GetProperty("note").GetProperty("text").GetString());
    }

    [Fact]
    public void Analyse_OtherConfig_RecomputesKeepingTheTravelReview()
    {
        using var tmp = TestPaths.Temp();
        var project = Project(tmp);
        CliRun.Invoke("analyse", project, "--json").Json();
        var config = tmp.File("seuils.json");
        File.WriteAllText(config, """{ "travel": { "isolationRadiusMeters": 4000 } }""");

        var other = Stored(CliRun.Invoke("analyse", project, "--config", config, "--json").Json());
        var back = Stored(CliRun.Invoke("analyse", project, "--json").Json());

        Assert.False(other.GetProperty("analysis_reused").GetBoolean());
        Assert.True(other.GetProperty("review_reused").GetBoolean());
        Assert.Equal(["config"], other.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        // One stored analysis per project: going back to the defaults computes them again.
        Assert.False(back.GetProperty("analysis_reused").GetBoolean());
    }

    [Fact]
    public void TravelTimes_ThenAnalyse_AnalyseReadsTheStoredReview()
    {
        using var tmp = TestPaths.Temp();
        var project = Project(tmp);
        CliRun.Invoke("traveltimes", project, "--json").Json();

        var stored = Stored(CliRun.Invoke("analyse", project, "--json").Json());

        Assert.True(stored.GetProperty("review_reused").GetBoolean());
        Assert.False(stored.GetProperty("analysis_reused").GetBoolean());
        Assert.Equal("stored_analysis_computed_review_reused", stored.GetProperty("note").GetProperty("code").GetString());
    }

    [Fact]
    public void Analyse_ThenTheMapStarts_TheMapReadsTheStoredAnalysis()
    {
        using var tmp = TestPaths.Temp();
        var project = Project(tmp);
        var printed = CliRun.Invoke("analyse", project, "--json").Json();

        using var session = new Territory.Web.State.ProjectSession(new Territory.Web.Hosting.WebOptions { Project = project }, new Territory.Web.State.ProgressHub());
        session.Load();

        Assert.True(session.LastLoad!.ReviewReused);
        Assert.True(session.LastLoad.AnalysisReused);
        Assert.Equal(printed.GetProperty("territories").GetArrayLength(), session.Saved.Analysis.Territories.Count);
    }

    private static string Project(TempDir tmp)
    {
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        CliRun.Invoke("roads", "build", TestPaths.Demo("habitat-demo.osm.pbf"), "--into", project, "--json").Json();
        return project;
    }

    private static JsonElement Stored(JsonElement json) => json.GetProperty("stored");

    private static string WithoutStored(JsonElement json) =>
        JsonSerializer.Serialize(json.EnumerateObject().Where(p => p.Name != "stored").ToDictionary(p => p.Name, p => p.Value));
}
