using System.Text.Json;
using Territory.Cli.Tests.Stores;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>analyse-departements</c> over a PostGIS project: stored per département, recomputed only when its inputs — the planned sites included — change.</summary>
public sealed class DepartementsCommandTests
{
    [Fact]
    public void AnalyseDepartements_AfterPlanSites_RecomputesWithTheSitesThenReuses()
    {
        using var p = CliProject.Create("postgis");
        if (p is null)
            return;
        using var tmp = TestPaths.Temp();
        var copy = CliRun.Invoke("copy", PlanTestProjects.Demo(tmp), p.Location);
        Assert.True(copy.ExitCode == 0, copy.Error);

        var first = Run(p.Location);
        Assert.True(first.GetProperty("computed").GetInt32() > 0);
        Assert.Equal(0, Run(p.Location).GetProperty("computed").GetInt32());

        var plan = CliRun.Invoke("plan", "sites", p.Location, "--problem", "mclp", "--minutes", "20", "--new", "3", "--no-imported", "--json");
        Assert.True(plan.ExitCode == 0, plan.Error);
        var sited = plan.Json().GetProperty("sites").EnumerateArray().Count(s => !s.GetProperty("existing").GetBoolean());
        Assert.True(sited > 0);

        // The site plan is part of the key, as for analyse: the départements its sites serve are analysed again.
        var after = Run(p.Location);
        Assert.True(after.GetProperty("computed").GetInt32() > 0);
        Assert.NotEqual(Keys(first), Keys(after));
        Assert.Equal(0, Run(p.Location).GetProperty("computed").GetInt32());
    }

    [Fact]
    public void AnalyseDepartements_GeoPackage_Exit2()
    {
        using var tmp = TestPaths.Temp();
        var run = CliRun.Invoke("analyse-departements", PlanTestProjects.Demo(tmp));
        Assert.Equal(2, run.ExitCode);
    }

    private static JsonElement Run(string location)
    {
        var run = CliRun.Invoke("analyse-departements", location, "--parallel", "1", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Json();
    }

    private static string Keys(JsonElement run) =>
        string.Join(",", run.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("input_key").GetString()));
}
