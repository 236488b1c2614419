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
        var project = CommonOptions.Project();
        var agency = new Option<string>("--agency") { Description = "Identifiant de l'agence (couche agencies).", Required = true };
        var minutes = new Option<string>("--minutes") { Description = "Seuils en minutes, séparés par des virgules.", DefaultValueFactory = _ => "10,20,30" };
        var output = new Option<FileInfo?>("--out") { Description = "Fichier GeoJSON de sortie (une entité par seuil, propriété minutes)." };
        var json = CommonOptions.Json();
        var command = new Command("isochrones", "Zones atteignables en voiture depuis une agence en 10, 20, 30 minutes…") { project, agency, minutes, output, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var cutoffs = ParseMinutes(parse.GetValue(minutes)!);
            using var store = ProjectStores.Open(path);
            var id = parse.GetValue(agency)!;
            var agencies = store.ReadAgencies();
            var found = agencies.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal))
                ?? throw new CliUserException($"agence « {id} » absente du projet ; agences : {string.Join(", ", agencies.Take(12).Select(a => a.Id))}{(agencies.Count > 12 ? "…" : "")}.");
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
                throw new CliUserException($"--minutes « {text} » : attendu des minutes positives séparées par des virgules, par exemple 10,20,30.");
            values.Add(m);
        }
        if (values.Count == 0)
            throw new CliUserException("--minutes : au moins un seuil.");
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
            failure_reason = a.FailureReason,
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
            console.Out.WriteLine("ESTIMATION : aucun réseau routier chargé ; disques à vol d'oiseau (40 km/h, détour × 1,3).");
        foreach (var r in rows)
            console.Out.WriteLine($"  {r.minutes,5:0.#} min : {r.area_km2,8:0.00} km²{(r.failure_reason is null ? "" : $" — {r.failure_reason}")}");
        console.Out.WriteLine($"Couche « {IsochroneOutputs.Table} » du projet mise à jour{(file is null ? "" : $" ; écrit : {file}")}");
    }
}
