using Territory.IO.Csv;
using Territory.IO.GeoJson;
using Territory.IO.GeoPackage;
using Territory.IO.Shapefile;
using Territory.IO.Spreadsheet;

namespace Territory.IO.Import;

/// <summary>Opens the reader that fits a file's extension, or a registered reader for a location that is not a file.</summary>
internal static class SourceLayers
{
    public static readonly string[] Extensions = [".geojson", ".json", ".csv", ".txt", ".tsv", ".xlsx", ".xls", ".shp", ".zip", ".gpkg"];

    // Readers of sources that are not files (a PostGIS table: postgresql://…?table=SCHEMA.TABLE), registered
    // by the assemblies that own them (IO cannot reference a database driver).
    private static readonly List<(Func<string, bool> Accepts, Func<string, string?, ISourceLayer> Open)> Registered = [];

    /// <summary>Registers a reader for locations <paramref name="accepts"/> recognises (called once at start).</summary>
    public static void Register(Func<string, bool> accepts, Func<string, string?, ISourceLayer> open)
    {
        lock (Registered)
            Registered.Add((accepts, open));
    }

    /// <summary>True when a registered reader takes this location (it is then not checked as a file).</summary>
    public static bool IsRegistered(string location)
    {
        lock (Registered)
            return Registered.Any(r => r.Accepts(location));
    }

    public static ISourceLayer Open(string path, string? layerName)
    {
        lock (Registered)
        {
            foreach (var (accepts, open) in Registered)
                if (accepts(path))
                    return open(path, layerName);
        }
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".geojson" or ".json" => new GeoJsonSourceLayer(path),
            ".csv" or ".txt" or ".tsv" => new CsvSourceLayer(path),
            ".xlsx" or ".xls" => new XlsxSourceLayer(path, layerName),
            ".shp" or ".zip" => new ShapefileSourceLayer(path, layerName),
            ".gpkg" => new GeoPackageLayerReader(path, layerName),
            _ => throw new ImportException(Core.Messages.Message.Of("import_unsupported_type", ("file", Path.GetFileName(path)), ("ext", ext),
                ("supported", string.Join(", ", Extensions)))),
        };
    }
}
