using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.IO.Reference;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory import FILE --into P.gpkg --as estates|agencies|communes|qpv</c>.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "Fichier source : GeoJSON, GeoPackage, Shapefile (.shp ou .zip) ou CSV.", Arity = ArgumentArity.ZeroOrOne };
        var into = new Option<FileInfo?>("--into") { Description = "Projet GeoPackage de destination (créé s'il n'existe pas)." };
        var undo = new Option<FileInfo?>("--undo") { Description = "Annule le dernier import de la couche --as dans ce projet : la couche revient à sa version précédente." };
        var kind = new Option<string>("--as") { Description = "Couche : estates (patrimoine), agencies (agences), communes, qpv.", Required = true };
        kind.AcceptOnlyFromAmong("estates", "agencies", "communes", "qpv");
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Fichier JSON de correspondance des champs : {\"dwellings\": \"NB_LGT\", …}." };
        var crs = new Option<string?>("--crs") { Description = "SCR de la source (EPSG:n) ; prime sur .prj / GeoPackage / GeoJSON." };
        var layer = new Option<string?>("--layer") { Description = "Couche à lire dans une source à plusieurs couches (GeoPackage, zip)." };
        var append = new Option<bool>("--append") { Description = "Ajoute à la couche au lieu de la remplacer." };
        var replace = new Option<bool>("--replace") { Description = "Confirme le remplacement d'une couche par une autre de moins de la moitié de sa taille." };
        var report = new Option<FileInfo?>("--report") { Description = "Rapport ligne à ligne (CSV) ; par défaut à côté du projet." };
        var json = CommonOptions.Json();
        var command = new Command("import", "Importe une couche (patrimoine, agences, communes, QPV) dans un projet, avec rapport des lignes rejetées.")
        {
            file, into, kind, mapping, crs, layer, append, replace, report, json, undo,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var layerKind = ParseKind(parse.GetValue(kind)!);
            var asJson = parse.GetValue(json);
            if (parse.GetValue(undo) is { } undone)
                return ImportUndo.Run(console, undone, layerKind, asJson, parse.GetValue(file) is null && parse.GetValue(into) is null, cancel.Token);
            // FILE and --into are optional for the parser only because --undo takes neither.
            var source = parse.GetValue(file) ?? throw new Territory.Core.Messages.ReasonException(Territory.Core.Messages.Message.Of("import_file_missing", ("usage", "territory import FICHIER --into P.gpkg --as COUCHE"), ("help", "territory import --help")));
            var project = parse.GetValue(into) ?? throw new Territory.Core.Messages.ReasonException(Territory.Core.Messages.Message.Of("import_into_missing", ("into", "--into"), ("help", "territory import --help")));
            // Read and validate the source before touching the project: a bad file never creates
            // or changes a project, and the store write itself is one transaction.
            var isNew = !project.Exists;
            int? workingCrs = null;
            if (!isNew)
            {
                using var existing = GeoPackageProjectStore.Open(project.FullName);
                workingCrs = existing.WorkingCrs;
            }
            var options = new ImportOptions
            {
                Crs = parse.GetValue(crs),
                LayerName = parse.GetValue(layer),
                MappingFile = parse.GetValue(mapping)?.FullName,
                TargetCrs = workingCrs,
            };
            var result = ProgressDisplay.Run(console, asJson, $"Lecture de {source.Name}", progress =>
                layerKind == LayerKind.Qpv && !isNew && source.Exists && QpvIndicators.IsAttributeTable(source.FullName)
                    ? JoinQpvIndicators(project.FullName, source.FullName, cancel.Token)
                    : LayerImporter.Import(source.FullName, layerKind, options with { Progress = progress }, cancel.Token));
            LayerWriteOutcome outcome;
            try
            {
                using var store = GeoPackageProjectStore.Open(project.FullName);
                outcome = ProgressDisplay.Run(console, asJson, "Écriture dans le projet",
                    _ => store.ImportLayer(result, new LayerWriteOptions { Append = parse.GetValue(append), AllowShrink = parse.GetValue(replace), Author = UsersCommand.Actor }, cancel.Token));
            }
            catch when (isNew)
            {
                File.Delete(project.FullName);
                throw;
            }
            var reportPath = parse.GetValue(report)?.FullName ?? DefaultReportPath(project.FullName, layerKind);
            ImportReportWriter.WriteCsv(result, reportPath);
            ImportPrinter.Print(console, asJson, result, outcome, reportPath);
            return 0;
        }));
        return command;
    }

    /// <summary>A QPV file without geometry whose codes match the project's QPV: their INSEE indicators, joined by code.</summary>
    private static ImportResult JoinQpvIndicators(string project, string path, CancellationToken ct)
    {
        using var store = GeoPackageProjectStore.Open(project);
        return QpvIndicators.Join(path, store.ReadDistricts(), store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93, ct);
    }

    internal static LayerKind ParseKind(string value) => value switch
    {
        "estates" => LayerKind.Estates,
        "agencies" => LayerKind.Agencies,
        "communes" => LayerKind.Communes,
        "qpv" => LayerKind.Qpv,
        _ => throw new CliUserException($"--as {value} : attendu estates, agencies, communes ou qpv."),
    };

    private static string DefaultReportPath(string project, LayerKind kind)
    {
        var dir = Path.GetDirectoryName(project) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(project);
        return Path.Combine(dir, $"{stem}.import-{kind.ToString().ToLowerInvariant()}.csv");
    }
}
