namespace Territory.IO.Import;

/// <summary>A source row seen through the mapping file's constants and defaults.</summary>
/// <remarks>A constant is a column past the source's last one; a default answers for an empty cell of its column.</remarks>
internal sealed class MappedValues(FieldMapping map) : ISourceRecord
{
    private ISourceRecord _inner = null!;

    public ISourceRecord Over(ISourceRecord inner)
    {
        _inner = inner;
        return this;
    }

    public long Row => _inner.Row;
    public NetTopologySuite.Geometries.Geometry? Geometry => _inner.Geometry;
    public Territory.Core.Messages.Message? RowError => _inner.RowError;
    public string? RowErrorField => _inner.RowErrorField;
    public bool TryGetPoint(out double x, out double y) => _inner.TryGetPoint(out x, out y);

    public string? GetString(int column)
    {
        if (column >= map.SourceColumns)
            return map.Constants[column - map.SourceColumns];
        var value = _inner.GetString(column);
        return string.IsNullOrWhiteSpace(value) && map.Defaults.TryGetValue(column, out var fallback) ? fallback : value;
    }

    public bool TryGetDouble(int column, out double value, out bool present)
    {
        if (column >= map.SourceColumns)
            return NumberParser.TryParse(map.Constants[column - map.SourceColumns].AsSpan(), out value, out present);
        var ok = _inner.TryGetDouble(column, out value, out present);
        if (!present && map.Defaults.TryGetValue(column, out var fallback))
            return NumberParser.TryParse(fallback.AsSpan(), out value, out present);
        return ok;
    }
}
