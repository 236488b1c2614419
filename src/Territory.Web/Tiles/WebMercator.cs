namespace Territory.Web.Tiles;

/// <summary>Spherical Web Mercator (EPSG:3857) to and from WGS 84 longitude/latitude, the formulas PROJ and PostGIS use.</summary>
public static class WebMercator
{
    /// <summary>Half the width of the projected world, metres (π × 6,378,137).</summary>
    public const double HalfWorld = 20037508.342789244;

    /// <summary>Latitude where the square grid ends, degrees.</summary>
    public const double MaxLatitude = 85.0511287798066;

    private const double Radius = 6378137.0;

    /// <summary>Longitude/latitude (degrees) to metres; latitudes beyond the grid are held at its edge.</summary>
    public static (double X, double Y) FromLonLat(double lon, double lat)
    {
        var phi = Math.Clamp(lat, -MaxLatitude, MaxLatitude) * Math.PI / 180;
        return (Radius * lon * Math.PI / 180, Radius * Math.Log(Math.Tan(Math.PI / 4 + phi / 2)));
    }

    /// <summary>Metres to longitude/latitude (degrees).</summary>
    public static (double Lon, double Lat) ToLonLat(double x, double y) =>
        (x / Radius * 180 / Math.PI, (2 * Math.Atan(Math.Exp(y / Radius)) - Math.PI / 2) * 180 / Math.PI);
}
