using System.Globalization;
using Npgsql;
using Territory.Core.Model;
using Territory.IO.Layers;
using Territory.PostGis.Connection;
using Territory.Store;

namespace Territory.PostGis.Store;

/// <summary>A Territory project kept in one schema of a PostgreSQL/PostGIS database.</summary>
/// <remarks>
/// <para>The same tables and columns as a GeoPackage project (<see cref="ProjectLayers"/>, <see cref="StoreTables"/>),
/// with geometry columns typed in the working CRS (<c>geometry(Point, 2154)</c>…) and GiST indexes;
/// <c>territory_contents</c> lists the tables as <c>gpkg_contents</c> does. The estates are partitioned by
/// département (<c>PARTITION BY LIST (departement)</c>, one partition per code met, a default one for
/// estates without a known commune): a query on one département reads one partition.</para>
/// <para><b>Transactions.</b> Every write is one transaction that first locks the data-version row of
/// <c>territory_project</c> (<c>SELECT … FOR UPDATE</c>): writers of one project take turns, the version check
/// and the write see the same state, and a failed, cancelled or killed write leaves the schema as it was
/// (PostgreSQL's DDL is transactional too). Readers never wait for a writer's rows (MVCC), only for the
/// short table swaps of a replacement.</para>
/// <para>One store per thread; it holds one connection until disposed.</para>
/// </remarks>
internal sealed partial class PostGisProjectStore : IProjectStore
{
    /// <summary>Version of the table layout written in <c>territory_project.format_version</c>.</summary>
    public const int FormatVersion = 2;

    /// <summary>How many skipped duplicate keys an outcome lists (as the GeoPackage store).</summary>
    public const int DuplicateKeysReported = 20;

    private readonly NpgsqlConnection _connection;
    private readonly PgSchema _schema;
    private readonly PgLocation _location;

    private PostGisProjectStore(PgLocation location, NpgsqlConnection connection)
    {
        _location = location;
        _connection = connection;
        _schema = new PgSchema(connection, location.RequireSchema());
    }

    /// <inheritdoc />
    public string Location => _location.Display;

    /// <summary>The schema of the project.</summary>
    public string Schema => _schema.Name;

    /// <inheritdoc />
    public int? WorkingCrs { get; private set; }

    /// <inheritdoc />
    public long DataVersion => ReadDataVersion(forUpdate: false);

    /// <summary>Opens the project of a location, creating its schema and tables when missing.</summary>
    /// <exception cref="Core.Messages.ReasonException">Bad location, server unreachable, or PostGIS missing.</exception>
    public static PostGisProjectStore Open(PgLocation location)
    {
        location.RequireSchema();
        var connection = PgFailures.Guard(location, () => PgDataSources.Open(location));
        try
        {
            var store = new PostGisProjectStore(location, connection);
            PgFailures.Guard(location, store.Initialise);
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>True when the location's schema holds a project.</summary>
    public static bool Exists(PgLocation location)
    {
        using var connection = PgFailures.Guard(location, () => PgDataSources.Open(location));
        return new PgSchema(connection, location.RequireSchema()).TableExists(Territory.Store.ProjectLayers.Metadata);
    }

    /// <summary>Drops the location's schema and everything in it.</summary>
    public static void Remove(PgLocation location)
    {
        using var connection = PgFailures.Guard(location, () => PgDataSources.Open(location));
        new PgSchema(connection, location.RequireSchema()).Execute($"DROP SCHEMA IF EXISTS {PgIdentifier.Quote(location.RequireSchema())} CASCADE");
    }

    /// <inheritdoc />
    public IReadOnlyList<Estate> ReadEstates() => Reader().Estates().ConvertAll(s => s.Estate);

    /// <summary>The estates of one département, read from its partition only.</summary>
    public IReadOnlyList<Estate> ReadEstates(string departement) => Reader().Estates(departement).ConvertAll(s => s.Estate);

    /// <inheritdoc />
    public IReadOnlyList<Agency> ReadAgencies() => Reader().Agencies();

    /// <inheritdoc />
    public IReadOnlyList<Commune> ReadCommunes() => Reader().Communes();

    /// <inheritdoc />
    public IReadOnlyList<PriorityDistrict> ReadDistricts() => Reader().Districts();

    /// <inheritdoc />
    public IReadOnlyList<Candidate> ReadCandidates() => Reader().Candidates();

    /// <inheritdoc />
    public IReadOnlyList<LayerInfo> Inspect()
    {
        var rows = new List<(string Name, string Type, string? Geometry, int? Srid)>();
        using (var cmd = _schema.Command($"SELECT table_name, data_type, geometry_type, srid FROM {_schema.Q(PgSchema.Contents)} ORDER BY table_name COLLATE \"C\""))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                rows.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3)));
        }
        var infos = new List<LayerInfo>(rows.Count);
        foreach (var (name, type, geometry, srid) in rows)
        {
            var count = _schema.Count(name);
            IReadOnlyList<double>? extent = null;
            if (geometry is not null && count > 0)
            {
                using var cmd = _schema.Command($"SELECT min(ST_XMin(geom)), min(ST_YMin(geom)), max(ST_XMax(geom)), max(ST_YMax(geom)) FROM {_schema.Q(name)} WHERE NOT ST_IsEmpty(geom)");
                using var r = cmd.ExecuteReader();
                if (r.Read() && !r.IsDBNull(0))
                    extent = [r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)];
            }
            long? dwellings = name == Territory.Store.ProjectLayers.TableOf(LayerKind.Estates)
                ? Convert.ToInt64(_schema.Scalar($"SELECT coalesce(sum(dwellings), 0) FROM {_schema.Q(name)}"), CultureInfo.InvariantCulture)
                : null;
            infos.Add(new LayerInfo(name, type, geometry, count, geometry is null || srid is null ? null : $"EPSG:{srid}", extent, dwellings));
        }
        return infos;
    }

    /// <summary>Writes any other table (result layers) in one transaction.</summary>
    /// <exception cref="ArgumentException">The table is an input layer or one of the store's own tables.</exception>
    public long WriteLayer(LayerDefinition layer, bool append, Action<ILayerWriter> fill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(fill);
        if (IsReserved(layer.Name))
            throw new ArgumentException($"Table {layer.Name} belongs to the project; use ImportLayer.", nameof(layer));
        return InTransaction(tx =>
        {
            LockVersion();
            return WriteTable(layer, append, fill, ct);
        });
    }

    /// <inheritdoc />
    public bool HasLayer(string table) => PgIdentifier.IsValid(table) && _schema.IsRegistered(table);

    /// <inheritdoc />
    public List<StoredFeature> ReadFeatures(string table)
    {
        if (!HasLayer(table))
            throw new ArgumentException($"No table {table} in {Location}.", nameof(table));
        var definition = Describe(table);
        var rows = new List<StoredFeature>();
        foreach (var row in ReadRows(definition))
        {
            var attributes = new Dictionary<string, object?>(definition.Columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < definition.Columns.Count; i++)
                attributes[definition.Columns[i].Name] = row.Values[i];
            rows.Add(new StoredFeature(row.Geometry, attributes));
        }
        return rows;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    internal PgSchema SchemaAccess => _schema;

    private static bool IsReserved(string table) =>
        Territory.Store.ProjectLayers.All.Any(k => Territory.Store.ProjectLayers.TableOf(k) == table) || table == Territory.Store.ProjectLayers.Metadata
        || table == StoreTables.Layers.Name || table == StoreTables.Results.Name || table == StoreTables.Scenarios.Name
        || table == "scenario_changes" || table == StoreTables.AuditLog.Name || table == StoreTables.Users.Name || table == PgSchema.Contents || table == PgSchema.Files
        || table.EndsWith(StoreTables.PreviousSuffix, StringComparison.Ordinal);

    private PgProjectReader Reader() => new(_schema);

    /// <summary>Writes a table inside the current transaction: replaces (drop and create) unless appending to an existing one.</summary>
    private long WriteTable(LayerDefinition layer, bool append, Action<ILayerWriter> fill, CancellationToken ct)
    {
        var exists = _schema.TableExists(layer.Name);
        if (exists && !append)
            _schema.Drop(layer.Name);
        if (!exists || !append)
            _schema.CreateTable(layer);
        long written;
        using (var writer = new PgLayerWriter(_schema, layer, ct: ct))
        {
            fill(writer);
            writer.Complete();
            written = writer.Written;
        }
        if (layer.IsSpatial)
            _schema.CreateSpatialIndex(layer.Name);
        return written;
    }

    private void Initialise()
    {
        var schema = PgIdentifier.Quote(_schema.Name);
        EnsurePostGis();
        if (!_schema.TableExists(Territory.Store.ProjectLayers.Metadata))
        {
            InTransaction(_ =>
            {
                // Two first opens at once: the second waits here, then finds the tables made.
                _schema.Execute("SELECT pg_advisory_xact_lock(hashtext(@s))", ("s", "territory:" + _schema.Name));
                _schema.Execute($"CREATE SCHEMA IF NOT EXISTS {schema}");
                if (_schema.TableExists(Territory.Store.ProjectLayers.Metadata))
                    return 0;
                _schema.Execute($"CREATE TABLE {_schema.Q(PgSchema.Contents)} (table_name text PRIMARY KEY, data_type text NOT NULL, geometry_type text, srid integer, description text NOT NULL DEFAULT '')");
                _schema.Execute($"CREATE TABLE {_schema.Q(PgSchema.Files)} (name text NOT NULL, part integer NOT NULL, data bytea NOT NULL, PRIMARY KEY (name, part))");
                _schema.CreateTable(Territory.Store.ProjectLayers.MetadataTable);
                _schema.Execute($"CREATE UNIQUE INDEX ON {_schema.Q(Territory.Store.ProjectLayers.Metadata)} (key)");
                foreach (var (key, value) in new[] { ("format_version", FormatVersion.ToString(CultureInfo.InvariantCulture)), ("application", "Territory"), ("data_version", "0") })
                    SetMetadata(key, value);
                foreach (var table in new[] { StoreTables.Layers, StoreTables.Results, StoreTables.Scenarios, StoreTables.AuditLog })
                    _schema.CreateTable(table);
                return 0;
            });
        }
        var crs = GetMetadata("working_crs");
        WorkingCrs = crs is null ? null : int.Parse(crs, CultureInfo.InvariantCulture);
    }

    private void EnsurePostGis()
    {
        if (_schema.Scalar("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'") is long n && n > 0)
            return;
        try
        {
            _schema.Execute("CREATE EXTENSION IF NOT EXISTS postgis");
            _connection.ReloadTypes();
        }
        catch (PostgresException e)
        {
            throw new Core.Messages.ReasonException(Core.Messages.Message.Of("postgis_extension_missing", ("location", Location), ("detail", e.MessageText)), e);
        }
    }

    /// <summary>Runs <paramref name="body"/> in a transaction, committed when it returns, rolled back when it throws.</summary>
    private T InTransaction<T>(Func<NpgsqlTransaction, T> body)
    {
        using var tx = _connection.BeginTransaction();
        var result = PgFailures.Guard(_location, () => body(tx));
        tx.Commit();
        return result;
    }

    private long ReadDataVersion(bool forUpdate)
    {
        var value = _schema.Scalar($"SELECT value FROM {_schema.Q(Territory.Store.ProjectLayers.Metadata)} WHERE key = 'data_version'{(forUpdate ? " FOR UPDATE" : "")}") as string;
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    /// <summary>Checks the expected version (the row is locked) and returns the next one.</summary>
    private long NextVersion(long? expected)
    {
        var current = LockVersion();
        if (expected is long e && e != current)
            throw new StaleVersionException(e, current);
        var next = current + 1;
        SetMetadata("data_version", next.ToString(CultureInfo.InvariantCulture));
        return next;
    }

    private string? GetMetadata(string key) =>
        _schema.Scalar($"SELECT value FROM {_schema.Q(Territory.Store.ProjectLayers.Metadata)} WHERE key = @k", ("k", key)) as string;

    private void SetMetadata(string key, string value)
    {
        var table = _schema.Q(Territory.Store.ProjectLayers.Metadata);
        if (_schema.Execute($"UPDATE {table} SET value = @v WHERE key = @k", ("k", key), ("v", value)) > 0)
            return;
        _schema.Execute($"INSERT INTO {table} (fid, key, value) VALUES ((SELECT coalesce(max(fid), 0) + 1 FROM {table}), @k, @v)", ("k", key), ("v", value));
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
