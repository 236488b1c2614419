namespace Territory.IO.GeoPackage;

/// <summary>One attribute column of a GeoPackage table.</summary>
/// <param name="Name">Column name: lower case, letters, digits and underscores (stable, QGIS-friendly).</param>
/// <param name="Type">Column type.</param>
/// <param name="NotNull">True to declare the column NOT NULL.</param>
public sealed record GeoPackageColumn(string Name, GeoPackageColumnType Type, bool NotNull = false)
{
    internal string SqlType => Type switch
    {
        GeoPackageColumnType.Text => "TEXT",
        GeoPackageColumnType.Integer => "INTEGER",
        GeoPackageColumnType.Real => "REAL",
        GeoPackageColumnType.Boolean => "BOOLEAN",
        GeoPackageColumnType.DateTime => "DATETIME",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, null),
    };
}
