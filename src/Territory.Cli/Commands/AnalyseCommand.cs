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
        var project = CommonOptions.Project(console);
        var config = new Option<FileInfo?>("--config") { Description = console.T("cli_analyse_config"), HelpName = console.T("cli_value_json") };
        var output = new Option<DirectoryInfo?>("--out") { Description = console.T("cli_analyse_out"), HelpName = console.T("cli_value_dir") };
        var by = new Option<string>("--by") { Description = console.T("cli_analyse_by"), DefaultValueFactory = _ => "commune", HelpName = "commune|sectors|agency" };
        by.AcceptOnlyFromAmong("commune", "sectors", "agency");
        var sectors = new Option<FileInfo?>("--sectors") { Description = console.T("cli_analyse_sectors"), HelpName = console.T("cli_value_file") };
        var fieldNames = CommonOptions.FieldNames(console);
        var json = CommonOptions.Json(console);
        var command = new Command("analyse", console.T("cli_analyse_description"))
        {
            project, config, output, by, sectors, fieldNames, json,
        };
        command.Aliases.Add("analyze");
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var asJson = parse.GetValue(json);
            var typology = parse.GetValue(config) is { } c ? LoadConfig(c) : TypologyConfig.Default;
            using var store = ProjectStores.Open(path);
            // Layers, road graph and stored results read side by side.
            var (data, graph, stored) = ProjectInputs.Read(store, () => ProjectStores.Open(path));
            if (data.Estates.Count == 0)
                throw new CliUserException("cli_analyse_no_estates");
            var crs = data.WorkingCrs;
            var mode = parse.GetValue(by) switch { "sectors" => DelineationMode.Sectors, "agency" => DelineationMode.AgencyCatchment, _ => DelineationMode.CommuneAndQpv };
            var sectorLayer = parse.GetValue(sectors) is { } s ? ReadSectors(s, crs) : null;
            // The presence plan's sites hook: the project's site plan, while it matches the data.
            var sites = Planning.Service.SitePlanStore.Read(store) is { } plan ? Planning.Service.SitePlanStore.Placements(plan) : null;
            if (mode == DelineationMode.Sectors && sectorLayer is null)
                throw new CliUserException("cli_analyse_sectors_missing");
            var keys = AnalysisInputKeys.Of(data, AnalysisInputKeys.GraphKey(graph), typology, mode, sites);
            // The review and the analysis are read from the project while their inputs (the site plan's sites included) are unchanged;
            // a sector file is not part of the key.
            // One bar per stage: presence points timed, territories analysed, layers written.
            var outDir = parse.GetValue(output);
            var names = ExportFieldNames.Parse(parse.GetValue(fieldNames));
            var reported = false;
            void Report(ProjectAnalysisOutcome outcome)
            {
                var files = outDir is not null ? WriteOutputs(outcome.Analysis, outDir.FullName, console.Lang, names, cancel.Token) : [];
                AnalysisPrinter.Print(console, asJson, outcome.Analysis, graph is not null, files, outcome);
                reported = true;
            }
            var run = ProgressDisplay.RunStages(console, asJson, stages =>
                // The travel review's layers with the analysis's, in one transaction (the map's tiles join both), written while
                // the territories are analysed; with --json the report is printed while the analysis is stored.
                ProjectAnalysis.RunAndWrite(store, data, graph, keys, typology, (sink, review, analysis) =>
                {
                    if (review is not null)
                        TravelReviewLayers.Write(sink, crs, data.Estates, data.Agencies, review, cancel.Token);
                    AnalysisLayers.Write(sink, analysis(), stages, cancel.Token);
                }, cancel.Token, input => input with { Delineation = mode, Sectors = sectorLayer, Sites = sites },
                    storeAnalysis: mode != DelineationMode.Sectors, stages, stored, asJson ? Report : null));
            // On a terminal the report follows the progress bars.
            if (!reported)
                Report(run);
            return 0;
        }));
        return command;
    }

    private static TypologyConfig LoadConfig(FileInfo file)
    {
        if (!file.Exists)
            throw new CliUserException("cli_analyse_config_missing", ("path", file.FullName));
        try
        {
            return TypologyConfig.Load(file.FullName);
        }
        catch (TypologyConfigException e)
        {
            throw new CliUserException("cli_analyse_config_invalid", ("file", file.Name), ("reason", e.Reason));
        }
    }

    private static List<(string Id, string Name, Geometry Polygon)> ReadSectors(FileInfo file, int crs)
    {
        var layer = LayerImporter.Import(file.FullName, LayerKind.Communes, new ImportOptions { TargetCrs = crs });
        if (layer.Communes.Count == 0)
            throw new CliUserException("cli_analyse_sectors_empty", ("file", file.Name));
        return layer.Communes.Select(s => (s.Code, s.Name ?? s.Code, s.Geometry)).ToList();
    }

    private static List<string> WriteOutputs(AnalysisResult result, string dir, Core.Messages.Lang lang, FieldNames names, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        var gpkg = Path.Combine(dir, "territoires.gpkg");
        var csv = Path.Combine(dir, "territoires.csv");
        var ensembles = Path.Combine(dir, "gardiennage.csv");
        var geojson = Path.Combine(dir, "territoires.geojson");
        var html = Path.Combine(dir, "rapport.html");
        var plan = Path.Combine(dir, "plan-presence.csv");
        var staff = Path.Combine(dir, "moyens-besoins.csv");
        AnalysisGeoPackageExporter.Write(result, gpkg, ct, names);
        AnalysisExports.WriteCsv(result, csv, names);
        using (var stream = File.Create(ensembles))
            AnalysisCsvExporter.WriteEnsembles(result, stream);
        using (var stream = File.Create(plan))
            AnalysisCsvExporter.WritePlan(result, stream);
        using (var stream = File.Create(staff))
            AnalysisCsvExporter.WriteStaff(result, stream);
        AnalysisExports.WriteGeoJson(result, geojson, names);
        AnalysisHtmlReport.Write(result, html, null, lang);
        return [gpkg, csv, ensembles, plan, staff, geojson, html];
    }
}
