using System.CommandLine;
using System.Globalization;
using Territory.Cli.Infrastructure;
using Territory.Routing.Graph;
using Territory.Store;
using Territory.IO.Travel;
using Territory.Routing.Algorithms;

namespace Territory.Cli.Commands;

/// <summary><c>territory route P --from LON,LAT --to LON,LAT</c>: one car route on the project's roads.</summary>
internal static class RouteCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var from = new Option<string>("--from") { Description = console.T("cli_route_from"), Required = true, HelpName = "lon,lat" };
        var to = new Option<string>("--to") { Description = console.T("cli_route_to"), Required = true, HelpName = "lon,lat" };
        var json = CommonOptions.Json(console);
        var command = new Command("route", console.T("cli_route_description")) { project, from, to, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            RoadGraph? loaded;
            using (var store = ProjectStores.Open(path))
                loaded = store.LoadRoadGraph();
            var graph = loaded
                ?? throw new CliUserException("cli_no_road_network", ("project", ProjectStores.IsUri(path) ? ProjectStores.Display(path) : Path.GetFileName(path)));
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
                    reason_code = TravelReasons.Of(route.FailureReason)?.Code,
                    reason = TravelReasons.Render(route.FailureReason, console.Lang),
                    geometry = new { type = "LineString", coordinates = route.Geometry.Select(p => new[] { Math.Round(p.Lon, 7), Math.Round(p.Lat, 7) }) },
                });
                return route.Found ? 0 : 3;
            }
            if (!route.Found)
            {
                console.Out.WriteLine(console.T("cli_route_none", ("reason", TravelReasons.Of(route.FailureReason))));
                return 3;
            }
            console.Out.WriteLine(console.T("cli_route_found", ("minutes", route.DurationSeconds / 60), ("km", route.DistanceMeters / 1000)));
            console.Out.WriteLine("  " + console.T("cli_route_snaps", ("from", route.SnapFromMeters), ("to", route.SnapToMeters)));
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
        throw new CliUserException("cli_lonlat_invalid", ("option", option), ("value", text));
    }
}
