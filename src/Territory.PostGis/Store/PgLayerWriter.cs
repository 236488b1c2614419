using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Territory.IO.Layers;
using Territory.PostGis.Connection;

namespace Territory.PostGis.Store;

/// <summary>Writes the rows of one table through binary COPY, inside the caller's transaction.</summary>
/// <remarks>
/// <para>Feature ids are given by the writer (1, 2… after the table's largest), so rows keep their order
/// and the ids are the same as a GeoPackage gives them. Rows are encoded by <see cref="PgCopyRows"/>. Geometries get
/// the layer's SRID (a copy when the input has another; inputs are never mutated); a polygon written to a multipolygon column is
/// promoted to a one-part multipolygon, as GeoPackage readers would read it.</para>
/// <para>Estates carry the partition key: the <c>departement</c> of their effective commune code.</para>
/// <para>Disposing without <see cref="Complete"/> cancels the COPY: roll the transaction back then.</para>
/// </remarks>
internal sealed class PgLayerWriter : ILayerWriter, IDisposable
{
    private const int CancellationStride = 4096;
    private readonly NpgsqlRawCopyStream _copy;
    private readonly PgCopyRows _rows;
    private readonly NpgsqlDbType[] _types;
    private readonly int _fields;
    private readonly int _departementFrom;
    private readonly CancellationToken _ct;
    private readonly GeometryFactory _factory;
    private readonly string _multiType;
    private long _nextFid;
    private bool _completed;

    /// <param name="schema">The project schema (its connection is in a transaction).</param>
    /// <param name="layer">Columns and CRS of the rows.</param>
    /// <param name="table">The table written (the layer's name unless given).</param>
    /// <param name="departementFrom">Name of the column whose value gives the <c>departement</c> (estates: <c>commune_code</c>), or null.</param>
    /// <param name="ct">Checked every few thousand rows.</param>
    /// <param name="firstFid">The first feature id (rows bound for another table, via a staging one); after the table's largest unless given.</param>
    public PgLayerWriter(PgSchema schema, LayerDefinition layer, string? table = null, string? departementFrom = null, CancellationToken ct = default, long? firstFid = null)
    {
        Layer = layer;
        _ct = ct;
        table ??= layer.Name;
        _factory = new GeometryFactory(new PrecisionModel(), layer.Srid);
        _multiType = (layer.GeometryType ?? "").ToUpperInvariant();
        _types = layer.Columns.Select(c => PgSchema.DbType(c.Type)).ToArray();
        _departementFrom = departementFrom is null ? -1 : layer.Columns.ToList().FindIndex(c => c.Name == departementFrom);
        _nextFid = firstFid ?? 1 + System.Convert.ToInt64(schema.Scalar($"SELECT coalesce(max(fid), 0) FROM {schema.Q(table)}"), CultureInfo.InvariantCulture);
        var names = new List<string> { "fid" };
        if (layer.IsSpatial)
            names.Add(LayerDefinition.GeometryColumn);
        names.AddRange(layer.Columns.Select(c => PgIdentifier.Quote(c.Name)));
        if (departementFrom is not null)
            names.Add(PgSchema.DepartementColumn);
        _fields = names.Count;
        _copy = schema.Connection.BeginRawBinaryCopy($"COPY {schema.Q(table)} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)");
        _rows = new PgCopyRows(_copy);
    }

    /// <inheritdoc />
    public LayerDefinition Layer { get; }

    /// <inheritdoc />
    public long Written { get; private set; }

    /// <summary>The départements of the rows written (estates).</summary>
    public HashSet<string> Departements { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public long Write(Geometry? geometry, params ReadOnlySpan<object?> values)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (values.Length != _types.Length)
            throw new ArgumentException($"Layer {Layer.Name} has {_types.Length} columns, got {values.Length} values.", nameof(values));
        if (Written % CancellationStride == 0)
            _ct.ThrowIfCancellationRequested();
        var fid = _nextFid++;
        _rows.StartRow(_fields);
        _rows.Int64(fid);
        if (Layer.IsSpatial)
        {
            if (geometry is null)
                _rows.Null();
            else
                _rows.Geometry(Fit(geometry), Layer.Srid);
        }
        else if (geometry is not null)
            throw new ArgumentException($"{Layer.Name} is an attribute table: no geometry.", nameof(geometry));
        for (var i = 0; i < values.Length; i++)
            WriteValue(values[i], _types[i]);
        if (_departementFrom >= 0)
        {
            var d = Store.Departements.Of(values[_departementFrom] as string);
            Departements.Add(d);
            _rows.Text(d);
        }
        Written++;
        return fid;
    }

    /// <summary>Ends the COPY (the rows are then part of the transaction).</summary>
    public void Complete()
    {
        _ct.ThrowIfCancellationRequested();
        _rows.Complete();
        _copy.Dispose();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            // The server is told the COPY failed: nothing of it stays, the transaction is to be rolled back.
            _copy.Cancel();
        }
        _copy.Dispose();
    }

    /// <summary>The geometry as its column takes it (the SRID is the encoder's: <see cref="PgCopyRows.Geometry"/>).</summary>
    private Geometry Fit(Geometry g)
    {
        if (_multiType == "MULTIPOLYGON" && g is Polygon p)
            return _factory.CreateMultiPolygon([(Polygon)p.Copy()]);
        if (_multiType == "MULTIPOINT" && g is Point pt)
            return _factory.CreateMultiPoint([(Point)pt.Copy()]);
        if (_multiType == "MULTILINESTRING" && g is LineString l)
            return _factory.CreateMultiLineString([(LineString)l.Copy()]);
        return g;
    }

    /// <summary>A value in the type its column takes (GeoPackage rows carry booleans as 0/1 and dates as ISO text).</summary>
    private void WriteValue(object? value, NpgsqlDbType type)
    {
        if (value is null or DBNull)
        {
            _rows.Null();
            return;
        }
        switch (type)
        {
            case NpgsqlDbType.Text:
                _rows.Text(value as string ?? (value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? ""));
                break;
            case NpgsqlDbType.Bigint:
                _rows.Int64(value switch
                {
                    long n => n,
                    int n => n,
                    bool flag => flag ? 1L : 0L,
                    _ => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
                });
                break;
            case NpgsqlDbType.Double:
                _rows.Double(value is double d ? d : System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case NpgsqlDbType.Boolean:
                _rows.Boolean(value is bool b ? b : System.Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0);
                break;
            case NpgsqlDbType.TimestampTz:
                _rows.Timestamp(value switch
                {
                    DateTimeOffset o => o.UtcDateTime,
                    DateTime t => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime(),
                    string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime,
                    _ => throw new ArgumentException($"Not a date: {value}.", nameof(value)),
                });
                break;
            case NpgsqlDbType.Bytea:
                _rows.Bytes(value as byte[] ?? throw new ArgumentException("Not a byte array.", nameof(value)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "No binary form for this column type.");
        }
    }
}
