namespace Territory.IO.Layers;

/// <summary>A table of a project store, as listed by its <c>Inspect</c>.</summary>
/// <param name="Name">Table name.</param>
/// <param name="DataType"><c>features</c> or <c>attributes</c>.</param>
/// <param name="GeometryType">GeoPackage geometry type name, null for attributes.</param>
/// <param name="Count">Rows.</param>
/// <param name="Crs"><c>EPSG:n</c>, null for attributes.</param>
/// <param name="Extent">[minx, miny, maxx, maxy] in the layer CRS, null when empty or non-spatial.</param>
/// <param name="Dwellings">Sum of dwellings (estates only).</param>
public sealed record LayerInfo(
    string Name,
    string DataType,
    string? GeometryType,
    long Count,
    string? Crs,
    IReadOnlyList<double>? Extent,
    long? Dwellings);
