using Territory.IO.Export;
using Territory.IO.Reports;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>Downloads of the current analysis: GeoPackage (QGIS styles), CSV for Excel, GeoJSON, HTML report.</summary>
public static class ExportApi
{
    public static void MapExportApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/export").WithTags("Exports");
        // Field and layer names in French unless ?fieldNames=en; the report in the request's language.
        group.MapGet("/geopackage", (ProjectSession session, string? fieldNames, CancellationToken ct) =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"territory-export-{Guid.NewGuid():N}.gpkg");
            try
            {
                AnalysisGeoPackageExporter.Write(session.Current.Analysis, path, ct, ExportFieldNames.Parse(fieldNames));
                return TypedResults.File(System.IO.File.ReadAllBytes(path), "application/geopackage+sqlite3", Name(session, "territoires", ".gpkg"));
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }).WithName("ExportGeoPackage");
        group.MapGet("/csv", (ProjectSession session, string? fieldNames) => Download(session, "territoires", ".csv", "text/csv; charset=utf-8",
            (r, s) => AnalysisExports.WriteCsv(r, s, ExportFieldNames.Parse(fieldNames)))).WithName("ExportCsv");
        group.MapGet("/geojson", (ProjectSession session, string? fieldNames) => Download(session, "territoires", ".geojson", "application/geo+json",
            (r, s) => AnalysisExports.WriteGeoJson(r, s, ExportFieldNames.Parse(fieldNames)))).WithName("ExportGeoJson");
        group.MapGet("/report", (ProjectSession session, HttpContext context) => Download(session, "rapport", ".html", "text/html; charset=utf-8",
            (r, s) =>
            {
                using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
                writer.Write(AnalysisHtmlReport.Render(r, null, Hosting.RequestLang.Of(context)));
            })).WithName("ExportReport");
    }

    private static IResult Download(ProjectSession session, string stem, string extension, string contentType, Action<Territory.Core.Analysis.AnalysisResult, Stream> write)
    {
        var buffer = new MemoryStream();
        write(session.Current.Analysis, buffer);
        return TypedResults.File(buffer.ToArray(), contentType, Name(session, stem, extension));
    }

    private static string Name(ProjectSession session, string stem, string extension) =>
        session.Changes.Count > 0 ? $"{stem}-scenario{extension}" : stem + extension;
}
