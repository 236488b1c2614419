using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using Territory.IO.Layers;

namespace Territory.IO.GeoPackage;

/// <summary>Writes the rows of one GeoPackage table (feature layer or attribute table) inside a caller's transaction.</summary>
/// <remarks>
/// <para><see cref="Open"/> creates the table (dropping an existing one unless appending) and
/// registers it in <c>gpkg_contents</c>/<c>gpkg_geometry_columns</c> with an rtree spatial
/// index; <see cref="Write"/> adds one row, given its feature id at once (the next of the table's
/// AUTOINCREMENT sequence), and the rows go in by batches of one multi-row INSERT each (SQLite's work
/// per statement, the sequence's update included, paid once a batch);
/// <see cref="Complete"/> writes the last batch and updates the extent and <c>last_change</c>. Nothing is committed here:
/// the caller's transaction decides, so a failure leaves the file as it was (a row refused by a constraint fails
/// the batch it is in, at the latest in <see cref="Complete"/>).</para>
/// <para>Geometries must be in the layer's CRS; they are written in XY and never mutated.
/// Disposing without <see cref="Complete"/> leaves the index and extent unfinished: roll the
/// transaction back in that case.</para>
/// </remarks>
public sealed class GeoPackageLayerWriter : ILayerWriter, IDisposable
{
    private const int CancellationStride = 4096;
    // Rows a batch holds at most, and the bound parameters a statement may take (SQLite's historic limit, kept for old builds).
    private const int MaxBatchRows = 32;
    private const int MaxParameters = 999;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _insertHead;
    private readonly string _rowPlaceholders;
    private readonly RawStatement _insert;
    private readonly int _columnCount;
    private readonly int _perRow;
    private readonly int _batchRows;
    private readonly object?[] _pending;
    private readonly long[] _pendingFids;
    private int _pendingRows;
    private long _nextFid;
    private readonly RTreeLoader _rtree = new();
    private readonly GeoPackageBlob _blob = new();
    private readonly CancellationToken _ct;
    private double _minX = double.PositiveInfinity, _minY = double.PositiveInfinity;
    private double _maxX = double.NegativeInfinity, _maxY = double.NegativeInfinity;
    private bool _completed;

    /// <summary>The table written.</summary>
    public LayerDefinition Layer { get; }

    /// <summary>Rows written by this writer.</summary>
    public long Written { get; private set; }

    private GeoPackageLayerWriter(SqliteConnection connection, SqliteTransaction transaction, LayerDefinition layer, long nextFid, CancellationToken ct)
    {
        _connection = connection;
        _transaction = transaction;
        _ct = ct;
        Layer = layer;
        _nextFid = nextFid;
        var names = new List<string> { "fid" };
        if (layer.IsSpatial)
            names.Add(LayerDefinition.GeometryColumn);
        names.AddRange(layer.Columns.Select(c => c.Name));
        _columnCount = layer.Columns.Count;
        _perRow = names.Count;
        _batchRows = Math.Clamp(MaxParameters / _perRow, 1, MaxBatchRows);
        _pending = new object?[_batchRows * _perRow];
        _pendingFids = new long[_batchRows];
        _insertHead = $"INSERT INTO {GeoPackageSchema.Quote(layer.Name)} ({string.Join(", ", names.Select(GeoPackageSchema.Quote))}) VALUES ";
        _rowPlaceholders = "(" + string.Join(", ", Enumerable.Repeat("?", _perRow)) + ")";
        _insert = Insert(_batchRows);
    }

    private RawStatement Insert(int rows) =>
        new(_connection, _insertHead + string.Join(", ", Enumerable.Repeat(_rowPlaceholders, rows)));

    /// <summary>Opens a writer on <paramref name="layer"/>; creates (or, unless <paramref name="append"/>, recreates) the table.</summary>
    /// <param name="connection">An open connection to a GeoPackage whose core tables exist.</param>
    /// <param name="transaction">The pending transaction every statement joins.</param>
    /// <param name="layer">The table to write.</param>
    /// <param name="append">True to add rows to an existing table of the same columns.</param>
    /// <param name="ct">Checked every few thousand rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    public static GeoPackageLayerWriter Open(SqliteConnection connection, SqliteTransaction transaction,
        LayerDefinition layer, bool append, CancellationToken ct = default)
    {
        GeoPackageSchema.EnsureCore(connection, transaction);
        var exists = GeoPackageSchema.TableExists(connection, transaction, layer.Name);
        if (exists && !append)
            GeoPackageSchema.DropLayer(connection, transaction, layer.Name);
        if (!exists || !append)
            Create(connection, transaction, layer);
        else if (layer.IsSpatial)
        {
            RTreeIndex.DropTriggers(connection, transaction, layer.Name);
            Widen(connection, transaction, layer);
        }
        return new GeoPackageLayerWriter(connection, transaction, layer, NextFid(connection, transaction, layer.Name), ct);
    }

    // What AUTOINCREMENT would give the next row: past both the table's largest fid and the largest it ever gave.
    private static long NextFid(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var sequence = GeoPackageSchema.TableExists(connection, transaction, "sqlite_sequence")
            ? "(SELECT seq FROM sqlite_sequence WHERE name = $t)" : "NULL";
        using var cmd = GeoPackageSchema.Command(connection, transaction,
            $"SELECT max(coalesce({sequence}, 0), coalesce((SELECT max(fid) FROM {GeoPackageSchema.Quote(table)}), 0))");
        cmd.Parameters.AddWithValue("$t", table);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
    }

    /// <summary>Adds one row; <paramref name="values"/> follow <see cref="LayerDefinition.Columns"/>.</summary>
    /// <param name="geometry">The feature's geometry in the layer CRS (null allowed); must be null for an attribute table.</param>
    /// <param name="values">null, string, int/long/short/byte, double/float, bool (0/1), byte[], DateTime/DateTimeOffset (ISO 8601 UTC text).</param>
    /// <returns>The row's <c>fid</c>.</returns>
    public long Write(Geometry? geometry, params ReadOnlySpan<object?> values)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (values.Length != _columnCount)
            throw new ArgumentException($"Layer {Layer.Name} has {_columnCount} columns, got {values.Length} values.", nameof(values));
        if (Written % CancellationStride == 0)
            _ct.ThrowIfCancellationRequested();

        var slot = _pendingRows * _perRow + 1;
        var hasEnvelope = false;
        if (Layer.IsSpatial)
        {
            _pending[slot++] = geometry is null ? null : _blob.Write(geometry, Layer.Srid);
            hasEnvelope = geometry is { IsEmpty: false };
        }
        else if (geometry is not null)
            throw new ArgumentException($"{Layer.Name} is an attribute table: no geometry.", nameof(geometry));
        values.CopyTo(_pending.AsSpan(slot, values.Length));
        var fid = _nextFid++;
        _pendingFids[_pendingRows++] = fid;
        if (_pendingRows == _batchRows)
            Flush(_insert);
        if (hasEnvelope)
            Index(fid, geometry!);
        Written++;
        return fid;
    }

    // Binds the pending rows to a statement of as many rows, and runs it once.
    private void Flush(RawStatement insert)
    {
        for (var row = 0; row < _pendingRows; row++)
        {
            var first = row * _perRow;
            insert.BindInt64(first + 1, _pendingFids[row]);
            for (var i = 1; i < _perRow; i++)
                insert.Bind(first + i + 1, _pending[first + i]);
        }
        insert.Step();
        Array.Clear(_pending);
        _pendingRows = 0;
    }

    /// <summary>Updates the layer's extent and <c>last_change</c> in <c>gpkg_contents</c>, restores the rtree triggers.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _ct.ThrowIfCancellationRequested();
        if (_pendingRows > 0)
        {
            using var last = Insert(_pendingRows);
            Flush(last);
        }
        if (Layer.IsSpatial)
        {
            _rtree.Flush(_connection, Layer.Name, _minX, _minY, _maxX, _maxY, _ct);
            using var cmd = GeoPackageSchema.Command(_connection, _transaction, """
                UPDATE gpkg_contents SET last_change = $now,
                  min_x = CASE WHEN $has = 0 THEN min_x WHEN min_x IS NULL OR $minx < min_x THEN $minx ELSE min_x END,
                  min_y = CASE WHEN $has = 0 THEN min_y WHEN min_y IS NULL OR $miny < min_y THEN $miny ELSE min_y END,
                  max_x = CASE WHEN $has = 0 THEN max_x WHEN max_x IS NULL OR $maxx > max_x THEN $maxx ELSE max_x END,
                  max_y = CASE WHEN $has = 0 THEN max_y WHEN max_y IS NULL OR $maxy > max_y THEN $maxy ELSE max_y END
                WHERE table_name = $t
                """);
            var has = _minX <= _maxX;
            cmd.Parameters.AddWithValue("$now", GeoPackageSchema.Now());
            cmd.Parameters.AddWithValue("$has", has ? 1 : 0);
            cmd.Parameters.AddWithValue("$minx", has ? _minX : 0);
            cmd.Parameters.AddWithValue("$miny", has ? _minY : 0);
            cmd.Parameters.AddWithValue("$maxx", has ? _maxX : 0);
            cmd.Parameters.AddWithValue("$maxy", has ? _maxY : 0);
            cmd.Parameters.AddWithValue("$t", Layer.Name);
            cmd.ExecuteNonQuery();
            RTreeIndex.CreateTriggers(_connection, _transaction, Layer.Name);
        }
        else
        {
            using var cmd = GeoPackageSchema.Command(_connection, _transaction, "UPDATE gpkg_contents SET last_change = $now WHERE table_name = $t");
            cmd.Parameters.AddWithValue("$now", GeoPackageSchema.Now());
            cmd.Parameters.AddWithValue("$t", Layer.Name);
            cmd.ExecuteNonQuery();
        }
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _completed = true;
        _insert.Dispose();
    }

    private void Index(long fid, Geometry geometry)
    {
        double minX, minY, maxX, maxY;
        if (geometry is Point p)
        {
            minX = maxX = p.X;
            minY = maxY = p.Y;
        }
        else
        {
            var e = geometry.EnvelopeInternal;
            (minX, minY, maxX, maxY) = (e.MinX, e.MinY, e.MaxX, e.MaxY);
        }
        _rtree.Add(fid, minX, minY, maxX, maxY);
        if (minX < _minX) _minX = minX;
        if (minY < _minY) _minY = minY;
        if (maxX > _maxX) _maxX = maxX;
        if (maxY > _maxY) _maxY = maxY;
    }

    // Rows of another geometry type appended to a typed layer (polygons to a POINT layer) make it a GEOMETRY layer:
    // the declared type never lies about its rows.
    private static void Widen(SqliteConnection connection, SqliteTransaction transaction, LayerDefinition layer)
    {
        using var cmd = GeoPackageSchema.Command(connection, transaction,
            "UPDATE gpkg_geometry_columns SET geometry_type_name = 'GEOMETRY' WHERE table_name = $t AND geometry_type_name <> $g AND geometry_type_name <> 'GEOMETRY'");
        cmd.Parameters.AddWithValue("$t", layer.Name);
        cmd.Parameters.AddWithValue("$g", layer.GeometryType);
        cmd.ExecuteNonQuery();
    }

    private static void Create(SqliteConnection connection, SqliteTransaction transaction, LayerDefinition layer)
    {
        var columns = new List<string> { "fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL" };
        if (layer.IsSpatial)
            columns.Add($"{LayerDefinition.GeometryColumn} {layer.GeometryType}");
        columns.AddRange(layer.Columns.Select(c => $"{GeoPackageSchema.Quote(c.Name)} {GeoPackageSchema.SqlType(c.Type)}{(c.NotNull ? " NOT NULL" : "")}"));
        GeoPackageSchema.Execute(connection, transaction, $"CREATE TABLE {GeoPackageSchema.Quote(layer.Name)} ({string.Join(", ", columns)})");

        if (layer.IsSpatial)
            GeoPackageSchema.EnsureSrs(connection, transaction, layer.Srid);
        using (var cmd = GeoPackageSchema.Command(connection, transaction,
                   "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES ($t, $k, $t, $d, $now, $srs)"))
        {
            cmd.Parameters.AddWithValue("$t", layer.Name);
            cmd.Parameters.AddWithValue("$k", layer.IsSpatial ? "features" : "attributes");
            cmd.Parameters.AddWithValue("$d", layer.Description);
            cmd.Parameters.AddWithValue("$now", GeoPackageSchema.Now());
            cmd.Parameters.AddWithValue("$srs", layer.IsSpatial ? layer.Srid : DBNull.Value);
            cmd.ExecuteNonQuery();
        }
        if (!layer.IsSpatial)
            return;
        using (var cmd = GeoPackageSchema.Command(connection, transaction,
                   "INSERT INTO gpkg_geometry_columns VALUES ($t, $c, $g, $srs, 0, 0)"))
        {
            cmd.Parameters.AddWithValue("$t", layer.Name);
            cmd.Parameters.AddWithValue("$c", LayerDefinition.GeometryColumn);
            cmd.Parameters.AddWithValue("$g", layer.GeometryType);
            cmd.Parameters.AddWithValue("$srs", layer.Srid);
            cmd.ExecuteNonQuery();
        }
        RTreeIndex.Create(connection, transaction, layer.Name);
    }
}
