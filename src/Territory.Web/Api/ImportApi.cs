using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// Imports from the map: <c>POST /api/import/preview</c> reads and validates a file without writing and says
/// what would change; <c>POST /api/import/commit</c> writes what was previewed (a compare-and-swap on the
/// version the preview was made at); <c>POST /api/import</c> does both at once; <c>POST /api/import/undo</c>
/// puts a layer back as it was before its last import. The default is to replace the layer, like the CLI;
/// a replacement under half the layer's size needs <c>confirm=shrink</c>.
/// </summary>
/// <remarks>The upload is stored under a name the server derives from the user's (letters, digits, <c>-_.</c>) in a directory it creates and always removes.</remarks>
public static class ImportApi
{
    private const int IssuesShown = 500;
    private static readonly string KindList = string.Join(", ", LayerKinds.All.Select(k => k.Code()));
    private static readonly string[] Extensions = [".geojson", ".json", ".zip", ".gpkg", ".csv", ".txt", ".xlsx", ".xls", ".shp"];

    public static void MapImportApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/import").WithTags("Import").DisableAntiforgery();
        group.MapPost("/", Import).WithName("Import");
        group.MapPost("/preview", Preview).WithName("PreviewImport");
        group.MapPost("/commit", Commit).WithName("CommitImport");
        group.MapPost("/undo", Undo).WithName("UndoImport");
    }

    private static async Task<IResult> Import(HttpContext http, string? kind, string? mode, string? layer, string? crs, string? confirm,
        ProjectSession session, WebOptions options, CancellationToken ct)
    {
        var (error, layerKind, append, shrink) = Parse(http, kind, mode, confirm);
        if (error is not null)
            return error;
        var seen = VersionHeader.Seen(http.Request);
        return await WithUpload(http, options, ct, async (path, name) =>
        {
            var (result, outcome) = await session.ImportAsync(path, new ImportRequest(layerKind, name, append, shrink, layer, crs, seen), ct);
            return TypedResults.Ok(Report(result, outcome, session, RequestLang.Of(http)));
        });
    }

    private static async Task<IResult> Preview(HttpContext http, string? kind, string? mode, string? layer, string? crs,
        ProjectSession session, WebOptions options, CancellationToken ct)
    {
        var (error, layerKind, append, _) = Parse(http, kind, mode, null);
        if (error is not null)
            return error;
        return await WithUpload(http, options, ct, async (path, name) =>
        {
            var p = await session.PreviewImportAsync(path, new ImportRequest(layerKind, name, append, false, layer, crs, null), ct);
            var r = p.Result;
            var lang = RequestLang.Of(http);
            return TypedResults.Ok(new ImportPreviewInfo(p.Token, p.DataVersion, name, layerKind.Code(), p.Append ? "append" : "replace", r.SourceCrs,
                r.Read, r.Accepted, r.Rejected, r.Repaired, Warnings(r), p.CountBefore, p.CountAfter, p.DuplicatesSkipped, p.ExtentBefore, p.ExtentAfter,
                p.NeedsConfirmation, p.Refusal?.Code, p.Refusal?.Render(lang), Issues(r, lang), r.Issues.Count, Mapping(r)));
        });
    }

    private static async Task<IResult> Commit(HttpContext http, string? token, string? confirm, ProjectSession session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
            return Problems.Of(http, StatusCodes.Status400BadRequest, "import_token_missing");
        if (confirm is not (null or "shrink"))
            return Problems.Of(http, StatusCodes.Status400BadRequest, "import_confirm_invalid", ("value", confirm));
        var (result, outcome) = await session.CommitPreviewAsync(token, confirm == "shrink", ct);
        return TypedResults.Ok(Report(result, outcome, session, RequestLang.Of(http)));
    }

    private static async Task<IResult> Undo(HttpContext http, string? kind, ProjectSession session, CancellationToken ct)
    {
        if (!LayerKinds.TryParse(kind ?? "", out var layerKind))
            return Problems.Of(http, StatusCodes.Status400BadRequest, "import_kind_invalid", ("value", kind ?? ""), ("expected", KindList));
        var outcome = await session.UndoImportAsync(layerKind, VersionHeader.Seen(http.Request), ct);
        return TypedResults.Ok(new UndoReport(layerKind.Code(), outcome.CountBefore, outcome.CountAfter, outcome.DataVersion, session.Current.Version));
    }

    private static (IResult? Error, LayerKind Kind, bool Append, bool AllowShrink) Parse(HttpContext http, string? kind, string? mode, string? confirm)
    {
        if (!LayerKinds.TryParse(kind ?? "", out var layerKind))
            return (Problems.Of(http, StatusCodes.Status400BadRequest, "import_kind_invalid", ("value", kind ?? ""), ("expected", KindList)), default, false, false);
        if (mode is not (null or "append" or "replace"))
            return (Problems.Of(http, StatusCodes.Status400BadRequest, "import_mode_invalid", ("value", mode)), default, false, false);
        if (confirm is not (null or "shrink"))
            return (Problems.Of(http, StatusCodes.Status400BadRequest, "import_confirm_invalid", ("value", confirm)), default, false, false);
        return (null, layerKind, mode == "append", confirm == "shrink");
    }

    /// <summary>Receives the multipart upload into a directory of its own, runs <paramref name="use"/>, and always removes the directory.</summary>
    private static async Task<IResult> WithUpload(HttpContext http, WebOptions options, CancellationToken ct, Func<string, string, Task<IResult>> use)
    {
        var request = http.Request;
        if (request.ContentLength > options.MaxUploadBytes + 64 * 1024)
            return TooLarge(http, options);
        if (!request.HasFormContentType)
            return Problems.Of(http, StatusCodes.Status415UnsupportedMediaType, "import_not_multipart", ("field", "file"));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own limit (MultipartBodyLengthLimit).
            return TooLarge(http, options);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(http, options);
        }
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
            return Problems.Of(http, StatusCodes.Status400BadRequest, "import_no_file", ("field", "file"));
        var displayName = UploadNames.DisplayName(file.FileName);
        var extension = Path.GetExtension(displayName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            return Problems.Of(http, StatusCodes.Status415UnsupportedMediaType, "import_format_unsupported", ("file", displayName));
        var directory = Directory.CreateTempSubdirectory("territory-upload-");
        try
        {
            var stored = Path.Combine(directory.FullName, UploadNames.Safe(displayName));
            await using (var target = new FileStream(stored, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await file.CopyToAsync(target, ct);
            return await use(stored, displayName);
        }
        finally
        {
            try { directory.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static ImportReport Report(ImportResult result, LayerWriteOutcome outcome, ProjectSession session, Lang lang) =>
        new(Path.GetFileName(result.SourcePath), result.Kind.Code(), outcome.Table, result.SourceCrs, result.Read, result.Accepted, result.Rejected,
            result.Repaired, Warnings(result), outcome.Written, outcome.Mode.ToString().ToLowerInvariant(), outcome.DuplicatesSkipped, Issues(result, lang),
            result.Issues.Count, Mapping(result), session.Current.Version)
        {
            DataVersion = outcome.DataVersion,
            CountBefore = outcome.CountBefore,
            CountAfter = outcome.CountAfter,
        };

    private static int Warnings(ImportResult r) => r.Issues.Count(i => i.Severity == ImportIssueSeverity.Warning);

    // Each issue with its stable code and its reason in the request's language.
    private static List<IssueInfo> Issues(ImportResult r, Lang lang) =>
        r.Issues.Take(IssuesShown).Select(i => new IssueInfo(i.Row, i.Field, i.Render(lang), Severity(i.Severity)) { Code = i.Code }).ToList();

    private static List<MappingInfo> Mapping(ImportResult r) => r.Mapping.Select(m => new MappingInfo(m.Key, m.Value)).ToList();

    private static string Severity(ImportIssueSeverity s) => s switch
    {
        ImportIssueSeverity.Rejected => "rejected",
        ImportIssueSeverity.Repaired => "repaired",
        _ => "warning",
    };

    private static IResult TooLarge(HttpContext http, WebOptions options) =>
        Problems.Of(http, StatusCodes.Status413PayloadTooLarge, "import_too_large", ("mb", options.MaxUploadBytes / (1024 * 1024)));
}

public sealed record IssueInfo(long Row, string? Field, string Reason, string Severity)
{
    /// <summary>Stable code of the reason (<c>dwellings_not_positive</c>…).</summary>
    public string? Code { get; init; }
}

public sealed record MappingInfo(string Target, string Source);

public sealed record ImportReport(string File, string Kind, string Layer, int Crs, int Read, int Accepted, int Rejected, int Repaired, int Warnings,
    long Written, string Mode, int DuplicatesSkipped, IReadOnlyList<IssueInfo> Issues, int IssuesTotal, IReadOnlyList<MappingInfo> Mapping, int Version)
{
    /// <summary>The project's data version after the import (send it back to undo it).</summary>
    public long DataVersion { get; init; }

    /// <summary>Features in the layer before the import.</summary>
    public long CountBefore { get; init; }

    /// <summary>Features in the layer after the import.</summary>
    public long CountAfter { get; init; }
}

/// <summary>What an import would change, before anything is written.</summary>
public sealed record ImportPreviewInfo(string Token, long DataVersion, string File, string Kind, string Mode, int Crs, int Read, int Accepted,
    int Rejected, int Repaired, int Warnings, long CountBefore, long CountAfter, int DuplicatesSkipped, double[]? ExtentBefore, double[]? ExtentAfter,
    bool NeedsConfirmation, string? RefusalCode, string? Refusal, IReadOnlyList<IssueInfo> Issues, int IssuesTotal, IReadOnlyList<MappingInfo> Mapping);

/// <summary>An undone import: the layer's size before and after, and the versions.</summary>
public sealed record UndoReport(string Kind, long CountBefore, long CountAfter, long DataVersion, int Version);
