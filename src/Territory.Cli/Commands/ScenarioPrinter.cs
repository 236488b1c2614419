using Territory.Cli.Infrastructure;
using Territory.Core.Crs;
using Territory.Core.Scenarios;

namespace Territory.Cli.Commands;

/// <summary>Prints scenarios: the list, their changes, one change made.</summary>
internal static class ScenarioPrinter
{
    public static void List(CliConsole console, bool json, IReadOnlyList<Scenario> scenarios, long dataVersion)
    {
        if (json)
        {
            JsonOutput.Write(console, new { data_version = dataVersion, scenarios = scenarios.Select(Summary) });
            return;
        }
        if (scenarios.Count == 0)
        {
            console.Out.WriteLine(PlanCli.T(console, "scenario_none"));
            return;
        }
        foreach (var s in scenarios)
            console.Out.WriteLine(PlanCli.T(console, "scenario_list_line", ("name", s.Name), ("source", s.Source), ("author", s.Author ?? "—"),
                ("changes", s.Changes.Count), ("updated", s.UpdatedAt.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                ("stale", s.BaseVersion != dataVersion ? PlanCli.T(console, "scenario_stale_note", ("version", s.BaseVersion)) : "")));
    }

    public static void Show(CliConsole console, bool json, IReadOnlyList<Scenario> scenarios, int workingCrs, long dataVersion)
    {
        var toWgs84 = new Reprojector(workingCrs, 4326);
        if (json)
        {
            JsonOutput.Write(console, new
            {
                data_version = dataVersion,
                scenarios = scenarios.Select(s => new
                {
                    name = s.Name, author = s.Author, description = s.Description, source = s.Source, shared = s.Shared, base_version = s.BaseVersion,
                    created_at = s.CreatedAt, updated_at = s.UpdatedAt, changes = s.Changes.Select(c => Change(c, toWgs84)),
                }),
            });
            return;
        }
        foreach (var s in scenarios)
        {
            console.Out.WriteLine(PlanCli.T(console, "scenario_show_header", ("name", s.Name), ("source", s.Source), ("author", s.Author ?? "—"), ("changes", s.Changes.Count)));
            if (!string.IsNullOrWhiteSpace(s.Description)) console.Out.WriteLine("  " + s.Description);
            if (s.BaseVersion != dataVersion) console.Out.WriteLine("  " + PlanCli.T(console, "scenario_stale", ("version", s.BaseVersion), ("current", dataVersion)));
            foreach (var c in s.Changes) console.Out.WriteLine("  " + Line(console, c, toWgs84));
        }
    }

    public static void Changed(CliConsole console, bool json, Scenario scenario, ScenarioChange change, int workingCrs)
    {
        var toWgs84 = new Reprojector(workingCrs, 4326);
        if (json) JsonOutput.Write(console, new { scenario = scenario.Name, changes = scenario.Changes.Count, change = Change(change, toWgs84) });
        else console.Out.WriteLine(PlanCli.T(console, "scenario_change_saved", ("name", scenario.Name), ("change", Line(console, change, toWgs84)), ("changes", scenario.Changes.Count)));
    }

    private static object Summary(Scenario s) => new
    {
        name = s.Name, author = s.Author, description = s.Description, source = s.Source, shared = s.Shared, base_version = s.BaseVersion,
        created_at = s.CreatedAt, updated_at = s.UpdatedAt, changes = s.Changes.Count,
    };

    private static object Change(ScenarioChange c, Reprojector toWgs84)
    {
        var (lon, lat) = c.Location is { } p ? toWgs84.Transform(p.X, p.Y) : (double.NaN, double.NaN);
        return new { op = c.Op.Code(), id = c.AgencyId, name = c.Name, kind = Core.Model.AgencyKinds.Code(c.Kind), lon = c.Location is null ? (double?)null : lon, lat = c.Location is null ? (double?)null : lat };
    }

    private static string Line(CliConsole console, ScenarioChange c, Reprojector toWgs84)
    {
        var (lon, lat) = c.Location is { } p ? toWgs84.Transform(p.X, p.Y) : (0, 0);
        return PlanCli.T(console, "scenario_change_" + c.Op.Code(), ("id", c.AgencyId), ("name", c.Name ?? c.AgencyId),
            ("kind", PlanSitesPrinter.KindLabel(Core.Model.AgencyKinds.Code(c.Kind), PlanCli.Lang(console))),
            ("at", FormattableString.Invariant($"{lon:F5},{lat:F5}")));
    }
}
