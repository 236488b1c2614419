using Microsoft.AspNetCore.Http.Features;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// <c>POST /api/import</c> (drag and drop): one file into one layer, with the row-by-row report.
/// The upload is stored under a name the server picks; the client's name only gives the extension.
/// </summary>
public static class ImportApi
{
    private const int IssuesShown = 500;
    private static readonly string[] Extensions = [".geojson", ".json", ".zip", ".gpkg", ".csv", ".txt", ".shp"];

    public static void MapImportApi(this WebApplication app)
    {
        app.MapPost("/api/import", Import).WithName("Import").WithTags("Import").DisableAntiforgery();
    }

    private static async Task<IResult> Import(HttpRequest request, string? kind, string? mode, string? layer, string? crs,
        ProjectSession session, WebOptions options, CancellationToken ct)
    {
        if (request.ContentLength > options.MaxUploadBytes + 64 * 1024)
            return TooLarge(options);
        var layerKind = kind switch
        {
            "estates" => LayerKind.Estates,
            "agencies" => LayerKind.Agencies,
            "communes" => LayerKind.Communes,
            "qpv" => LayerKind.Qpv,
            _ => (LayerKind?)null,
        };
        if (layerKind is null)
            return IsochronesApi.Invalid("kind : estates (patrimoine), agencies (agences), communes ou qpv.");
        if (mode is not (null or "append" or "replace"))
            return IsochronesApi.Invalid("mode : append (ajouter) ou replace (remplacer).");
        if (!request.HasFormContentType)
            return IsochronesApi.Invalid("envoyer le fichier en multipart/form-data (champ « file »).");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge(options);
        }
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
            return IsochronesApi.Invalid("aucun fichier reçu (champ « file »).");
        var displayName = Path.GetFileName(file.FileName.Replace('\\', '/'));
        var extension = Path.GetExtension(displayName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            return IsochronesApi.Invalid($"{displayName} : format non pris en charge ; attendu GeoJSON, Shapefile zippé, GeoPackage ou CSV.");
        var directory = Directory.CreateTempSubdirectory("territory-upload-");
        try
        {
            var stored = Path.Combine(directory.FullName, "upload" + extension);
            await using (var target = File.Create(stored))
                await file.CopyToAsync(target, ct);
            var (result, outcome) = await session.ImportAsync(stored, displayName, layerKind.Value, mode == "append", layer, crs, ct);
            var issues = result.Issues.Take(IssuesShown).Select(i => new IssueInfo(i.Row, i.Field, i.Reason, Severity(i.Severity))).ToList();
            return TypedResults.Ok(new ImportReport(displayName, kind!, outcome.Table, result.SourceCrs, result.Read, result.Accepted, result.Rejected,
                result.Repaired, result.Issues.Count(i => i.Severity == ImportIssueSeverity.Warning), outcome.Written, outcome.Mode.ToString().ToLowerInvariant(),
                outcome.DuplicatesSkipped, issues, result.Issues.Count, result.Mapping.Select(m => new MappingInfo(m.Key, m.Value)).ToList(),
                session.Current.Version));
        }
        catch (ImportException e)
        {
            var detail = e.Message.Replace(directory.FullName + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
                .Replace("upload" + extension, displayName, StringComparison.Ordinal)
                .Replace("choose one with --layer", "choisir la couche à importer", StringComparison.Ordinal)
                .Replace("give it with --crs EPSG:n", "indiquer le système de coordonnées (ex. EPSG:2154, EPSG:27572)", StringComparison.Ordinal);
            // A multi-layer source: the layers go with the problem so the dialog can offer them.
            var extensions = e.Layers.Count > 0 ? new Dictionary<string, object?> { ["layers"] = e.Layers } : null;
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Fichier illisible", detail: detail, extensions: extensions);
        }
        finally
        {
            try { directory.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static string Severity(ImportIssueSeverity s) => s switch
    {
        ImportIssueSeverity.Rejected => "rejected",
        ImportIssueSeverity.Repaired => "repaired",
        _ => "warning",
    };

    private static IResult TooLarge(WebOptions options) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Fichier trop volumineux",
        detail: $"La taille maximale d'un import est de {options.MaxUploadBytes / (1024 * 1024)} Mo ; importez les gros fichiers avec « territory import ».");
}

public sealed record IssueInfo(long Row, string? Field, string Reason, string Severity);

public sealed record MappingInfo(string Target, string Source);

public sealed record ImportReport(string File, string Kind, string Layer, int Crs, int Read, int Accepted, int Rejected, int Repaired, int Warnings,
    long Written, string Mode, int DuplicatesSkipped, IReadOnlyList<IssueInfo> Issues, int IssuesTotal, IReadOnlyList<MappingInfo> Mapping, int Version);
