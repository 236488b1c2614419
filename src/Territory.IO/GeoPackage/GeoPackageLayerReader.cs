using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Crs;
using Territory.Core.Messages;
using SQLitePCL;
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

    /// <remarks>
    /// The statement is stepped through SQLite's own API (as <see cref="RawStatement"/> writes) and each row's attributes
    /// are read from it when the mapping asks for them (<see cref="GeoPackageRecord"/>: by storage class, as
    /// <see cref="SqliteDataReader.GetValue"/> gives them, without the data reader's checks around every column); point
    /// blobs are decoded by <see cref="GeoPackageBlob"/> (the rest by NetTopologySuite).
    /// </remarks>
    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        var blobs = new GeoPackageBlob();
        var sql = $"SELECT {Quote(_geometryColumn)}{string.Concat(Columns.Select(c => ", " + Quote(c)))} FROM {Quote(_table)}";
        var db = _connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            throw Damaged(Failure(db, rc), 1);
        }
        using (statement)
        {
            // The handle stays valid while the rows are read: its values are read from it without a reference taken per value.
            var held = false;
            statement.DangerousAddRef(ref held);
            try
            {
                var handle = statement.DangerousGetHandle();
                var record = new GeoPackageRecord(Columns.Count);
                long row = 0;
                while (Next(db, statement, row + 1))
                {
                    ct.ThrowIfCancellationRequested();
                    row++;
                    if (ReadPoint(handle, out var x, out var y, out var srid))
                        record.SetPoint(handle, row, x, y, srid);
                    else
                        record.Set(handle, row, ReadGeometry(handle, blobs, out var error), error);
                    yield return record;
                }
            }
            finally
            {
                if (held)
                    statement.DangerousRelease();
            }
        }
    }

    /// <summary>The row's geometry when it is a plain XY point (most rows of a patrimony), without making the point.</summary>
    private bool ReadPoint(nint statement, out double x, out double y, out int srid)
    {
        (x, y, srid) = (double.NaN, double.NaN, 0);
        if (SqliteColumns.Type(statement, 0) != raw.SQLITE_BLOB || !GeoPackageBlob.TryReadPoint(SqliteColumns.BlobOf(statement, 0), out x, out y, out srid))
            return false;
        if (DeclaredCrs is null && srid > 0 && CrsRegistry.IsKnown(srid))
        {
            DeclaredCrs = srid;
            CrsProblem = null;
        }
        return true;
    }

    /// <summary>The row's geometry; a damaged blob is the row's error, not the file's.</summary>
    private Geometry? ReadGeometry(nint statement, GeoPackageBlob blobs, out string? error)
    {
        error = null;
        var type = SqliteColumns.Type(statement, 0);
        if (type == raw.SQLITE_NULL)
            return null;
        try
        {
            if (type != raw.SQLITE_BLOB)
                throw new InvalidCastException("A geometry is a blob.");
            var g = blobs.Read(SqliteColumns.BlobOf(statement, 0));
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

    private bool Next(sqlite3 db, sqlite3_stmt statement, long row)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
            return true;
        if (rc == raw.SQLITE_DONE)
            return false;
        throw Damaged(Failure(db, rc), row);
    }

    private static SqliteException Failure(sqlite3 db, int rc) => new(raw.sqlite3_errmsg(db).utf8_to_string(), rc);

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
