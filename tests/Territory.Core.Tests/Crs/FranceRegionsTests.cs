using Territory.Core.Crs;

namespace Territory.Core.Tests.Crs;

public sealed class FranceRegionsTests
{
    [Theory]
    [InlineData(2.35, 48.85, "France métropolitaine")]
    [InlineData(9.15, 42.15, "France métropolitaine")] // Corsica
    [InlineData(-61.53, 16.24, "Guadeloupe")]
    [InlineData(-61.07, 14.6, "Martinique")]
    [InlineData(-52.33, 4.92, "Guyane")]
    [InlineData(55.45, -20.88, "La Réunion")]
    [InlineData(45.23, -12.78, "Mayotte")]
    public void Locate_PlaceInFrance_ReturnsRegion(double lon, double lat, string expected) =>
        Assert.Equal(expected, FranceRegions.Locate(lon, lat)?.Name);

    [Theory]
    [InlineData(48.85, 2.35)] // swapped Paris, in the Gulf of Guinea
    [InlineData(-10, 45)] // Atlantic
    [InlineData(13.4, 52.5)] // Berlin
    public void Locate_OutsideFrance_ReturnsNull(double lon, double lat) => Assert.Null(FranceRegions.Locate(lon, lat));

    [Fact]
    public void All_EachRegionWorkingCrs_IsKnown() =>
        Assert.All(FranceRegions.All, r => Assert.True(CrsRegistry.IsKnown(r.WorkingCrs)));
}
