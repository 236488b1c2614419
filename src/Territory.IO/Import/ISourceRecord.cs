using NetTopologySuite.Geometries;
using Territory.Core.Messages;

namespace Territory.IO.Import;

/// <summary>The current row of an <see cref="ISourceLayer"/>.</summary>
internal interface ISourceRecord
{
    /// <summary>1-based row number (CSV data row, feature index).</summary>
    long Row { get; }
    /// <summary>Native geometry in the source CRS; null for CSV or a feature without geometry.</summary>
    Geometry? Geometry { get; }
    /// <summary>A reason the whole row is unusable (ragged CSV row…), or null.</summary>
    Message? RowError { get; }
    /// <summary>The target field <see cref="RowError"/> concerns (<c>geometry</c>), or null for the whole row.</summary>
    string? RowErrorField { get; }
    /// <summary>
    /// The native geometry when it is a point, as its coordinates (source CRS) without making the point object; false
    /// when the reader does not tell or the geometry is not a point (then read <see cref="Geometry"/>).
    /// </summary>
    bool TryGetPoint(out double x, out double y)
    {
        (x, y) = (double.NaN, double.NaN);
        return false;
    }
    /// <summary>The value of a column as text; null or empty when missing.</summary>
    string? GetString(int column);
    /// <summary>Parses a column as a number (invariant culture, decimal comma accepted).</summary>
    /// <returns>False when empty or not a number; <paramref name="present"/> tells which.</returns>
    bool TryGetDouble(int column, out double value, out bool present);
}
