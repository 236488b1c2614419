using System.CommandLine;
using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Cli.Infrastructure;
using Territory.Core.Crs;
using Territory.IO.GeoPackage;
using Territory.IO.Travel;
using Territory.Routing.Algorithms;
using Territory.Routing.Isochrones;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory isochrones P.gpkg --agency ID --minutes 10,20,30</c>: car isochrones of an agency.</summary>
internal static class IsochronesCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var agency = new Option<string>("--agency") { Description = console.T("cli_isochrones_agency"), Required = true, HelpName = "ID" };
        var minutes = new Option<string>("--minutes") { Description = console.T("cli_isochrones_minutes"), DefaultValueFactory = _ => "10,20,30", HelpName = "10,20,30" };
        var output = new Option<FileInfo?>("--out") { Description = console.T("cli_isochrones_out"), HelpName = console.T("cli_value_geojson") };
        var json = CommonOptions.Json(console);
        var command = new Command("isochrones", console.T("cli_isochrones_description")) { project, agency, minutes, output, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var cutoffs = ParseMinutes(parse.GetValue(minutes)!);
            using var store = ProjectStores.Open(path);
            var id = parse.GetValue(agency)!;
            var agencies = store.ReadAgencies();
            var found = agencies.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal))
                ?? throw new CliUserException("cli_isochrones_agency_missing", ("id", id), ("ids", string.Join(", ", agencies.Take(12).Select(a => a.Id)) + (agencies.Count > 12 ? "…" : "")));
            var crs = store.WorkingCrs!.Value;
            var origin = new Reprojector(crs, CrsRegistry.Wgs84).Transform(found.Location.X, found.Location.Y);
            var graph = store.LoadRoadGraph();
            var areas = graph is null
                ? IsochroneOutputs.Estimated(origin, cutoffs, crs)
                : Isochrones.Build(graph, origin, cutoffs, null, cancel.Token)
                    .Select(i => new IsochroneOutputs.Area(i.CutoffMinutes, i.Area, i.ReachedNodeCount, false, i.FailureReason)).ToList();
            IsochroneOutputs.Store(store, crs, found.Id, areas, cancel.Token);
            var file = parse.GetValue(output);
            if (file is not null)
                IsochroneOutputs.WriteGeoJson(file.FullName, found.Id, areas);
            Print(console, parse.GetValue(json), found.Id, graph is null, areas, crs, file?.FullName);
            return areas.All(a => a.FailureReason is null) ? 0 : 3;
        }));
        return command;
    }

    internal static List<double> ParseMinutes(string text)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || m <= 0 || m > 600)
                throw new CliUserException("cli_isochrones_minutes_invalid", ("value", text));
            values.Add(m);
        }
        if (values.Count == 0)
            throw new CliUserException("cli_isochrones_minutes_empty");
        values.Sort();
        return values;
    }

    private static void Print(CliConsole console, bool json, string agencyId, bool estimated, IReadOnlyList<IsochroneOutputs.Area> areas, int crs, string? file)
    {
        var toWorking = new Reprojector(CrsRegistry.Wgs84, crs);
        var rows = areas.Select(a => new
        {
            minutes = a.Minutes,
            area_km2 = a.AreaLonLat.IsEmpty ? 0 : Math.Round(toWorking.Transform(a.AreaLonLat).Area / 1e6, 2),
            reached_nodes = a.ReachedNodes,
            failure_code = TravelReasons.Of(a.FailureReason)?.Code,
            failure_reason = TravelReasons.Render(a.FailureReason, console.Lang),
        }).ToList();
        if (json)
        {
            JsonOutput.Write(console, new
            {
                agency = agencyId,
                estimated,
                method = estimated ? "straight_line_estimate" : "road_network",
                isochrones = rows,
                layer = IsochroneOutputs.Table,
                file,
            });
            return;
        }
        if (estimated)
            console.Out.WriteLine(console.T("routing_isochrone_estimate_note"));
        foreach (var r in rows)
            console.Out.WriteLine("  " + (r.failure_reason is null
                ? console.T("cli_isochrones_row", ("minutes", r.minutes), ("area", r.area_km2))
                : console.T("cli_isochrones_row_failed", ("minutes", r.minutes), ("area", r.area_km2), ("reason", r.failure_reason))));
        console.Out.WriteLine(file is null
            ? console.T("cli_isochrones_layer", ("layer", IsochroneOutputs.Table))
            : console.T("cli_isochrones_layer_file", ("layer", IsochroneOutputs.Table), ("path", file)));
    }
}
