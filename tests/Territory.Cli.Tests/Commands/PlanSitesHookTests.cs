using System.Text.Json;

namespace Territory.Cli.Tests.Commands;

/// <summary>The presence plan's sites hook: once a site plan is stored, <c>analyse</c> names the sites instead of « à localiser ».</summary>
public sealed class PlanSitesHookTests
{
    [Fact]
    public void Analyse_AfterPlanSites_RelayPlaceLinesListTheChosenSitesUntilTheDataChange()
    {
        using var tmp = TestPaths.Temp();
        var project = PlanTestProjects.Demo(tmp);
        Assert.DoesNotContain(Lines(CliRun.Invoke("analyse", project, "--json").Json()), l => l.Sites.Count > 0);

        var plan = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "20", "--new", "5", "--no-imported", "--json").Json();
        var names = plan.GetProperty("sites").EnumerateArray().Where(s => !s.GetProperty("existing").GetBoolean())
            .Select(s => s.GetProperty("name").GetString() ?? s.GetProperty("id").GetString()!).ToHashSet();
        var lines = Lines(CliRun.Invoke("analyse", project, "--json").Json());
        var sited = lines.Where(l => l.Sites.Count > 0).ToList();
        Assert.NotEmpty(sited);
        Assert.All(sited, l => Assert.Equal("relay_place", l.Form));
        Assert.All(sited, l => Assert.Subset(names, l.Sites.ToHashSet()));
        Assert.All(sited, l => Assert.Equal(string.Join(", ", l.Sites), l.Label));
        // Analysing again keeps the plan: derived layers do not change the data version.
        Assert.Contains(Lines(CliRun.Invoke("analyse", project, "--json").Json()), l => l.Sites.Count > 0);

        Assert.Equal(0, CliRun.Invoke("import", TestPaths.Demo("habitat-demo.gpkg"), "--into", project, "--as", "qpv", "--layer", "qpv").ExitCode);
        Assert.DoesNotContain(Lines(CliRun.Invoke("analyse", project, "--json").Json()), l => l.Sites.Count > 0);
    }

    private static List<(string Form, List<string> Sites, string? Label)> Lines(JsonElement analysis) =>
        analysis.GetProperty("territories").EnumerateArray().SelectMany(t => t.GetProperty("presence").EnumerateArray())
            .Select(p => (p.GetProperty("form").GetString()!,
                p.GetProperty("sites").ValueKind == JsonValueKind.Array ? p.GetProperty("sites").EnumerateArray().Select(s => s.GetString()!).ToList() : [],
                p.TryGetProperty("sites_label", out var label) ? label.GetString() : null))
            .ToList();
}
