using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Core.Messages;

namespace Territory.IO.Import;

/// <summary>A row whose attributes are already objects (GeoJSON, Shapefile, GeoPackage readers).</summary>
internal sealed class FeatureRecord : ISourceRecord
{
    private object?[] _values = [];

    public long Row { get; private set; }
    public Geometry? Geometry { get; private set; }
    public Message? RowError { get; private set; }
    public string? RowErrorField { get; private set; }

    /// <summary>The next row; a reader's own error text (not yet in the catalogue) is shown as written.</summary>
    public void Set(long row, Geometry? geometry, object?[] values, string? rowError = null) =>
        Set(row, geometry, values, rowError is null ? null : Message.Of("file_reason_text", ("text", rowError)),
            geometry is null && rowError is not null && rowError.Contains("geometry", StringComparison.Ordinal) ? "geometry" : null);

    /// <summary>The next row, with a catalogue reason when the whole row (or its <paramref name="rowErrorField"/>) is unusable.</summary>
    public void Set(long row, Geometry? geometry, object?[] values, Message? rowError, string? rowErrorField)
    {
        Row = row;
        Geometry = geometry;
        _values = values;
        RowError = rowError;
        RowErrorField = rowErrorField;
    }

    public string? GetString(int column)
    {
        var v = column < _values.Length ? _values[column] : null;
        return v switch
        {
            null or DBNull => null,
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        };
    }

    public bool TryGetDouble(int column, out double value, out bool present)
    {
        var v = column < _values.Length ? _values[column] : null;
        switch (v)
        {
            case null or DBNull:
                value = double.NaN;
                present = false;
                return false;
            case string s:
                return NumberParser.TryParse(s.AsSpan(), out value, out present);
            case IConvertible c when v is not bool:
                present = true;
                try
                {
                    value = c.ToDouble(CultureInfo.InvariantCulture);
                    return true;
                }
                catch (FormatException)
                {
                    value = double.NaN;
                    return false;
                }
            default:
                present = true;
                value = double.NaN;
                return false;
        }
    }
}
