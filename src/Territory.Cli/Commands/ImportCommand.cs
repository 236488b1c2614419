using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Reference;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory import FILE --into P --as estates|agencies|communes|qpv|candidates</c> (P a GeoPackage or a PostGIS schema; FILE may be a PostGIS table).</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        // FILE and --into are optional for the parser only because --undo takes neither.
        var file = new Argument<string?>("FILE") { Description = console.T("cli_import_file"), HelpName = console.T("cli_value_file"), Arity = ArgumentArity.ZeroOrOne };
        var into = new Option<string?>("--into") { Description = console.T("cli_import_into", ("forms", CommonOptions.ProjectForms(console))), HelpName = console.T("cli_value_location") };
        var undo = new Option<string?>("--undo") { Description = console.T("cli_import_undo", ("forms", CommonOptions.ProjectForms(console))), HelpName = console.T("cli_value_location") };
        var kind = new Option<string>("--as") { Description = console.T("cli_import_as"), Required = true, HelpName = "estates|agencies|communes|qpv|candidates" };
        kind.AcceptOnlyFromAmong("estates", "agencies", "communes", "qpv", "candidates");
        var mapping = new Option<FileInfo?>("--mapping") { Description = console.T("cli_import_mapping"), HelpName = console.T("cli_value_json") };
        var crs = new Option<string?>("--crs") { Description = console.T("cli_import_crs"), HelpName = "EPSG:n" };
        var layer = new Option<string?>("--layer") { Description = console.T("cli_import_layer"), HelpName = console.T("cli_value_name") };
        var sheet = new Option<string?>("--sheet") { Description = console.T("cli_import_sheet"), HelpName = console.T("cli_value_name") };
        var pointKind = new Option<string?>("--kind") { Description = console.T("cli_import_kind"), HelpName = string.Join('|', AgencyKinds.All.Select(k => k.Code())) };
        pointKind.AcceptOnlyFromAmong([.. AgencyKinds.All.Select(k => k.Code())]);
        var append = new Option<bool>("--append") { Description = console.T("cli_import_append") };
        var replace = new Option<bool>("--replace") { Description = console.T("cli_import_replace") };
        var allowPartial = CommonOptions.AllowPartial(console);
        var report = new Option<FileInfo?>("--report") { Description = console.T("cli_import_report"), HelpName = console.T("cli_value_csv") };
        var json = CommonOptions.Json(console);
        var command = new Command("import", console.T("cli_import_description"))
        {
            file, into, kind, mapping, crs, layer, sheet, pointKind, append, replace, allowPartial, report, json, undo,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var layerKind = ParseKind(parse.GetValue(kind)!);
            var asJson = parse.GetValue(json);
            if (parse.GetValue(undo) is { } undone)
                return ImportUndo.Run(console, undone, layerKind, asJson, parse.GetValue(file) is null && parse.GetValue(into) is null, cancel.Token);
            var source = CommonOptions.Location(parse.GetValue(file) ?? throw new ReasonException(Message.Of("import_file_missing",
                ("usage", $"territory import {console.T("cli_value_file")} --into P.gpkg --as estates|agencies|communes|qpv"), ("help", "territory import --help"))));
            var project = CommonOptions.Location(parse.GetValue(into) ?? throw new ReasonException(Message.Of("import_into_missing", ("into", "--into"), ("help", "territory import --help"))));
            // Read and validate the source before touching the project: a bad file never creates
            // or changes a project, and the store write itself is one transaction.
            var isNew = !ProjectStores.Exists(project);
            int? workingCrs = null;
            IReadOnlyList<Estate> estates = [];
            if (!isNew)
            {
                using var existing = ProjectStores.Open(project);
                workingCrs = existing.WorkingCrs;
                if (layerKind != LayerKind.Estates)
                    estates = existing.ReadEstates();
            }
            var options = new ImportOptions
            {
                Crs = parse.GetValue(crs),
                // A workbook's sheets are its layers.
                LayerName = parse.GetValue(sheet) ?? parse.GetValue(layer),
                MappingFile = parse.GetValue(mapping)?.FullName,
                TargetCrs = workingCrs,
                DefaultAgencyKind = AgencyKinds.TryParse(parse.GetValue(pointKind), out var k) ? k : null,
            };
            var isUri = ProjectStores.IsUri(source);
            var mb = !isUri && File.Exists(source) ? new FileInfo(source).Length / 1e6 : 0;
            var writeOptions = new LayerWriteOptions { Append = parse.GetValue(append), AllowShrink = parse.GetValue(replace), Author = UsersCommand.Actor };
            var qpvIndicators = layerKind == LayerKind.Qpv && !isNew && !isUri && File.Exists(source) && QpvIndicators.IsAttributeTable(source);
            ImportStream? stream = null;
            try
            {
                ImportResult result;
                LayerWriteOutcome outcome;
                OverlapCheck overlap;
                if (layerKind == LayerKind.Estates)
                {
                    // Estates are streamed: read, checked, joined and written row by row in the store's one transaction.
                    // The source is opened (and its file-level checks made) before the project is.
                    var label = console.T("cli_progress_streaming", ("file", SourceName(source)), ("mb", mb), ("layer", ImportTexts.LayerKind(layerKind)));
                    outcome = ProgressDisplay.Run(console, asJson, label, progress =>
                    {
                        stream = LayerImporter.Open(source, layerKind, options with { Progress = progress }, cancel.Token);
                        try
                        {
                            using var store = ProjectStores.Open(project);
                            return store.ImportLayer(stream, writeOptions, cancel.Token);
                        }
                        catch when (isNew)
                        {
                            ProjectStores.Remove(project);
                            throw;
                        }
                    });
                    result = stream!.Result;
                    overlap = LayerOverlap.Check(result, estates);
                }
                else
                {
                    var reading = isUri ? console.T("cli_progress_reading", ("file", SourceName(source)))
                        : console.T("cli_progress_reading_size", ("file", SourceName(source)), ("mb", mb));
                    result = ProgressDisplay.Run(console, asJson, reading, progress => qpvIndicators
                        ? JoinQpvIndicators(project, source, cancel.Token)
                        : LayerImporter.Import(source, layerKind, options with { Progress = progress }, cancel.Token));
                    // A reference layer of another area is refused before anything is written (exit 3), unless --allow-partial.
                    overlap = LayerOverlap.Check(result, estates);
                    if (overlap.Verdict == OverlapVerdict.Insufficient && !parse.GetValue(allowPartial))
                        throw new CliPartialException(Message.Of("cli_overlap_refused", ("reason", overlap.Reason)));
                    try
                    {
                        using var store = ProjectStores.Open(project);
                        outcome = ProgressDisplay.Run(console, asJson, console.T("cli_progress_writing_count", ("count", result.Accepted), ("layer", ImportTexts.LayerKind(layerKind))),
                            _ => store.ImportLayer(result, writeOptions, cancel.Token));
                    }
                    catch when (isNew)
                    {
                        ProjectStores.Remove(project);
                        throw;
                    }
                }
                var reportPath = parse.GetValue(report)?.FullName ?? DefaultReportPath(project, layerKind);
                ImportReportWriter.WriteCsv(result, reportPath, console.Lang);
                ImportPrinter.Print(console, asJson, result, outcome, reportPath, overlap);
                return 0;
            }
            finally
            {
                stream?.Dispose();
            }
        }));
        return command;
    }

    /// <summary>A QPV file without geometry whose codes match the project's QPV: their INSEE indicators, joined by code.</summary>
    private static ImportResult JoinQpvIndicators(string project, string path, CancellationToken ct)
    {
        using var store = ProjectStores.Open(project);
        return QpvIndicators.Join(path, store.ReadDistricts(), store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93, ct);
    }

    internal static LayerKind ParseKind(string value) => value switch
    {
        "estates" => LayerKind.Estates,
        "agencies" => LayerKind.Agencies,
        "communes" => LayerKind.Communes,
        "qpv" => LayerKind.Qpv,
        "candidates" => LayerKind.Candidates,
        _ => throw new CliUserException("cli_import_as_invalid", ("value", value)),
    };

    private static string DefaultReportPath(string project, LayerKind kind) =>
        CommonOptions.Beside(project, $".import-{kind.ToString().ToLowerInvariant()}.csv");

    private static string SourceName(string source) =>
        ProjectStores.IsUri(source) ? source[(source.LastIndexOf('=') + 1)..] : Path.GetFileName(source);
}
