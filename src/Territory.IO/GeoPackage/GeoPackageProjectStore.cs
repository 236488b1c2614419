using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.Core.Model;

namespace Territory.IO.GeoPackage;

/// <summary>A Territory project kept in one GeoPackage file, readable by GDAL and QGIS.</summary>
/// <remarks>
/// <para>Layers <c>estates</c>, <c>agencies</c>, <c>communes</c>, <c>qpv</c> (columns: see
/// <see cref="ProjectLayers"/>), plus the attribute table <c>territory_project</c> (key/value:
/// <c>format_version</c>, <c>working_crs</c>). Every layer has an rtree spatial index and its
/// extent kept in <c>gpkg_contents</c>.</para>
/// <para>The first import decides the working CRS; later imports must already be in it
/// (importers reproject with <c>ImportOptions.TargetCrs = store.WorkingCrs</c>). Every write is
/// one transaction: a failed or cancelled import leaves the previous content intact.</para>
/// <para>One store per file and per thread; it holds the file open until disposed.</para>
/// </remarks>
public sealed partial class GeoPackageProjectStore : IDisposable
{
    /// <summary>Version of the table layout written in <c>territory_project.format_version</c>.</summary>
    public const int FormatVersion = 1;

    /// <summary>How many skipped duplicate keys an outcome lists.</summary>
    public const int DuplicateKeysReported = 20;

    private readonly SqliteConnection _connection;

    /// <summary>Path of the GeoPackage file.</summary>
    public string Path { get; }

    /// <summary>EPSG code of the working CRS; null until the first import.</summary>
    public int? WorkingCrs { get; private set; }

    private GeoPackageProjectStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>Opens a project file, creating it (with the GeoPackage core tables) when missing.</summary>
    /// <exception cref="InvalidDataException">The file is an SQLite database but not a GeoPackage.</exception>
    public static GeoPackageProjectStore Open(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // Rollback journal with full sync (SQLite defaults) keeps every import atomic;
            // a large page cache keeps a million-row import from spilling mid-transaction.
            GeoPackageSchema.Execute(connection, null, "PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;");
            GeoPackageBlob.RegisterSqlFunctions(connection);
            var store = new GeoPackageProjectStore(path, connection);
            store.Initialise();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>All estates, effective commune and QPV codes, in insertion order.</summary>
    public IReadOnlyList<Estate> ReadEstates() => Reader(null).Estates().ConvertAll(s => s.Estate);

    /// <summary>All agencies and presence points.</summary>
    public IReadOnlyList<Agency> ReadAgencies() => Reader(null).Agencies();

    /// <summary>All communes (geometries as multipolygons).</summary>
    public IReadOnlyList<Commune> ReadCommunes() => Reader(null).Communes();

    /// <summary>All priority districts (geometries as multipolygons).</summary>
    public IReadOnlyList<PriorityDistrict> ReadDistricts() => Reader(null).Districts();

    /// <summary>Every table registered in <c>gpkg_contents</c>, with row count, CRS, extent and (estates) dwellings.</summary>
    public IReadOnlyList<LayerInfo> Inspect()
    {
        var rows = new List<(string Name, string Type, string? Geometry, int? Srs, double[]? Extent)>();
        using (var cmd = GeoPackageSchema.Command(_connection, null, """
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
            var count = GeoPackageSchema.Count(_connection, null, name);
            long? dwellings = null;
            if (name == ProjectLayers.TableOf(LayerKind.Estates))
            {
                using var cmd = GeoPackageSchema.Command(_connection, null, "SELECT coalesce(sum(dwellings), 0) FROM estates");
                dwellings = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            var crs = geometry is null || srs is null ? null : $"EPSG:{srs}";
            infos.Add(new LayerInfo(name, type, geometry, count, crs, count == 0 ? null : extent, dwellings));
        }
        return infos;
    }

    /// <summary>Writes any other table (result layers, exports) in one transaction.</summary>
    /// <param name="layer">Table to write; not one of the project layers nor the metadata table.</param>
    /// <param name="append">True to add to an existing table, false to replace it.</param>
    /// <param name="fill">Writes the rows; an exception thrown here rolls everything back.</param>
    /// <param name="ct">Cancels the write (rolled back).</param>
    /// <returns>Rows written.</returns>
    public long WriteLayer(GeoPackageLayerDefinition layer, bool append, Action<GeoPackageLayerWriter> fill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(fill);
        if (ProjectLayers.All.Any(k => ProjectLayers.TableOf(k) == layer.Name) || layer.Name == ProjectLayers.Metadata)
            throw new ArgumentException($"Table {layer.Name} belongs to the project; use ImportLayer.", nameof(layer));
        using var tx = _connection.BeginTransaction();
        long written;
        using (var writer = GeoPackageLayerWriter.Open(_connection, tx, layer, append, ct))
        {
            fill(writer);
            writer.Complete();
            written = writer.Written;
        }
        tx.Commit();
        return written;
    }

    /// <summary>Rows of an attribute table (or the attributes of a feature table), column name → value, without fid and geometry.</summary>
    /// <remarks>Values are as SQLite stores them: long, double, string, byte[] or null (booleans are 0/1).</remarks>
    /// <exception cref="ArgumentException">No such table in <c>gpkg_contents</c>.</exception>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ReadAttributes(string table) =>
        ReadFeatures(table).ConvertAll(f => f.Attributes);

    /// <summary>Rows of a table with their geometry (null for attribute tables or null geometries).</summary>
    /// <exception cref="ArgumentException">No such table in <c>gpkg_contents</c>.</exception>
    public List<StoredFeature> ReadFeatures(string table)
    {
        using (var check = GeoPackageSchema.Command(_connection, null, "SELECT count(*) FROM gpkg_contents WHERE table_name = $t"))
        {
            check.Parameters.AddWithValue("$t", table);
            if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                throw new ArgumentException($"No table {table} in {Path}.", nameof(table));
        }
        var rows = new List<StoredFeature>();
        var blob = new GeoPackageBlob();
        using var cmd = GeoPackageSchema.Command(_connection, null, $"SELECT * FROM {GeoPackageSchema.Quote(table)} ORDER BY fid");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var row = new Dictionary<string, object?>(r.FieldCount, StringComparer.Ordinal);
            NetTopologySuite.Geometries.Geometry? geometry = null;
            for (var i = 0; i < r.FieldCount; i++)
            {
                var name = r.GetName(i);
                if (name == GeoPackageLayerDefinition.GeometryColumn)
                    geometry = r.IsDBNull(i) ? null : blob.Read((byte[])r.GetValue(i));
                else if (name != "fid")
                    row[name] = r.IsDBNull(i) ? null : r.GetValue(i);
            }
            rows.Add(new StoredFeature(geometry, row));
        }
        return rows;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private ProjectLayerReader Reader(SqliteTransaction? tx) => new(_connection, tx);

    private void Initialise()
    {
        if (!GeoPackageSchema.TableExists(_connection, null, "gpkg_contents")
            && GeoPackageSchema.Count(_connection, null, "sqlite_master") > 0)
            throw new InvalidDataException($"{Path} is an SQLite database but not a GeoPackage.");
        if (!GeoPackageSchema.TableExists(_connection, null, ProjectLayers.Metadata))
        {
            using var tx = _connection.BeginTransaction();
            GeoPackageSchema.EnsureCore(_connection, tx);
            using (var writer = GeoPackageLayerWriter.Open(_connection, tx, ProjectLayers.MetadataTable, append: false))
            {
                writer.Write(null, "format_version", FormatVersion.ToString(CultureInfo.InvariantCulture));
                writer.Write(null, "application", "Territory");
                writer.Complete();
            }
            tx.Commit();
        }
        var crs = GetMetadata("working_crs");
        WorkingCrs = crs is null ? null : int.Parse(crs, CultureInfo.InvariantCulture);
    }

    private string? GetMetadata(string key)
    {
        using var cmd = GeoPackageSchema.Command(_connection, null, $"SELECT value FROM {ProjectLayers.Metadata} WHERE key = $k ORDER BY fid DESC LIMIT 1");
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    private void SetMetadata(SqliteTransaction tx, string key, string value)
    {
        using var update = GeoPackageSchema.Command(_connection, tx, $"UPDATE {ProjectLayers.Metadata} SET value = $v WHERE key = $k");
        update.Parameters.AddWithValue("$k", key);
        update.Parameters.AddWithValue("$v", value);
        if (update.ExecuteNonQuery() > 0)
            return;
        using var insert = GeoPackageSchema.Command(_connection, tx, $"INSERT INTO {ProjectLayers.Metadata} (key, value) VALUES ($k, $v)");
        insert.Parameters.AddWithValue("$k", key);
        insert.Parameters.AddWithValue("$v", value);
        insert.ExecuteNonQuery();
    }
}
