namespace Territory.IO.Layers;

/// <summary>Attribute column types of a layer (the names GDAL and QGIS understand).</summary>
public enum ColumnType
{
    /// <summary>TEXT; values are strings.</summary>
    Text,
    /// <summary>INTEGER (64-bit); values are int or long.</summary>
    Integer,
    /// <summary>REAL; values are double.</summary>
    Real,
    /// <summary>BOOLEAN (stored 0/1); values are bool.</summary>
    Boolean,
    /// <summary>DATETIME (ISO 8601 text); values are DateTime or DateTimeOffset.</summary>
    DateTime,
    /// <summary>BLOB; values are byte[].</summary>
    Blob,
}
