using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;
using Territory.Store;

namespace Territory.Store.GeoPackage;

/// <summary>A Territory project kept in one GeoPackage file, readable by GDAL and QGIS.</summary>
/// <remarks>
/// <para>Input layers <c>estates</c>, <c>agencies</c>, <c>communes</c>, <c>qpv</c>, <c>candidates</c>
/// (columns: see <see cref="ProjectLayers"/>), result layers written by commands, and the store's own
/// tables (<see cref="StoreTables"/>; <c>territory_project</c> holds the working CRS and the data version).
/// Every layer has an rtree spatial index and its extent kept in <c>gpkg_contents</c>.</para>
/// <para>SQLite's rollback journal with full sync keeps every write atomic: after a crash, the
/// <c>-journal</c> file beside the project is what puts it back — copy the project only when no
/// command is writing, or with <c>sqlite3 P.gpkg ".backup copie.gpkg"</c>.</para>
/// <para>Write transactions start with <c>BEGIN IMMEDIATE</c>: the version check and the write see the
/// same state even when another process writes the same file.</para>
/// </remarks>
public sealed partial class GeoPackageProjectStore : IProjectStore, IEstateRanges
{
    /// <summary>Version of the table layout written in <c>territory_project.format_version</c>.</summary>
    public const int FormatVersion = 2;

    /// <summary>How many skipped duplicate keys an outcome lists.</summary>
    public const int DuplicateKeysReported = 20;

    private readonly GeoPackageFile _file;
    private readonly SqliteConnection _connection;

    private GeoPackageProjectStore(GeoPackageFile file)
    {
        _file = file;
        _connection = file.Connection;
    }

    /// <summary>Path of the GeoPackage file.</summary>
    public string Path => _file.Path;

    /// <inheritdoc />
    public string Location => _file.Path;

    /// <inheritdoc />
    public int? WorkingCrs { get; private set; }

    /// <inheritdoc />
    public long DataVersion => ReadDataVersion(null);

    /// <summary>Opens a project file, creating it (with the GeoPackage core tables) when missing.</summary>
    /// <exception cref="InvalidDataException">The file is an SQLite database but not a GeoPackage.</exception>
    /// <exception cref="StoreFailureException">The file is busy, read-only, damaged or cannot be opened.</exception>
    public static GeoPackageProjectStore Open(string path)
    {
        GeoPackageFile file;
        try
        {
            file = GeoPackageFile.Open(path);
        }
        catch (SqliteException e) when (StoreFailureException.From(e, path) is { } failure)
        {
            throw failure;
        }
        try
        {
            var store = new GeoPackageProjectStore(file);
            store.Initialise();
            return store;
        }
        catch (SqliteException e) when (StoreFailureException.From(e, path) is { } failure)
        {
            file.Dispose();
            throw failure;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Estate> ReadEstates() => Reader(null).Estates().ConvertAll(s => s.Estate);

    /// <inheritdoc />
    (long Min, long Max)? IEstateRanges.EstateFids() => Reader(null).EstateFids();

    /// <inheritdoc />
    IReadOnlyList<Estate> IEstateRanges.ReadEstates(long from, long to) => Reader(null).Estates(from, to);

    /// <inheritdoc />
    public IReadOnlyList<Agency> ReadAgencies() => Reader(null).Agencies();

    /// <inheritdoc />
    public IReadOnlyList<Commune> ReadCommunes() => Reader(null).Communes();

    /// <inheritdoc />
    public IReadOnlyList<PriorityDistrict> ReadDistricts() => Reader(null).Districts();

    /// <inheritdoc />
    public IReadOnlyList<Candidate> ReadCandidates() => Reader(null).Candidates();

    /// <inheritdoc />
    public IReadOnlyList<LayerInfo> Inspect()
    {
        var infos = _file.Contents().ToList();
        for (var i = 0; i < infos.Count; i++)
        {
            if (infos[i].Name != ProjectLayers.TableOf(LayerKind.Estates))
                continue;
            using var cmd = GeoPackageSchema.Command(_connection, null, "SELECT coalesce(sum(dwellings), 0) FROM estates");
            infos[i] = infos[i] with { Dwellings = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) };
        }
        return infos;
    }

    /// <summary>Writes any other table (result layers, exports) in one transaction.</summary>
    /// <exception cref="ArgumentException">The table is an input layer or one of the store's own tables.</exception>
    public long WriteLayer(LayerDefinition layer, bool append, Action<ILayerWriter> fill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (IsReserved(layer.Name))
            throw new ArgumentException($"Table {layer.Name} belongs to the project; use ImportLayer.", nameof(layer));
        return _file.WriteLayer(layer, append, fill, ct);
    }

    /// <inheritdoc />
    public bool HasLayer(string table) => _file.HasLayer(table);

    /// <inheritdoc />
    public List<StoredFeature> ReadFeatures(string table) => _file.ReadFeatures(table);

    /// <summary>Rows of an attribute table (or the attributes of a feature table), column name → value, without fid and geometry.</summary>
    /// <exception cref="ArgumentException">No such table in <c>gpkg_contents</c>.</exception>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ReadAttributes(string table) =>
        ReadFeatures(table).ConvertAll(f => f.Attributes);

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private static bool IsReserved(string table) =>
        ProjectLayers.All.Any(k => ProjectLayers.TableOf(k) == table) || table == ProjectLayers.Metadata
        || table == StoreTables.Layers.Name || table == StoreTables.Results.Name || table == StoreTables.Scenarios.Name
        || table == "scenario_changes" || table == StoreTables.AuditLog.Name || table == StoreTables.Users.Name || table.EndsWith(StoreTables.PreviousSuffix, StringComparison.Ordinal);

    private ProjectLayerReader Reader(SqliteTransaction? tx) => new(_connection, tx);

    /// <summary>A write transaction (<c>BEGIN IMMEDIATE</c>); a lock held by another program past the timeout becomes a reason naming the project.</summary>
    private SqliteTransaction Begin()
    {
        try
        {
            return _connection.BeginTransaction();
        }
        catch (SqliteException e) when (StoreFailureException.From(e, Path) is { } failure)
        {
            throw failure;
        }
    }

    private void Initialise()
    {
        if (!GeoPackageSchema.TableExists(_connection, null, ProjectLayers.Metadata))
        {
            using var tx = Begin();
            _file.WriteLayer(tx, ProjectLayers.MetadataTable, append: false, w =>
            {
                w.Write(null, "format_version", FormatVersion.ToString(CultureInfo.InvariantCulture));
                w.Write(null, "application", "Territory");
                w.Write(null, "data_version", "0");
            });
            tx.Commit();
        }
        EnsureStoreTables();
        var crs = GetMetadata(null, "working_crs");
        WorkingCrs = crs is null ? null : int.Parse(crs, CultureInfo.InvariantCulture);
    }

    // Projects made before the store kept versions, revisions and scenarios gain the tables on first open.
    private void EnsureStoreTables()
    {
        if (GeoPackageSchema.TableExists(_connection, null, StoreTables.AuditLog.Name))
            return;
        using var tx = Begin();
        foreach (var table in new[] { StoreTables.Layers, StoreTables.Results, StoreTables.Scenarios, StoreTables.AuditLog })
            if (!GeoPackageSchema.TableExists(_connection, tx, table.Name))
                _file.WriteLayer(tx, table, append: false, _ => { });
        if (GetMetadata(tx, "data_version") is null)
            SetMetadata(tx, "data_version", "0");
        SetMetadata(tx, "format_version", FormatVersion.ToString(CultureInfo.InvariantCulture));
        tx.Commit();
    }

    private long ReadDataVersion(SqliteTransaction? tx) =>
        long.TryParse(GetMetadata(tx, "data_version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    /// <summary>Checks the expected version inside the write transaction and returns the next one.</summary>
    private long NextVersion(SqliteTransaction tx, long? expected)
    {
        var current = ReadDataVersion(tx);
        if (expected is long e && e != current)
            throw new StaleVersionException(e, current);
        var next = current + 1;
        SetMetadata(tx, "data_version", next.ToString(CultureInfo.InvariantCulture));
        return next;
    }

    private string? GetMetadata(SqliteTransaction? tx, string key)
    {
        using var cmd = GeoPackageSchema.Command(_connection, tx, $"SELECT value FROM {ProjectLayers.Metadata} WHERE key = $k ORDER BY fid DESC LIMIT 1");
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

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
