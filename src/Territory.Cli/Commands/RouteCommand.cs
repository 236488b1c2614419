using System.CommandLine;
using System.Globalization;
using Territory.Cli.Infrastructure;
using Territory.Routing.Graph;
using Territory.Store;
using Territory.IO.Travel;
using Territory.Routing.Algorithms;

namespace Territory.Cli.Commands;

/// <summary><c>territory route P.gpkg --from LON,LAT --to LON,LAT</c>: one car route on the project's roads.</summary>
internal static class RouteCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var from = new Option<string>("--from") { Description = "Départ « lon,lat » (degrés WGS84).", Required = true };
        var to = new Option<string>("--to") { Description = "Arrivée « lon,lat » (degrés WGS84).", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("route", "Calcule un itinéraire voiture sur le réseau routier du projet.") { project, from, to, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            RoadGraph? loaded;
            using (var store = ProjectStores.Open(path))
                loaded = store.LoadRoadGraph();
            var graph = loaded
                ?? throw new CliUserException($"pas de réseau routier pour ce projet : lancez d'abord « territory roads build FICHIER.osm.pbf --into {(ProjectStores.IsUri(path) ? ProjectStores.Display(path) : Path.GetFileName(path))} ».");
            var a = ParseLonLat(parse.GetValue(from)!, "--from");
            var b = ParseLonLat(parse.GetValue(to)!, "--to");
            var route = Router.Route(graph, a, b);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, new
                {
                    found = route.Found,
                    duration_s = route.Found ? Math.Round(route.DurationSeconds, 1) : (double?)null,
                    distance_m = route.Found ? Math.Round(route.DistanceMeters, 1) : (double?)null,
                    snap_from_m = Math.Round(route.SnapFromMeters, 1),
                    snap_to_m = Math.Round(route.SnapToMeters, 1),
                    reason = route.FailureReason,
                    geometry = new { type = "LineString", coordinates = route.Geometry.Select(p => new[] { Math.Round(p.Lon, 7), Math.Round(p.Lat, 7) }) },
                });
                return route.Found ? 0 : 3;
            }
            if (!route.Found)
            {
                console.Out.WriteLine($"Pas d'itinéraire : {route.FailureReason}");
                return 3;
            }
            console.Out.WriteLine($"Itinéraire : {route.DurationSeconds / 60:0.0} min, {route.DistanceMeters / 1000:0.00} km");
            console.Out.WriteLine($"  Raccordement au réseau : départ {route.SnapFromMeters:0} m, arrivée {route.SnapToMeters:0} m");
            return 0;
        }));
        return command;
    }

    internal static (double Lon, double Lat) ParseLonLat(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && lon is >= -180 and <= 180 && lat is >= -90 and <= 90)
            return (lon, lat);
        throw new CliUserException($"{option} « {text} » : attendu « lon,lat » en degrés, par exemple 1.444,43.604.");
    }
}
