namespace Territory.Routing.Graph;

/// <summary>Spherical helpers on WGS84 lon/lat degrees.</summary>
internal static class GeoMath
{
    /// <summary>Mean Earth radius in metres (IUGG), as used by OSRM's haversine.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    private const double DegToRad = Math.PI / 180.0;

    /// <summary>Great-circle distance in metres between two lon/lat points.</summary>
    public static double HaversineMeters(double lon1, double lat1, double lon2, double lat2)
    {
        double dLat = (lat2 - lat1) * DegToRad;
        double dLon = (lon2 - lon1) * DegToRad;
        double s1 = Math.Sin(dLat * 0.5);
        double s2 = Math.Sin(dLon * 0.5);
        double a = s1 * s1 + Math.Cos(lat1 * DegToRad) * Math.Cos(lat2 * DegToRad) * s2 * s2;
        return 2.0 * EarthRadiusMeters * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    /// <summary>Metres per degree of longitude at a latitude (equirectangular approximation).</summary>
    public static double MetersPerDegreeLon(double lat) => EarthRadiusMeters * DegToRad * Math.Cos(lat * DegToRad);

    /// <summary>Metres per degree of latitude.</summary>
    public const double MetersPerDegreeLat = EarthRadiusMeters * DegToRad;

    public static int ToE7(double degrees) => (int)Math.Round(degrees * 1e7);

    public static double FromE7(int e7) => e7 * 1e-7;
}
