using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.IO.Import;
using Territory.PostGis.Connection;
using Territory.PostGis.Store;

namespace Territory.PostGis.Import;

/// <summary>An existing PostGIS (or plain PostgreSQL) table read as an import source: <c>postgresql://…?table=SCHEMA.TABLE</c>.</summary>
/// <remarks>
/// <para>The same pipeline as the files: field recognition, mapping file, CRS handling and the row report.
/// The geometry column is the table's only one (or the one named by <c>--layer</c>); its SRID, from
/// PostGIS's <c>geometry_columns</c>, is the declared CRS. A table without geometry is read like a CSV
/// (lon/lat, X/Y or WKT columns).</para>
/// <para>Rows are read in one snapshot (<c>REPEATABLE READ</c>, read-only), in the order of the table's
/// primary key when it has one. Column names are taken as the catalogue gives them and never written into
/// SQL (the statement is <c>SELECT *</c> on the validated schema and table names).</para>
/// </remarks>
internal sealed class PostGisSourceLayer : ISourceLayer
{
    private readonly NpgsqlConnection _connection;
    private readonly PgLocation _location;
    private readonly int _geometryOrdinal;
    private readonly int[] _ordinals;
    private readonly long _count;
    private long _read;

    public PostGisSourceLayer(string location, string? geometryColumn)
    {
        _location = PgLocation.Parse(location);
        if (_location.Table is null)
            throw new ReasonException(Message.Of("postgis_location_table_expected", ("location", _location.Display)));
        var qualified = PgIdentifier.Qualify(_location.TableSchema!, _location.Table);
        FileName = $"{_location.TableSchema}.{_location.Table}";
        _connection = PgFailures.Guard(_location, () => PgDataSources.Open(_location));
        try
        {
            var exists = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", _connection) { Parameters = { new("t", qualified) } }.ExecuteScalar() is true;
            if (!exists)
                throw new ImportException(Message.Of("postgis_table_missing", ("table", FileName), ("location", _location.Display)));
            var geometries = GeometryColumns();
            using (var probe = new NpgsqlCommand($"SELECT * FROM {qualified} LIMIT 0", _connection))
            using (var r = probe.ExecuteReader())
            {
                var names = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToList();
                var spatial = names.Where(n => geometries.ContainsKey(n) || r.GetDataTypeName(names.IndexOf(n)) == "geometry").ToList();
                string? chosen = null;
                if (geometryColumn is not null)
                    chosen = spatial.FirstOrDefault(n => n.Equals(geometryColumn, StringComparison.OrdinalIgnoreCase));
                else if (spatial.Count == 1)
                    chosen = spatial[0];
                else if (spatial.Count > 1)
                    throw new ImportException(Message.Of("postgis_table_several_geometries", ("table", FileName), ("columns", string.Join(", ", spatial)), ("option", "--layer")));
                _geometryOrdinal = chosen is null ? -1 : names.IndexOf(chosen);
                var kept = Enumerable.Range(0, names.Count).Where(i => !spatial.Contains(names[i])).ToArray();
                _ordinals = kept;
                Columns = kept.Select(i => names[i]).ToList();
                if (chosen is not null && geometries.TryGetValue(chosen, out var srid) && srid > 0)
                {
                    if (CrsRegistry.IsKnown(srid))
                        DeclaredCrs = srid;
                    else
                        CrsProblem = Message.Of("postgis_table_crs_unknown", ("table", FileName), ("srid", srid));
                }
            }
            _count = Convert.ToInt64(new NpgsqlCommand($"SELECT count(*) FROM {qualified}", _connection).ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Registers this reader with the import pipeline for <c>postgresql://…?table=…</c> locations.</summary>
    public static void Register() =>
        SourceLayers.Register(l => PgLocation.IsPostgres(l) && l.Contains("table=", StringComparison.Ordinal), (l, layer) => new PostGisSourceLayer(l, layer));

    public string FileName { get; }
    public IReadOnlyList<string> Columns { get; } = [];
    public int? DeclaredCrs { get; }
    public Message? CrsProblem { get; }
    public bool HasNativeGeometry => _geometryOrdinal >= 0;
    public double ReadFraction => _count == 0 ? 1 : (double)_read / _count;

    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        using var tx = _connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        using var cmd = new NpgsqlCommand($"SELECT * FROM {PgIdentifier.Qualify(_location.TableSchema!, _location.Table!)}{OrderBy()}", _connection, tx);
        using var r = cmd.ExecuteReader();
        var record = new FeatureRecord();
        while (r.Read())
        {
            ct.ThrowIfCancellationRequested();
            _read++;
            var geometry = _geometryOrdinal >= 0 && !r.IsDBNull(_geometryOrdinal) ? r.GetFieldValue<Geometry>(_geometryOrdinal) : null;
            var values = new object?[_ordinals.Length];
            for (var i = 0; i < values.Length; i++)
                values[i] = r.IsDBNull(_ordinals[i]) ? null : r.GetValue(_ordinals[i]);
            record.Set(_read, geometry, values);
            yield return record;
        }
    }

    public void Dispose() => _connection.Dispose();

    private Dictionary<string, int> GeometryColumns()
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        if (new NpgsqlCommand("SELECT to_regclass('public.geometry_columns') IS NOT NULL", _connection).ExecuteScalar() is not true)
            return columns;
        using var cmd = new NpgsqlCommand("SELECT f_geometry_column, srid FROM geometry_columns WHERE f_table_schema = @s AND f_table_name = @t", _connection)
        {
            Parameters = { new("s", _location.TableSchema!), new("t", _location.Table!) },
        };
        using var r = cmd.ExecuteReader();
        while (r.Read())
            columns[r.GetString(0)] = r.GetInt32(1);
        return columns;
    }

    // Rows in primary-key order when the table has one (ordinal positions: no column name enters the SQL).
    private string OrderBy()
    {
        using var cmd = new NpgsqlCommand("""
            SELECT array_agg(a.attnum ORDER BY k.ord) FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = to_regclass(@t) AND i.indisprimary
            """, _connection) { Parameters = { new("t", PgIdentifier.Qualify(_location.TableSchema!, _location.Table!)) } };
        if (cmd.ExecuteScalar() is not short[] keys || keys.Length == 0)
            return "";
        // Attribute numbers are positions in the table; SELECT * lists the columns in that order.
        using var positions = new NpgsqlCommand("SELECT attnum FROM pg_attribute WHERE attrelid = to_regclass(@t) AND attnum > 0 AND NOT attisdropped ORDER BY attnum", _connection)
        {
            Parameters = { new("t", PgIdentifier.Qualify(_location.TableSchema!, _location.Table!)) },
        };
        var order = new List<short>();
        using (var r = positions.ExecuteReader())
            while (r.Read())
                order.Add(r.GetInt16(0));
        return " ORDER BY " + string.Join(", ", keys.Select(k => (order.IndexOf(k) + 1).ToString(CultureInfo.InvariantCulture)));
    }
}
