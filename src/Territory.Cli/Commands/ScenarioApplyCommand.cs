using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.Store.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory scenario apply P NAME [--expected-version V]</c>: the scenario becomes the reference network — the agencies layer
/// rewritten in one transaction, compare-and-swap on the data version, the audit table written; <c>import --undo --as agencies</c> reverts it.
/// </summary>
internal static class ScenarioApplyCommand
{
    public static Command Create(CliConsole console)
    {
        var (project, name) = (CommonOptions.Project(console), ScenarioCommand.Name(console));
        var expected = new Option<long?>("--expected-version") { Description = PlanCli.T(console, "cli_scenario_expected_version"), HelpName = "V" };
        var json = CommonOptions.Json(console);
        var command = new Command("apply", PlanCli.T(console, "cli_scenario_apply", ("undo", "territory import --undo P.gpkg --as agencies"))) { project, name, expected, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var store = ProjectStores.Open(CommonOptions.ExistingProject(parse.GetValue(project)!));
            var scenario = store.ReadScenario(parse.GetValue(name)!) ?? throw PlanCli.Bad("scenario_unknown", ("name", parse.GetValue(name)));
            // The network compared is the one applied: by default the project must still be at the version the scenario was made over.
            var version = parse.GetValue(expected) ?? scenario.BaseVersion;
            var saved = store.ReadAgencies();
            var network = scenario.Apply(saved);
            var author = Environment.UserName;
            var outcome = store.ImportLayer(new ImportResult
            {
                Kind = LayerKind.Agencies, SourcePath = $"scenario:{scenario.Name}", SourceCrs = store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93,
                TargetCrs = store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93, Read = network.Count, Agencies = network,
            }, new LayerWriteOptions { AllowShrink = true, ExpectedVersion = version, Author = author, Source = PlanCli.T(console, "scenario_apply_source", ("name", scenario.Name)) });
            store.Audit(author, "scenario_apply", scenario.Name, Territory.Store.Users.AuditDetail.Of(("changes", scenario.Changes.Count), ("before", saved.Count), ("after", network.Count), ("version", outcome.DataVersion)));
            if (parse.GetValue(json))
                JsonOutput.Write(console, new { applied = scenario.Name, points_before = saved.Count, points_after = network.Count, data_version = outcome.DataVersion });
            else
                console.Out.WriteLine(PlanCli.T(console, "scenario_applied", ("name", scenario.Name), ("before", saved.Count), ("after", network.Count), ("version", outcome.DataVersion)));
            return 0;
        }));
        return command;
    }
}
