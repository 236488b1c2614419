using Territory.Core.Indicators;
using Territory.Core.Typology;
using static Territory.Core.Tests.Analysis.Geo;

namespace Territory.Core.Tests.Typology;

public sealed class DensityEstimatorTests
{
    [Theory]
    [InlineData("big city", 200_000, 50.0, 1)]
    [InlineData("mid town", 30_000, 10.0, 2)]
    [InlineData("dense suburb", 4_000, 2.0, 3)]
    [InlineData("small town", 5_000, 30.0, 4)]
    [InlineData("bourg", 1_500, 30.0, 5)]
    [InlineData("dispersed", 300, 10.0, 6)]
    [InlineData("very dispersed", 100, 20.0, 7)]
    public void Of_CommuneWithoutLevel_EstimatesAndFlags(string name, int population, double areaKm2, int expected)
    {
        var side = Math.Sqrt(areaKm2) * 1000;
        var c = Commune("00000", name, Box(0, 0, side, side), population, null);
        var d = DensityEstimator.Of(c, new DensitySettings());
        Assert.Equal(expected, d.Level);
        Assert.True(d.Estimated);
    }

    [Fact]
    public void Of_CommuneWithLevel_UsesItUnflagged()
    {
        var d = DensityEstimator.Of(Commune("00000", "x", Box(0, 0, 10, 10), 10, 2), new DensitySettings());
        Assert.Equal(new CommuneDensity(2, false), d);
    }
}
