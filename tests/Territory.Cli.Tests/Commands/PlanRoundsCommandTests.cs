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

    [Fact]
    public void PlanRounds_DemoWithRoadsAndFrequencies_ClockTimesFortnightAndLegsAlongRoadsExported()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.DemoWithRoads(tmp);
        File.WriteAllText(tmp.File("arrets.csv"), "id;frequence\nAG-RELAIS;hebdomadaire\nAG-ANT1;quinzaine\nAG-ANT2;fortnightly\nAG-ANT3;\n");
        var run = CliRun.Invoke("plan", "rounds", project, "--base", "AG-NORD", "--stops", tmp.File("arrets.csv"), "--start", "09:00",
            "--time-limit", "2", "--out", tmp.File("tournee.geojson"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json();

        Assert.Equal(2, json.GetProperty("weeks").GetInt32());
        Assert.Equal("09:00", json.GetProperty("day_start").GetString());
        Assert.False(json.GetProperty("estimated").GetBoolean());
        Assert.True(json.GetProperty("legs_on_roads").GetBoolean());
        var visits = json.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("visits").EnumerateArray()).ToList();
        // Weekly stops twice in the fortnight (AG-ANT3 has no frequency: weekly), fortnightly ones once.
        Assert.Equal(2, visits.Count(v => v.GetProperty("id").GetString() == "AG-RELAIS"));
        Assert.Equal(2, visits.Count(v => v.GetProperty("id").GetString() == "AG-ANT3"));
        Assert.Single(visits, v => v.GetProperty("id").GetString() == "AG-ANT1");
        Assert.Equal("fortnightly", visits.First(v => v.GetProperty("id").GetString() == "AG-ANT2").GetProperty("frequency").GetString());
        foreach (var v in visits)
        {
            var minutes = v.GetProperty("arrival_minutes").GetDouble();
            var expected = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(9 * 60 + Math.Round(minutes, MidpointRounding.AwayFromZero)));
            Assert.Equal(expected.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), v.GetProperty("arrive").GetString());
        }
        foreach (var d in json.GetProperty("days").EnumerateArray().Where(d => !d.GetProperty("empty").GetBoolean()))
            Assert.Equal(d.GetProperty("stops").GetArrayLength() + 1, d.GetProperty("legs").GetArrayLength());

        using var geo = JsonDocument.Parse(File.ReadAllText(tmp.File("tournee.geojson")));
        var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
        var legs = features.Where(f => f.GetProperty("properties").GetProperty("layer").GetString() == "tournees").ToList();
        Assert.NotEmpty(legs);
        // Along the roads: a leg has the vertices of its path, not two points.
        Assert.All(legs, l => Assert.True(l.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > 2));
        Assert.Equal(visits.Count, features.Count(f => f.GetProperty("properties").GetProperty("layer").GetString() == "arrets"));
    }

    [Fact]
    public void PlanRounds_FewStops_TextSaysEmptyDaysAndWeeklyDriving()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Demo(tmp);
        File.WriteAllText(tmp.File("arrets.csv"), "id\nAG-ANT1\nAG-ANT2\n");
        var run = CliRun.Invoke("plan", "rounds", project, "--base", "AG-NORD", "--stops", tmp.File("arrets.csv"), "--time-limit", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Jour 1 — 08:30 → ", run.Out);
        Assert.Contains("Jour 5 — aucun arrêt ce jour", run.Out);
        Assert.Contains("Conduite de la semaine : ", run.Out);
        Assert.Contains("chaque semaine", run.Out);
        // Visit lines read clock times from the day's start, never durations such as « 0:38 ».
        Assert.All(run.Out.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)),
            l => Assert.Matches(@"^  (08|09|1\d):\d\d → (09|1\d):\d\d  ", l));
    }

    [Theory]
    [InlineData("bad_start", "--start", "25:00", "heure de départ invalide")]
    [InlineData("bad_balance", "--balance", "-1", "poids d'équilibrage invalide")]
    [InlineData("bad_export", "--out", "tournee.shp", "format d'export inconnu")]
    public void PlanRounds_BadRoundSettings_Exit2FrenchReason(string name, string option, string value, string expected)
    {
        _ = name;
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Small(tmp);
        Assert.Equal(0, CliRun.Invoke("scenario", "add", project, "t", "--kind", "arret_agence_mobile", "--at", "2.25,43.93").ExitCode);
        var run = CliRun.Invoke("plan", "rounds", project, "--base", "A1", "--scenario", "t", "--time-limit", "1", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public void PlanRounds_UnknownFrequency_Exit2NamesFileRowAndValue()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Demo(tmp);
        File.WriteAllText(tmp.File("arrets.csv"), "id;frequence\nAG-ANT1;weekly\nAG-ANT2;mensuel\n");
        var run = CliRun.Invoke("plan", "rounds", project, "--base", "AG-NORD", "--stops", tmp.File("arrets.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("arrets.csv, ligne 2 : fréquence de passage « mensuel » inconnue", run.Error);
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
