using System.CommandLine;
using System.Globalization;
using Territory.Cli.Infrastructure;
using Territory.IO.GeoPackage;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory inspect P.gpkg</c>: the layers of a project.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var json = CommonOptions.Json();
        var command = new Command("inspect", "Liste les couches d'un projet : nombre d'entités, SCR, emprise, logements.") { project, json };
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
            console.Out.WriteLine($"Projet {store.Location} — SCR de travail : {(store.WorkingCrs is int c ? $"EPSG:{c}" : "(vide)")}");
            foreach (var l in layers)
            {
                var extent = l.Extent is { Count: 4 } e
                    ? string.Join(" ", e.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))
                    : "—";
                var dwellings = l.Dwellings is long d ? $", {d} logements" : "";
                console.Out.WriteLine($"  {l.Name,-16} {l.Count,8} entités  {l.Crs ?? "",-10} emprise [{extent}]{dwellings}");
            }
            return 0;
        }));
        return command;
    }
}
