namespace Territory.IO.Layers;

/// <summary>One attribute column of a layer (GeoPackage table or PostGIS table).</summary>
/// <param name="Name">Column name: lower case, letters, digits and underscores (stable, QGIS-friendly).</param>
/// <param name="Type">Column type.</param>
/// <param name="NotNull">True to declare the column NOT NULL.</param>
public sealed record LayerColumn(string Name, ColumnType Type, bool NotNull = false);
