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
        group.MapGet("/geopackage", (ProjectSession session, CancellationToken ct) =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"territory-export-{Guid.NewGuid():N}.gpkg");
            try
            {
                AnalysisGeoPackageExporter.Write(session.Current.Analysis, path, ct);
                return TypedResults.File(System.IO.File.ReadAllBytes(path), "application/geopackage+sqlite3", Name(session, "territoires", ".gpkg"));
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }).WithName("ExportGeoPackage");
        group.MapGet("/csv", (ProjectSession session) => Download(session, "territoires", ".csv", "text/csv; charset=utf-8",
            (r, s) => AnalysisCsvExporter.Write(r, s))).WithName("ExportCsv");
        group.MapGet("/geojson", (ProjectSession session) => Download(session, "territoires", ".geojson", "application/geo+json",
            (r, s) => AnalysisGeoJsonExporter.Write(r, s))).WithName("ExportGeoJson");
        group.MapGet("/report", (ProjectSession session) => Download(session, "rapport", ".html", "text/html; charset=utf-8",
            (r, s) =>
            {
                using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
                writer.Write(AnalysisHtmlReport.Render(r));
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
