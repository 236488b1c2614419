using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.GeoPackage;

/// <summary>Reads one feature table of a foreign GeoPackage as an import source.</summary>
/// <remarks>
/// The layer comes from <see cref="ImportOptions.LayerName"/>, or is the only feature table.
/// The CRS is read from <c>gpkg_spatial_ref_sys</c> (organisation EPSG, else the WKT definition),
/// falling back to the SRID of the geometry blobs.
/// </remarks>
internal sealed class GeoPackageLayerReader : ISourceLayer
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private readonly SqliteConnection _connection;
    private readonly string _table;
    private readonly string _geometryColumn;

    public GeoPackageLayerReader(string path, string? layerName)
    {
        FileName = Path.GetFileName(path);
        var head = new byte[16];
        using (var f = File.OpenRead(path))
        {
            if (f.Read(head, 0, 16) < 16 || !head.AsSpan().SequenceEqual(SqliteMagic))
                throw new ImportException(Message.Of("gpkg_not_sqlite", ("file", FileName)));
        }
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            var layers = Query("SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name",
                r => (Table: r.GetString(0), Column: r.GetString(1), Srs: r.GetInt32(2)));
            if (layers.Count == 0)
                throw new ImportException(Message.Of("gpkg_no_layer", ("file", FileName)));
            var names = string.Join(", ", layers.Select(l => l.Table));
            var layer = layerName is null
                ? layers.Count == 1 ? layers[0] : throw new ImportException(Message.Of("gpkg_several_layers", ("file", FileName), ("names", names), ("option", "--layer")))
                {
                    Layers = layers.ConvertAll(l => l.Table),
                }
                : layers.FirstOrDefault(l => l.Table.Equals(layerName, StringComparison.OrdinalIgnoreCase));
            if (layer.Table is null)
                throw new ImportException(Message.Of("gpkg_layer_not_found", ("file", FileName), ("layer", layerName), ("names", names))) { Layers = layers.ConvertAll(l => l.Table) };
            (_table, _geometryColumn) = (layer.Table, layer.Column);
            Columns = Query($"PRAGMA table_info({Quote(_table)})", r => r.GetString(1))
                .Where(c => !c.Equals(_geometryColumn, StringComparison.OrdinalIgnoreCase)).ToList();
            ReadCrs(layer.Srs);
        }
        catch (Exception e) when (e is SqliteException or InvalidCastException or FormatException or OverflowException)
        {
            // Damaged pages, missing gpkg_* tables, values of the wrong type: the file is not a GeoPackage we can read.
            _connection.Dispose();
            throw new ImportException(Message.Of("gpkg_unreadable", ("file", FileName)), e);
        }
        catch (ImportException)
        {
            _connection.Dispose();
            throw;
        }
    }

    public string FileName { get; }
    public IReadOnlyList<string> Columns { get; } = [];
    public int? DeclaredCrs { get; private set; }
    public Message? CrsProblem { get; private set; }
    public bool HasNativeGeometry => true;

    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        var geoReader = new GeoPackageGeoReader { HandleSRID = true };
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {Quote(_geometryColumn)}{string.Concat(Columns.Select(c => ", " + Quote(c)))} FROM {Quote(_table)}";
        SqliteDataReader r;
        try
        {
            r = cmd.ExecuteReader();
        }
        catch (SqliteException e)
        {
            throw Damaged(e, 1);
        }
        using (r)
        {
            var record = new FeatureRecord();
            long row = 0;
            while (Next(r, row + 1))
            {
                ct.ThrowIfCancellationRequested();
                row++;
                var g = ReadGeometry(r, geoReader, out var error);
                var values = new object?[Columns.Count];
                for (var i = 0; i < values.Length; i++)
                    values[i] = r.IsDBNull(i + 1) ? null : r.GetValue(i + 1);
                record.Set(row, g, values, error);
                yield return record;
            }
        }
    }

    /// <summary>The row's geometry; a damaged blob is the row's error, not the file's.</summary>
    private Geometry? ReadGeometry(SqliteDataReader r, GeoPackageGeoReader geoReader, out string? error)
    {
        error = null;
        if (r.IsDBNull(0))
            return null;
        try
        {
            var g = geoReader.Read((byte[])r.GetValue(0));
            if (DeclaredCrs is null && g.SRID > 0 && CrsRegistry.IsKnown(g.SRID))
            {
                DeclaredCrs = g.SRID;
                CrsProblem = null;
            }
            return g;
        }
        catch (Exception e) when (e is ParseException or ArgumentException or InvalidCastException or IndexOutOfRangeException or EndOfStreamException
                                      or InvalidOperationException or NotSupportedException or OverflowException or FormatException)
        {
            error = Catalogue.Text(Lang.Fr, "gpkg_geometry_unreadable");
            return null;
        }
    }

    private bool Next(SqliteDataReader r, long row)
    {
        try
        {
            return r.Read();
        }
        catch (SqliteException e)
        {
            throw Damaged(e, row);
        }
    }

    private ImportException Damaged(SqliteException e, long row) => new(Message.Of("gpkg_damaged", ("file", FileName), ("row", row)), e);

    public void Dispose() => _connection.Dispose();

    private void ReadCrs(int srsId)
    {
        var def = Query($"SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = {srsId}",
            r => (Org: r.IsDBNull(0) ? "" : r.GetString(0), Code: r.IsDBNull(1) ? 0 : r.GetInt32(1), Wkt: r.IsDBNull(2) ? "" : r.GetString(2))).FirstOrDefault();
        if (def.Org is not null && def.Org.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && CrsRegistry.IsKnown(def.Code))
            DeclaredCrs = def.Code;
        else if (CrsIdentifier.FromWkt(def.Wkt) is { } fromWkt)
            DeclaredCrs = fromWkt;
        else if (CrsRegistry.IsKnown(srsId))
            DeclaredCrs = srsId;
        else
            CrsProblem = Message.Of("gpkg_crs_unknown", ("file", FileName), ("layer", _table), ("srs", $"{def.Org}:{def.Code}"));
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
            list.Add(map(r));
        return list;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
