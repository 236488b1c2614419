using System.Text.Json;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory plan rounds</c>: the mobile agency's week from stops in a file or a scenario.</summary>
public sealed class PlanRoundsCommandTests
{
    [Fact]
    public void PlanRounds_DemoStopsById_DaysWithOrderedStopsAndTotals()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Demo(tmp);
        File.WriteAllText(tmp.File("arrets.csv"), "id\nAG-RELAIS\nAG-ANT1\nAG-ANT2\nAG-ANT3\nHD-00010\nHD-00500\n");
        var json = CliRun.Invoke("plan", "rounds", project, "--base", "AG-NORD", "--stops", tmp.File("arrets.csv"), "--days", "3",
            "--stop-minutes", "60", "--time-limit", "2", "--json").Json();

        var days = json.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(3, days.Count);
        var planned = days.SelectMany(d => d.GetProperty("stops").EnumerateArray().Select(s => s.GetString()!)).ToList();
        var unplanned = json.GetProperty("unplanned").EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToList();
        Assert.Equal(6, planned.Count + unplanned.Count);
        Assert.Equal(planned.Count, planned.Distinct().Count());
        Assert.All(json.GetProperty("unplanned").EnumerateArray(), u => Assert.False(string.IsNullOrEmpty(u.GetProperty("reason").GetString())));
        foreach (var d in days)
        {
            Assert.True(d.GetProperty("work_minutes").GetDouble() <= 7 * 60 + 1e-6);
            var visits = d.GetProperty("visits").EnumerateArray().ToList();
            Assert.Equal(d.GetProperty("stops").GetArrayLength(), visits.Count);
            for (int i = 0; i < visits.Count; i++)
            {
                Assert.Equal(60, visits[i].GetProperty("departure_minutes").GetDouble() - visits[i].GetProperty("arrival_minutes").GetDouble(), 6);
                if (i > 0) Assert.True(visits[i].GetProperty("arrival_minutes").GetDouble() >= visits[i - 1].GetProperty("departure_minutes").GetDouble());
            }
        }
        Assert.Equal(days.Sum(d => d.GetProperty("drive_minutes").GetDouble()), json.GetProperty("drive_minutes_total").GetDouble(), 6);
        Assert.True(json.GetProperty("estimated").GetBoolean());
    }

    [Fact]
    public void PlanRounds_ScenarioOfMobileStops_PlansThem()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        Assert.Equal(0, CliRun.Invoke("scenario", "add", project, "tournée", "--kind", "arret_agence_mobile", "--at", "2.25,43.93", "--name", "Place").ExitCode);
        Assert.Equal(0, CliRun.Invoke("scenario", "add", project, "tournée", "--kind", "arret_agence_mobile", "--at", "2.35,43.93", "--name", "Halle").ExitCode);
        var json = CliRun.Invoke("plan", "rounds", project, "--base", "A1", "--scenario", "tournée", "--time-limit", "1", "--json").Json();
        var planned = json.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("stops").EnumerateArray().Select(s => s.GetString())).Order().ToList();
        Assert.Equal(["nouveau-1", "nouveau-2"], planned);
    }

    [Theory]
    [InlineData("unknown_base", "--base", "NOPE", "« NOPE » n'est pas un point de présence")]
    [InlineData("unknown_scenario", "--scenario", "absent", "scénario « absent » introuvable")]
    [InlineData("zero_days", "--days", "0", "nombre de jours invalide")]
    public void PlanRounds_BadInput_Exit2FrenchReason(string name, string option, string value, string expected)
    {
        _ = name;
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        Assert.Equal(0, CliRun.Invoke("scenario", "add", project, "t", "--kind", "arret_agence_mobile", "--at", "2.25,43.93").ExitCode);
        var args = new Dictionary<string, string> { ["--base"] = "A1", ["--scenario"] = "t" };
        args[option] = value;
        var run = CliRun.Invoke(["plan", "rounds", project, .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
    }
}
