using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.IO.Layers;

namespace Territory.IO.GeoPackage;

/// <summary>An OGC GeoPackage file opened for writing and reading tables (exports, and the base of the project store).</summary>
/// <remarks>
/// Creates the mandatory <c>gpkg_*</c> tables when the file is new. Every <c>WriteLayer</c>
/// is one SQLite transaction. One instance per file and per thread; the file stays open until disposed.
/// </remarks>
public sealed class GeoPackageFile : ILayerSink, IDisposable
{
    private GeoPackageFile(string path, SqliteConnection connection)
    {
        Path = path;
        Connection = connection;
    }

    /// <summary>
    /// How long a statement waits for another program's lock on the file (SQLite busy) before giving up
    /// with a reason; 30 s by default (Microsoft.Data.Sqlite's). Applies to files opened afterwards.
    /// </summary>
    public static TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SQLite's page cache of an open file, KiB (a streamed import lowers it for its transaction).</summary>
    public const int PageCacheKiB = 131072;

    /// <summary>Path of the file.</summary>
    public string Path { get; }

    /// <summary>The open connection, for stores that add their own tables to the file.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Opens a GeoPackage, creating it with its core tables when missing.</summary>
    /// <exception cref="InvalidDataException">The file is an SQLite database but not a GeoPackage.</exception>
    public static GeoPackageFile Open(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // A large page cache keeps a million-row write from spilling mid-transaction.
            GeoPackageSchema.Execute(connection, null, $"PRAGMA cache_size = -{PageCacheKiB}; PRAGMA temp_store = MEMORY;");
            GeoPackageBlob.RegisterSqlFunctions(connection);
            if (!GeoPackageSchema.TableExists(connection, null, "gpkg_contents"))
            {
                if (GeoPackageSchema.Count(connection, null, "sqlite_master") > 0)
                    throw new InvalidDataException($"{path} is an SQLite database but not a GeoPackage.");
                using var tx = connection.BeginTransaction();
                GeoPackageSchema.EnsureCore(connection, tx);
                tx.Commit();
            }
            return new GeoPackageFile(path, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public long WriteLayer(LayerDefinition layer, bool append, Action<ILayerWriter> fill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(fill);
        using var tx = Connection.BeginTransaction();
        var written = WriteLayer(tx, layer, append, fill, ct);
        tx.Commit();
        return written;
    }

    /// <summary>Writes a table inside the caller's transaction.</summary>
    public long WriteLayer(SqliteTransaction tx, LayerDefinition layer, bool append, Action<ILayerWriter> fill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fill);
        using var writer = GeoPackageLayerWriter.Open(Connection, tx, layer, append, ct);
        fill(writer);
        writer.Complete();
        return writer.Written;
    }

    /// <inheritdoc />
    public bool HasLayer(string table)
    {
        using var check = GeoPackageSchema.Command(Connection, null, "SELECT count(*) FROM gpkg_contents WHERE table_name = $t");
        check.Parameters.AddWithValue("$t", table);
        return Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <inheritdoc />
    public List<StoredFeature> ReadFeatures(string table)
    {
        if (!HasLayer(table))
            throw new ArgumentException($"No table {table} in {Path}.", nameof(table));
        var rows = new List<StoredFeature>();
        var blob = new GeoPackageBlob();
        using var cmd = GeoPackageSchema.Command(Connection, null, $"SELECT * FROM {GeoPackageSchema.Quote(table)} ORDER BY fid");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var row = new Dictionary<string, object?>(r.FieldCount, StringComparer.Ordinal);
            NetTopologySuite.Geometries.Geometry? geometry = null;
            for (var i = 0; i < r.FieldCount; i++)
            {
                var name = r.GetName(i);
                if (name == LayerDefinition.GeometryColumn)
                    geometry = r.IsDBNull(i) ? null : blob.Read((byte[])r.GetValue(i));
                else if (name != "fid")
                    row[name] = r.IsDBNull(i) ? null : r.GetValue(i);
            }
            rows.Add(new StoredFeature(geometry, row));
        }
        return rows;
    }

    /// <summary>Every table registered in <c>gpkg_contents</c>, with row count, CRS and extent.</summary>
    public IReadOnlyList<LayerInfo> Contents()
    {
        var rows = new List<(string Name, string Type, string? Geometry, int? Srs, double[]? Extent)>();
        using (var cmd = GeoPackageSchema.Command(Connection, null, """
                   SELECT c.table_name, c.data_type, g.geometry_type_name, c.srs_id, c.min_x, c.min_y, c.max_x, c.max_y
                   FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
                   ORDER BY c.table_name
                   """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                double[]? extent = r.IsDBNull(4) ? null : [r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7)];
                rows.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3), extent));
            }
        }
        var infos = new List<LayerInfo>(rows.Count);
        foreach (var (name, type, geometry, srs, extent) in rows)
        {
            var count = GeoPackageSchema.Count(Connection, null, name);
            var crs = geometry is null || srs is null ? null : $"EPSG:{srs}";
            infos.Add(new LayerInfo(name, type, geometry, count, crs, count == 0 ? null : extent, null));
        }
        return infos;
    }

    /// <inheritdoc />
    public void Dispose() => Connection.Dispose();
}
