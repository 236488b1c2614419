using System.Text;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.IO.Import;
using EsriShapefile = NetTopologySuite.IO.Esri.Shapefile;

namespace Territory.IO.Shapefile;

/// <summary>Reads a Shapefile (.shp + .dbf, optional .shx/.prj/.cpg), loose or inside a .zip.</summary>
/// <remarks>
/// <para>A zip gives up only the chosen layer's files (<see cref="ShapefileZip"/>: safe names, size and
/// ratio limits, folder removed on dispose); with several shapefiles inside, <see cref="ImportOptions.LayerName"/>
/// picks one by name. Before any row, <see cref="ShapefileCheck"/> checks the files against each other:
/// a truncated or inconsistent shapefile is refused as damaged, with the counts.</para>
/// <para>The CRS comes from the .prj (<see cref="CrsIdentifier.FromWkt"/>); the attribute encoding from the
/// .cpg, else the .dbf's language driver byte, else UTF-8 or Windows-1252 by content (<see cref="DbfEncodings"/>).</para>
/// </remarks>
internal sealed class ShapefileSourceLayer : ISourceLayer
{
    private const int SmallFileLimit = 64 * 1024;

    private readonly ShapefileReader _reader;
    private readonly ShapefileZip? _zip;
    private readonly long _records;
    private long _read;

    public ShapefileSourceLayer(string path, string? layerName)
    {
        FileName = Path.GetFileName(path);
        var shp = path;
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            _zip = ShapefileZip.Extract(path, FileName, layerName);
            shp = _zip.ShpPath;
        }
        try
        {
            var dbf = Sibling(shp, ".dbf")
                ?? throw new ImportException(Message.Of("shapefile_dbf_missing", ("file", FileName), ("shp", _zip?.EntryName ?? Path.GetFileName(shp))));
            _records = ShapefileCheck.Run(shp, Sibling(shp, ".shx"), dbf, FileName).Shp;
            if (Sibling(shp, ".prj") is { } prj)
            {
                var wkt = ReadSmall(prj);
                DeclaredCrs = CrsIdentifier.FromWkt(wkt);
                if (DeclaredCrs is null)
                    CrsProblem = Message.Of("shapefile_prj_unknown", ("file", FileName), ("wkt", Shorten(wkt)));
            }
            var encoding = ChooseEncoding(shp, dbf);
            try
            {
                _reader = EsriShapefile.OpenRead(shp, new ShapefileReaderOptions { Encoding = encoding });
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException)
            {
                throw new ImportException(Message.Of("shapefile_unreadable", ("file", FileName)), e);
            }
            Columns = [.. _reader.Fields.Select(f => f.Name)];
        }
        catch
        {
            _zip?.Dispose();
            throw;
        }
    }

    public string FileName { get; }
    public IReadOnlyList<string> Columns { get; }
    public int? DeclaredCrs { get; }
    public Message? CrsProblem { get; }
    public bool HasNativeGeometry => true;

    /// <inheritdoc />
    public double ReadFraction => _records == 0 ? 1 : (double)_read / _records;

    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        var record = new FeatureRecord();
        long row = 0;
        while (ReadNext(out var deleted))
        {
            ct.ThrowIfCancellationRequested();
            _read++;
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
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or IndexOutOfRangeException or NotSupportedException
                                      or FormatException or OverflowException or InvalidOperationException)
        {
            throw new ImportException(Message.Of("shapefile_damaged_at", ("file", FileName), ("record", _read + 1), ("records", _records)), e);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _zip?.Dispose();
    }

    private Encoding ChooseEncoding(string shp, string dbf)
    {
        if (Sibling(shp, ".cpg") is { } cpg)
        {
            var name = ReadSmall(cpg);
            return DbfEncodings.FromCpg(name)
                ?? throw new ImportException(Message.Of("shapefile_cpg_unknown", ("file", FileName), ("name", Shorten(name.Trim()))));
        }
        return DbfEncodings.FromDriver(DbfEncodings.DriverOf(dbf)) ?? DbfEncodings.Guess(dbf);
    }

    private static string? Sibling(string shp, string extension)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(shp))!;
        var stem = Path.GetFileNameWithoutExtension(shp);
        return Directory.EnumerateFiles(dir, stem + ".*")
            .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(stem, StringComparison.Ordinal)
                && Path.GetExtension(f).Equals(extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A .prj or .cpg: a few hundred bytes; anything beyond 64 KB is not one and is not read.</summary>
    private static string ReadSmall(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var buffer = new byte[(int)Math.Min(file.Length, SmallFileLimit)];
        file.ReadExactly(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer);
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
