using System.CommandLine;
using NetTopologySuite.Geometries;
using Territory.Cli.Infrastructure;
using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.IO.Export;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.Store;
using Territory.IO.Reports;
using Territory.IO.Travel;
using Territory.Routing.Review;
using Territory.Store.GeoPackage;
using Territory.Store.Results;

namespace Territory.Cli.Commands;

/// <summary><c>territory analyse P.gpkg [--config C.json] [--out DIR]</c>: typology, presence, caretaking.</summary>
internal static class AnalyseCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var config = new Option<FileInfo?>("--config") { Description = "Seuils de la typologie (JSON) ; défaut : seuils documentés dans docs/typologie.md." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Dossier des exports : territoires.gpkg (styles QGIS), territoires.csv, territoires.geojson, gardiennage.csv, plan-presence.csv, moyens-besoins.csv, rapport.html." };
        var by = new Option<string>("--by") { Description = "Découpage : commune (communes, QPV à part), sectors (--sectors), agency (bassins des agences).", DefaultValueFactory = _ => "commune" };
        by.AcceptOnlyFromAmong("commune", "sectors", "agency");
        var sectors = new Option<FileInfo?>("--sectors") { Description = "Couche de secteurs (polygones : GeoJSON, GeoPackage, Shapefile) pour --by sectors." };
        var json = CommonOptions.Json();
        var command = new Command("analyse", "Type chaque territoire, explique pourquoi, établit le plan de présence, confronte moyens et besoins et contrôle l'obligation de gardiennage.")
        {
            project, config, output, by, sectors, json,
        };
        command.Aliases.Add("analyze");
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var asJson = parse.GetValue(json);
            var typology = parse.GetValue(config) is { } c ? LoadConfig(c) : TypologyConfig.Default;
            using var store = GeoPackageProjectStore.Open(path);
            var data = ProjectData.Read(store);
            if (data.Estates.Count == 0)
                throw new CliUserException("le projet n'a pas de patrimoine : territory import FICHIER --into P.gpkg --as estates.");
            var crs = data.WorkingCrs;
            var graph = ProjectRoadGraph.TryLoad(path);
            var mode = parse.GetValue(by) switch { "sectors" => DelineationMode.Sectors, "agency" => DelineationMode.AgencyCatchment, _ => DelineationMode.CommuneAndQpv };
            var sectorLayer = parse.GetValue(sectors) is { } s ? ReadSectors(s, crs) : null;
            if (mode == DelineationMode.Sectors && sectorLayer is null)
                throw new CliUserException("--by sectors demande une couche de secteurs : --sectors FICHIER.");
            var keys = AnalysisInputKeys.Of(data, AnalysisInputKeys.GraphKey(ProjectRoadGraph.PathFor(path)), typology, mode.ToString());
            // The review and the analysis are read from the project while their inputs are unchanged (a sector file is not part of the key).
            var outcome = ProgressDisplay.Run(console, asJson, "Temps de trajet et typologie des territoires",
                progress => ProjectAnalysis.Run(store, data, graph, keys, typology, progress, cancel.Token,
                    input => input with { Delineation = mode, Sectors = sectorLayer }, storeAnalysis: mode != DelineationMode.Sectors));
            var result = outcome.Analysis;
            store.WriteDerived(data.DataVersion, sink => AnalysisLayers.Write(sink, result, cancel.Token), cancel.Token);
            var files = parse.GetValue(output) is { } dir ? WriteOutputs(result, dir.FullName, cancel.Token) : [];
            AnalysisPrinter.Print(console, asJson, result, graph is not null, files, outcome);
            return 0;
        }));
        return command;
    }

    private static TypologyConfig LoadConfig(FileInfo file)
    {
        if (!file.Exists)
            throw new CliUserException($"configuration introuvable : {file.FullName}");
        try
        {
            return TypologyConfig.Load(file.FullName);
        }
        catch (TypologyConfigException e)
        {
            throw new CliUserException($"{file.Name} : {e.Message}");
        }
    }

    private static List<(string Id, string Name, Geometry Polygon)> ReadSectors(FileInfo file, int crs)
    {
        var layer = LayerImporter.Import(file.FullName, LayerKind.Communes, new ImportOptions { TargetCrs = crs });
        if (layer.Communes.Count == 0)
            throw new CliUserException($"{file.Name} : aucun secteur (polygone) lisible.");
        return layer.Communes.Select(s => (s.Code, s.Name ?? s.Code, s.Geometry)).ToList();
    }

    private static List<string> WriteOutputs(AnalysisResult result, string dir, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        var gpkg = Path.Combine(dir, "territoires.gpkg");
        var csv = Path.Combine(dir, "territoires.csv");
        var ensembles = Path.Combine(dir, "gardiennage.csv");
        var geojson = Path.Combine(dir, "territoires.geojson");
        var html = Path.Combine(dir, "rapport.html");
        var plan = Path.Combine(dir, "plan-presence.csv");
        var staff = Path.Combine(dir, "moyens-besoins.csv");
        AnalysisGeoPackageExporter.Write(result, gpkg, ct);
        AnalysisCsvExporter.Write(result, csv);
        using (var stream = File.Create(ensembles))
            AnalysisCsvExporter.WriteEnsembles(result, stream);
        using (var stream = File.Create(plan))
            AnalysisCsvExporter.WritePlan(result, stream);
        using (var stream = File.Create(staff))
            AnalysisCsvExporter.WriteStaff(result, stream);
        AnalysisGeoJsonExporter.Write(result, geojson);
        AnalysisHtmlReport.Write(result, html);
        return [gpkg, csv, ensembles, plan, staff, geojson, html];
    }
}
