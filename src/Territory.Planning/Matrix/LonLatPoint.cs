namespace Territory.Planning.Matrix;

/// <summary>A named point in WGS84 longitude/latitude degrees (the road graph's CRS).</summary>
public readonly record struct LonLatPoint(string Id, double Lon, double Lat);
