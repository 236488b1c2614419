using Territory.Core.Crs;

namespace Territory.Core.Tests.Crs;

public sealed class ReprojectorTests
{
    [Fact]
    public void Transform_VenissieuxToLambert93_MatchesProjWithin5mm()
    {
        var r = new Reprojector(CrsRegistry.Wgs84, CrsRegistry.Lambert93);
        var (x, y) = r.Transform(4.886, 45.697);
        Assert.Equal(846752.83, x, 0.01);
        Assert.Equal(6512578.20, y, 0.01);
    }

    [Theory]
    [InlineData("Paris", 2.35, 48.85, 2154)]
    [InlineData("Pointe-à-Pitre", -61.53, 16.24, 5490)]
    [InlineData("Cayenne", -52.33, 4.92, 2972)]
    [InlineData("Saint-Denis (Réunion)", 55.45, -20.88, 2975)]
    [InlineData("Mamoudzou", 45.23, -12.78, 4471)]
    public void ChooseFor_Place_ReturnsOfficialProjectedCrs(string place, double lon, double lat, int expected)
    {
        Assert.True(expected == WorkingCrs.ChooseFor(lon, lat), place);
        var there = new Reprojector(CrsRegistry.Wgs84, expected).Transform(lon, lat);
        var back = new Reprojector(expected, CrsRegistry.Wgs84).Transform(there.X, there.Y);
        Assert.Equal(lon, back.X, 1e-7);
        Assert.Equal(lat, back.Y, 1e-7);
    }
}
