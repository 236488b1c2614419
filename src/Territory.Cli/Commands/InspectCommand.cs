using System.CommandLine;
using System.Globalization;
using Territory.Cli.Infrastructure;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory inspect P</c>: the layers of a project.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var json = CommonOptions.Json(console);
        var command = new Command("inspect", console.T("cli_inspect_description")) { project, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var store = ProjectStores.Open(CommonOptions.ExistingProject(parse.GetValue(project)!));
            var layers = store.Inspect();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, new
                {
                    working_crs = store.WorkingCrs is int w ? $"EPSG:{w}" : null,
                    layers = layers.Select(l => new { name = l.Name, count = l.Count, crs = l.Crs, extent = l.Extent, dwellings = l.Dwellings, data_type = l.DataType, geometry_type = l.GeometryType }),
                });
                return 0;
            }
            console.Out.WriteLine(console.T("cli_inspect_project", ("path", store.Location),
                ("crs", store.WorkingCrs is int c ? $"EPSG:{c}" : console.T("cli_inspect_empty"))));
            // Columns as wide as their widest cell, so names, counts and systems line up whatever the project holds.
            var counts = layers.Select(l => console.T("cli_inspect_features", ("count", l.Count))).ToList();
            int nameWidth = layers.Select(l => l.Name.Length).DefaultIfEmpty(0).Max();
            int countWidth = counts.Select(c => c.Length).DefaultIfEmpty(0).Max();
            int crsWidth = layers.Select(l => (l.Crs ?? "").Length).DefaultIfEmpty(0).Max();
            for (int i = 0; i < layers.Count; i++)
            {
                var l = layers[i];
                var extent = l.Extent is { Count: 4 } e
                    ? string.Join(" ", e.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))
                    : "—";
                var line = console.T("cli_inspect_layer", ("name", l.Name.PadRight(nameWidth)), ("features", counts[i].PadRight(countWidth)),
                    ("crs", (l.Crs ?? "").PadRight(crsWidth)), ("extent", extent));
                if (l.Dwellings is long d)
                    line += ", " + console.T("dwellings", ("count", d));
                console.Out.WriteLine("  " + line);
            }
            return 0;
        }));
        return command;
    }
}
