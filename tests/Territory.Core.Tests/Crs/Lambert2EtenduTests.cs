using Territory.Core.Crs;

namespace Territory.Core.Tests.Crs;

public sealed class Lambert2EtenduTests
{
    [Theory]
    // cs2cs EPSG:4326 EPSG:27572 (PROJ 9.1, Helmert NTF → WGS 84, no grid).
    [InlineData("Paris", 2.3522, 48.8566, 601152.299, 2428695.897)]
    [InlineData("Toulouse", 1.4442, 43.6047, 527853.020, 1845164.018)]
    public void Transform_Wgs84ToLambert2Etendu_MatchesProjWithin5cm(string place, double lon, double lat, double x, double y)
    {
        var (px, py) = new Reprojector(CrsRegistry.Wgs84, CrsRegistry.Lambert2Etendu).Transform(lon, lat);
        Assert.True(Math.Abs(px - x) < 0.05 && Math.Abs(py - y) < 0.05, $"{place}: {px:F3} {py:F3}");
    }

    [Fact]
    public void Transform_Lambert2EtenduRoundTrip_ReturnsStart()
    {
        var there = new Reprojector(CrsRegistry.Wgs84, CrsRegistry.Lambert2Etendu).Transform(1.4442, 43.6047);
        var back = new Reprojector(CrsRegistry.Lambert2Etendu, CrsRegistry.Wgs84).Transform(there.X, there.Y);
        Assert.Equal(1.4442, back.X, 1e-7);
        Assert.Equal(43.6047, back.Y, 1e-7);
    }
}
