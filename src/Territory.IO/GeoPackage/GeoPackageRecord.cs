using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.GeoPackage;

/// <summary>
/// The row a GeoPackage layer's statement stands on: each attribute read from SQLite when asked for, as
/// <see cref="FeatureRecord"/> gives the value SQLite's storage class makes of it (integer and real as numbers, text,
/// a blob as <c>System.Byte[]</c>), without an array of boxed values per row.
/// </summary>
/// <remarks>Valid until the statement steps on (the <see cref="ISourceLayer.Rows"/> contract: read before moving on).</remarks>
internal sealed class GeoPackageRecord(int columns) : ISourceRecord
{
    private const int SqliteInteger = 1, SqliteFloat = 2, SqliteText = 3;
    private readonly RepeatedTexts[] _texts = [.. Enumerable.Range(0, columns).Select(_ => new RepeatedTexts())];
    private nint _statement;

    private Geometry? _geometry;
    private bool _point;
    private double _x, _y;
    private int _pointSrid;
    private GeometryFactory? _points;

    public long Row { get; private set; }
    /// <summary>The row's geometry (a point row's point made when asked for).</summary>
    public Geometry? Geometry => _point ? _geometry ??= PointFactory().CreatePoint(new Coordinate(_x, _y)) : _geometry;
    public Message? RowError { get; private set; }
    public string? RowErrorField { get; private set; }

    public bool TryGetPoint(out double x, out double y)
    {
        (x, y) = (_x, _y);
        return _point;
    }

    /// <summary>The next row, a point given by its coordinates and the SRID of its blob's header.</summary>
    public void SetPoint(nint statement, long row, double x, double y, int srid)
    {
        Set(statement, row, null, null);
        (_point, _x, _y) = (true, x, y);
        if (_points?.SRID != srid)
            _points = null;
        _pointSrid = srid;
    }

    private GeometryFactory PointFactory() => _points ??= NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(_pointSrid);

    /// <summary>The next row: attribute <c>i</c> is the statement's column <c>i + 1</c> (column 0 is the geometry).</summary>
    public void Set(nint statement, long row, Geometry? geometry, string? rowError)
    {
        _statement = statement;
        Row = row;
        (_point, _x, _y) = (false, double.NaN, double.NaN);
        _geometry = geometry;
        RowError = rowError is null ? null : Message.Of("file_reason_text", ("text", rowError));
        RowErrorField = geometry is null && rowError is not null && rowError.Contains("geometry", StringComparison.Ordinal) ? "geometry" : null;
    }

    public string? GetString(int column)
    {
        if ((uint)column >= (uint)_texts.Length)
            return null;
        var c = column + 1;
        return SqliteColumns.Type(_statement, c) switch
        {
            SqliteText => _texts[column].Of(SqliteColumns.Utf8(_statement, c)),
            SqliteInteger => SqliteColumns.Int64(_statement, c).ToString(CultureInfo.InvariantCulture),
            SqliteFloat => SqliteColumns.Double(_statement, c).ToString("R", CultureInfo.InvariantCulture),
            // A blob, as the object a data reader gives for it would print.
            4 => typeof(byte[]).ToString(),
            _ => null,
        };
    }

    public bool TryGetDouble(int column, out double value, out bool present)
    {
        if ((uint)column >= (uint)_texts.Length)
            return Absent(out value, out present);
        var c = column + 1;
        switch (SqliteColumns.Type(_statement, c))
        {
            case SqliteInteger:
                (value, present) = (SqliteColumns.Int64(_statement, c), true);
                return true;
            case SqliteFloat:
                (value, present) = (SqliteColumns.Double(_statement, c), true);
                return true;
            case SqliteText:
                return NumberParser.TryParse(Encoding.UTF8.GetString(SqliteColumns.Utf8(_statement, c)).AsSpan(), out value, out present);
            case 4:
                (value, present) = (double.NaN, true);
                return false;
            default:
                return Absent(out value, out present);
        }
    }

    private static bool Absent(out double value, out bool present)
    {
        (value, present) = (double.NaN, false);
        return false;
    }
}
