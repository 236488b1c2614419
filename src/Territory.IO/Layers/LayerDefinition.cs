namespace Territory.IO.Layers;

/// <summary>What a GeoPackage table holds: a feature layer, or an attribute (non-spatial) table.</summary>
/// <param name="Name">Table name: lower case, letters, digits and underscores.</param>
/// <param name="GeometryType">
/// GeoPackage geometry type name (<c>POINT</c>, <c>MULTIPOLYGON</c>, <c>GEOMETRY</c>…) of the
/// <c>geom</c> column; null for an attribute table (<c>data_type = 'attributes'</c>).
/// </param>
/// <param name="Srid">EPSG code of the geometries (ignored for an attribute table).</param>
/// <param name="Columns">Attribute columns, after the implicit <c>fid</c> and <c>geom</c>.</param>
public sealed record LayerDefinition(
    string Name,
    string? GeometryType,
    int Srid,
    IReadOnlyList<LayerColumn> Columns)
{
    /// <summary>Name of the geometry column of feature layers.</summary>
    public const string GeometryColumn = "geom";

    /// <summary>Description written to <c>gpkg_contents</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary>True for a feature layer.</summary>
    public bool IsSpatial => GeometryType is not null;

    /// <summary>An attribute table definition.</summary>
    public static LayerDefinition Attributes(string name, IReadOnlyList<LayerColumn> columns) =>
        new(name, null, 0, columns);
}
