using NetTopologySuite.Geometries;
using Territory.Routing.Graph;

namespace Territory.Routing.Isochrones;

/// <summary>Equirectangular metres around an origin (affine per axis, so validity survives the round trip).</summary>
/// <remarks>Scale error below 1 % within ~50 km of the origin at French latitudes; fine for buffering roads.</remarks>
internal sealed class LocalProjection(double lon0, double lat0)
{
    private readonly double _lon0 = lon0;
    private readonly double _lat0 = lat0;
    private readonly double _mx = GeoMath.MetersPerDegreeLon(lat0);
    private const double My = GeoMath.MetersPerDegreeLat;

    public Coordinate ToLocal(double lon, double lat) => new((lon - _lon0) * _mx, (lat - _lat0) * My);

    public (double X, double Y) Project(double lon, double lat) => ((lon - _lon0) * _mx, (lat - _lat0) * My);

    public double ToLon(double x) => x / _mx + _lon0;

    public double ToLat(double y) => y / My + _lat0;
}
