using System.IO.Compression;
using System.Text;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using Territory.Core.Crs;
using Territory.IO.Import;
using EsriShapefile = NetTopologySuite.IO.Esri.Shapefile;

namespace Territory.IO.Shapefile;

/// <summary>Reads a Shapefile (.shp + .dbf, optional .shx/.prj/.cpg), loose or inside a .zip.</summary>
/// <remarks>
/// A zip is extracted to a temporary folder deleted on dispose; with several shapefiles inside,
/// <see cref="ImportOptions.LayerName"/> picks one by file name. The CRS comes from the .prj
/// (<see cref="CrsIdentifier.FromWkt"/>); the .cpg names the attribute encoding (default: what
/// the DBF reader decides).
/// </remarks>
internal sealed class ShapefileSourceLayer : ISourceLayer
{
    private readonly ShapefileReader _reader;
    private readonly string? _tempDir;

    public ShapefileSourceLayer(string path, string? layerName)
    {
        FileName = Path.GetFileName(path);
        var shp = path;
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            _tempDir = Path.Combine(Path.GetTempPath(), "territory-import-" + Guid.NewGuid().ToString("N"));
            try
            {
                ZipFile.ExtractToDirectory(path, _tempDir);
            }
            catch (InvalidDataException e)
            {
                Cleanup();
                throw new ImportException($"{FileName}: not a readable zip archive ({e.Message}).", e);
            }
            shp = PickShp(Directory.GetFiles(_tempDir, "*.shp", SearchOption.AllDirectories), layerName);
        }
        var dbf = Sibling(shp, ".dbf");
        if (dbf is null)
        {
            Cleanup();
            throw new ImportException($"{FileName}: the .dbf file next to {Path.GetFileName(shp)} is missing (a shapefile needs .shp and .dbf).");
        }
        var prj = Sibling(shp, ".prj");
        if (prj is not null)
        {
            var wkt = File.ReadAllText(prj);
            DeclaredCrs = CrsIdentifier.FromWkt(wkt);
            if (DeclaredCrs is null)
                CrsProblem = $"{FileName}: the .prj describes a CRS Territory does not recognise ({Shorten(wkt)}); give it with --crs EPSG:n.";
        }
        try
        {
            _reader = EsriShapefile.OpenRead(shp, new ShapefileReaderOptions { Encoding = ReadCpg(Sibling(shp, ".cpg")) });
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException or FileNotFoundException)
        {
            Cleanup();
            throw new ImportException($"{FileName}: not a readable shapefile ({e.Message}).", e);
        }
        Columns = [.. _reader.Fields.Select(f => f.Name)];
    }

    public string FileName { get; }
    public IReadOnlyList<string> Columns { get; }
    public int? DeclaredCrs { get; }
    public string? CrsProblem { get; }
    public bool HasNativeGeometry => true;

    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        var record = new FeatureRecord();
        long row = 0;
        while (ReadNext(out var deleted))
        {
            ct.ThrowIfCancellationRequested();
            if (deleted)
                continue;
            row++;
            var values = new object?[_reader.Fields.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = _reader.Fields[i].Value;
            record.Set(row, _reader.Geometry, values);
            yield return record;
        }
    }

    private bool ReadNext(out bool deleted)
    {
        try
        {
            return _reader.Read(out deleted);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or IndexOutOfRangeException or NotSupportedException)
        {
            throw new ImportException($"{FileName}: the shapefile is damaged ({e.Message}).", e);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        Cleanup();
    }

    private string PickShp(string[] shps, string? layerName)
    {
        if (shps.Length == 0)
        {
            Cleanup();
            throw new ImportException($"{FileName}: the zip contains no shapefile (.shp).");
        }
        if (layerName is not null)
        {
            var hit = shps.FirstOrDefault(s => Path.GetFileNameWithoutExtension(s).Equals(layerName, StringComparison.OrdinalIgnoreCase));
            if (hit is not null)
                return hit;
        }
        if (shps.Length == 1 && layerName is null)
            return shps[0];
        var names = string.Join(", ", shps.Select(Path.GetFileNameWithoutExtension));
        Cleanup();
        throw new ImportException(layerName is null
            ? $"{FileName}: the zip holds several shapefiles ({names}); choose one with --layer."
            : $"{FileName}: no shapefile named '{layerName}' in the zip; it holds: {names}.")
        {
            Layers = shps.Select(s => Path.GetFileNameWithoutExtension(s)!).ToList(),
        };
    }

    private static string? Sibling(string shp, string extension)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(shp))!;
        var stem = Path.GetFileNameWithoutExtension(shp);
        return Directory.EnumerateFiles(dir, stem + ".*")
            .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(stem, StringComparison.Ordinal)
                && Path.GetExtension(f).Equals(extension, StringComparison.OrdinalIgnoreCase));
    }

    private static Encoding? ReadCpg(string? cpg)
    {
        if (cpg is null)
            return null;
        var name = File.ReadAllText(cpg).Trim().ToUpperInvariant();
        if (name.Contains("UTF", StringComparison.Ordinal) && name.Contains('8', StringComparison.Ordinal))
            return new UTF8Encoding(false);
        if (name.Contains("1252", StringComparison.Ordinal))
            return Csv.CsvFormat.Windows1252;
        if (name.Contains("8859", StringComparison.Ordinal))
            return Encoding.Latin1;
        return null;
    }

    private void Cleanup()
    {
        if (_tempDir is not null && Directory.Exists(_tempDir))
            Directory.Delete(_tempDir, recursive: true);
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
