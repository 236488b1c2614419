using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory scenario</c>: a plan saved as a scenario, shown and compared; scenarios built by hand; apply with compare-and-swap.</summary>
public sealed class ScenarioCommandTests
{
    [Fact]
    public void SaveScenario_ThenShowAndCompare_FiguresAgreeWithThePlan()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Demo(tmp);
        var plan = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "20", "--new", "5", "--no-imported",
            "--save-scenario", "5 relais", "--json").Json();
        Assert.Equal("5 relais", plan.GetProperty("scenario").GetString());
        var added = plan.GetProperty("sites").EnumerateArray().Where(s => !s.GetProperty("existing").GetBoolean()).Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(5, added.Count);
        Assert.Empty(plan.GetProperty("closed_existing").EnumerateArray());

        var show = CliRun.Invoke("scenario", "show", project, "5 relais", "--json").Json().GetProperty("scenarios")[0];
        Assert.Equal("plan", show.GetProperty("source").GetString());
        Assert.Equal(Environment.UserName, show.GetProperty("author").GetString());
        Assert.Contains("20 min", show.GetProperty("description").GetString());
        var changes = show.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(added, changes.Select(c => c.GetProperty("id").GetString()).ToList());
        Assert.All(changes, c => Assert.Equal("add", c.GetProperty("op").GetString()));
        Assert.All(changes, c => Assert.Equal("lieu_relais", c.GetProperty("kind").GetString()));

        var list = CliRun.Invoke("scenario", "list", project, "--json").Json().GetProperty("scenarios");
        Assert.Equal(5, Assert.Single(list.EnumerateArray()).GetProperty("changes").GetInt32());

        var compare = CliRun.Invoke("scenario", "compare", project, "5 relais", "--out", tmp.File("cmp"), "--report", tmp.File("cmp.html"), "--json").Json();
        var rows = compare.GetProperty("rows").EnumerateArray().ToList();
        double Value(string code, string? parameter, int column) => rows.Single(r => r.GetProperty("code").GetString() == code
            && (parameter is null || r.GetProperty("parameter").GetString() == parameter)).GetProperty("values")[column].GetDouble();
        // The scenario's network is exactly the plan's sites: its share within 20 min of the nearest point is the plan's coverage.
        var planShare = plan.GetProperty("covered_dwellings").GetDouble() / plan.GetProperty("total_dwellings").GetDouble();
        Assert.Equal(planShare, Value("within_nearest", "20", 1), 3);
        Assert.True(Value("within_nearest", "20", 1) > Value("within_nearest", "20", 0));
        Assert.Equal(Value("sites", "lieu_relais", 0) + 5, Value("sites", "lieu_relais", 1));
        Assert.True(Value("mean_minutes", null, 1) < Value("mean_minutes", null, 0));
        Assert.True(Value("estates_beyond", "30", 1) <= Value("estates_beyond", "30", 0));
        Assert.Equal(0, Value("territories_changed", null, 0));
        Assert.True(File.Exists(tmp.File("cmp/comparaison-scenarios.csv")));
        Assert.Contains("within_nearest;20;share;", File.ReadAllText(tmp.File("cmp/comparaison-scenarios.csv")));
        var html = File.ReadAllText(tmp.File("cmp.html"));
        Assert.Contains("État enregistré", html);
        Assert.Contains("5 relais", html);
    }

    [Fact]
    public void AddCloseMove_BuildAScenarioWithoutTheMap_ThenDelete()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        var add = CliRun.Invoke("scenario", "add", project, "essai", "--kind", "antenne", "--at", "2.30,43.93", "--name", "Antenne test", "--json").Json();
        Assert.Equal("nouveau-1", add.GetProperty("change").GetProperty("id").GetString());
        Assert.Equal(2.30, add.GetProperty("change").GetProperty("lon").GetDouble(), 5);
        Assert.Equal(0, CliRun.Invoke("scenario", "move", project, "essai", "--agency", "nouveau-1", "--at", "2.31,43.93").ExitCode);
        Assert.Equal(0, CliRun.Invoke("scenario", "close", project, "essai", "--agency", "A1").ExitCode);
        var show = CliRun.Invoke("scenario", "show", project, "essai", "--json").Json().GetProperty("scenarios")[0];
        Assert.Equal(["add", "move", "close"], show.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("op").GetString()!).ToArray());
        Assert.Equal("cli", show.GetProperty("source").GetString());

        var unknown = CliRun.Invoke("scenario", "close", project, "essai", "--agency", "ZZ");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("« ZZ » introuvable", unknown.Error);
        Assert.Equal(2, CliRun.Invoke("scenario", "add", project, "essai", "--at", "quatre,43").ExitCode);

        Assert.Equal(2, CliRun.Invoke("scenario", "delete", project, "essai", "absent").ExitCode);
        Assert.Equal(0, CliRun.Invoke("scenario", "delete", project, "essai").ExitCode);
        Assert.Empty(CliRun.Invoke("scenario", "list", project, "--json").Json().GetProperty("scenarios").EnumerateArray());
        var missing = CliRun.Invoke("scenario", "show", project, "essai");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("scénario « essai » introuvable", missing.Error);
    }

    [Fact]
    public void Apply_AfterTheProjectChanged_RefusedThenAppliedAtTheCurrentVersionWithAudit()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        Assert.Equal(0, CliRun.Invoke("scenario", "add", project, "relais", "--at", "2.30,43.93", "--name", "Relais").ExitCode);
        // Someone imports meanwhile: the network the scenario was compared on is no longer the project's.
        Assert.Equal(0, CliRun.Invoke("import", tmp.File("candidates.csv"), "--into", project, "--as", "candidates").ExitCode);
        var before = PlanTestProjects.State(project);

        var stale = CliRun.Invoke("scenario", "apply", project, "relais");
        Assert.Equal(2, stale.ExitCode);
        Assert.Contains("le projet a changé", stale.Error);
        Assert.Equal(before, PlanTestProjects.State(project));

        var applied = CliRun.Invoke("scenario", "apply", project, "relais", "--expected-version", before.Version, "--json").Json();
        Assert.Equal(1, applied.GetProperty("points_before").GetInt32());
        Assert.Equal(2, applied.GetProperty("points_after").GetInt32());
        var after = PlanTestProjects.State(project);
        Assert.Equal(long.Parse(before.Version) + 1, long.Parse(after.Version));
        using var c = new SqliteConnection($"Data Source={project};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM territory_audit WHERE action = 'scenario_apply' AND target = 'relais'";
        Assert.Equal(1L, (long)cmd.ExecuteScalar()!);
        var points = CliRun.Invoke("inspect", project);
        Assert.Contains("agencies", points.Out);
    }
}
