using Territory.IO.Csv;
using Territory.IO.GeoJson;
using Territory.IO.GeoPackage;
using Territory.IO.Shapefile;
using Territory.IO.Spreadsheet;

namespace Territory.IO.Import;

/// <summary>Opens the reader that fits a file's extension.</summary>
internal static class SourceLayers
{
    public static readonly string[] Extensions = [".geojson", ".json", ".csv", ".txt", ".tsv", ".xlsx", ".xls", ".shp", ".zip", ".gpkg"];

    public static ISourceLayer Open(string path, string? layerName)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".geojson" or ".json" => new GeoJsonSourceLayer(path),
            ".csv" or ".txt" or ".tsv" => new CsvSourceLayer(path),
            ".xlsx" or ".xls" => new XlsxSourceLayer(path, layerName),
            ".shp" or ".zip" => new ShapefileSourceLayer(path, layerName),
            ".gpkg" => new GeoPackageLayerReader(path, layerName),
            _ => throw new ImportException($"{Path.GetFileName(path)}: unsupported file type '{ext}'; supported: {string.Join(", ", Extensions)}."),
        };
    }
}
