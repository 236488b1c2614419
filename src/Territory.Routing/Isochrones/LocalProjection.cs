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

    public void ToLonLat(Geometry geometry)
    {
        geometry.Apply(new InverseFilter(this));
        geometry.GeometryChanged();
    }

    private sealed class InverseFilter(LocalProjection p) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, seq.GetX(i) / p._mx + p._lon0);
                seq.SetY(i, seq.GetY(i) / My + p._lat0);
            }
        }
    }
}
