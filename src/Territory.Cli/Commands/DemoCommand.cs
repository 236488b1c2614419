using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Demo;

namespace Territory.Cli.Commands;

/// <summary><c>territory demo --out DIR</c>: the deterministic demo project and its OSM road network.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<DirectoryInfo?>("--out") { Description = console.T("cli_demo_out"), HelpName = console.T("cli_value_dir") };
        var national = new Option<bool>("--national") { Description = console.T("demo_national_help") };
        var departements = new Option<int>("--departements") { Description = console.T("demo_departements_help"), DefaultValueFactory = _ => 96, HelpName = "N" };
        var into = new Option<string?>("--into") { Description = console.T("demo_into_help", ("forms", CommonOptions.ProjectForms(console))), HelpName = console.T("cli_value_location") };
        var seed = new Option<int>("--seed") { Description = console.T("cli_demo_seed"), DefaultValueFactory = _ => 2154, HelpName = "N" };
        var estates = new Option<int?>("--estates") { Description = console.T("cli_demo_estates"), HelpName = "N" };
        var json = CommonOptions.Json(console);
        var command = new Command("demo", console.T("cli_demo_description")) { output, seed, estates, national, departements, into, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            if (parse.GetValue(national) && parse.GetValue(estates) is not null)
                throw new ReasonException(Message.Of("demo_estates_not_national", ("option", "--estates"), ("national", "--national")));
            if (parse.GetValue(national))
                return NationalDemo.Run(console, parse.GetValue(seed), parse.GetValue(departements), parse.GetValue(output)?.FullName, parse.GetValue(into), parse.GetValue(json));
            var dir = parse.GetValue(output) ?? throw new CliUserException("demo_out_missing");
            dir.Create();
            if (parse.GetValue(estates) is < 1 or > 500_000)
                throw new ReasonException(Message.Of("demo_estates_out_of_range", ("option", "--estates"), ("max", 500_000)));
            var written = DemoProjectWriter.Write(DemoGenerator.Generate(parse.GetValue(seed), parse.GetValue(estates)), dir.FullName);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, written);
                return 0;
            }
            console.Out.WriteLine(console.T("cli_demo_project", ("path", written.Project)));
            console.Out.WriteLine(console.T("cli_demo_roads", ("path", written.Roads)));
            console.Out.WriteLine("  " + console.T("cli_demo_counts", ("estates", written.Estates), ("dwellings", written.Dwellings),
                ("agencies", written.Agencies), ("communes", written.Communes), ("districts", written.Districts)));
            return 0;
        }));
        return command;
    }
}
