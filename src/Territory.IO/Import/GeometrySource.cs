namespace Territory.IO.Import;

/// <summary>Where a row's geometry comes from.</summary>
internal enum GeometrySource
{
    /// <summary>The format's own geometry (GeoJSON, Shapefile, GeoPackage).</summary>
    Native,
    /// <summary>A WKT column.</summary>
    Wkt,
    /// <summary>Longitude/latitude columns (degrees).</summary>
    LonLat,
    /// <summary>X/Y columns in the declared or guessed CRS.</summary>
    XY,
}
