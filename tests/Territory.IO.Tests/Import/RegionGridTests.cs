using Territory.Core.Crs;
using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

public sealed class RegionGridTests
{
    [Theory]
    [InlineData(CrsRegistry.Lambert93)]
    [InlineData(5490)]
    [InlineData(2972)]
    public void Known_RandomAndEdgePositions_AgreesWithLongitudeLatitude(int crs)
    {
        var toLonLat = new Reprojector(crs, CrsRegistry.Wgs84);
        var fromLonLat = new Reprojector(CrsRegistry.Wgs84, crs);
        var grid = RegionGrid.For(crs, toLonLat);
        Assert.NotNull(grid);
        var random = new Random(crs);
        int known = 0, deep = 0, deepKnown = 0;
        foreach (var region in FranceRegions.All.Where(r => r.WorkingCrs == crs))
        {
            for (var i = 0; i < 40_000; i++)
            {
                // Half the positions anywhere around the region's box, half within 0.05° of one of its edges.
                double lon, lat;
                if (i % 2 == 0)
                {
                    lon = region.MinLongitude - 1 + random.NextDouble() * (region.MaxLongitude - region.MinLongitude + 2);
                    lat = region.MinLatitude - 1 + random.NextDouble() * (region.MaxLatitude - region.MinLatitude + 2);
                }
                else
                {
                    var near = (random.NextDouble() - 0.5) * 0.1;
                    (lon, lat) = (i / 2 % 4) switch
                    {
                        0 => (region.MinLongitude + near, region.MinLatitude + random.NextDouble() * (region.MaxLatitude - region.MinLatitude)),
                        1 => (region.MaxLongitude + near, region.MinLatitude + random.NextDouble() * (region.MaxLatitude - region.MinLatitude)),
                        2 => (region.MinLongitude + random.NextDouble() * (region.MaxLongitude - region.MinLongitude), region.MinLatitude + near),
                        _ => (region.MinLongitude + random.NextDouble() * (region.MaxLongitude - region.MinLongitude), region.MaxLatitude + near),
                    };
                }
                var (x, y) = fromLonLat.Transform(lon, lat);
                var (l, b) = toLonLat.Transform(x, y);
                var exact = FranceRegions.Locate(l, b);
                var answer = grid.Known(x, y);
                if (answer is not null)
                {
                    known++;
                    Assert.Same(exact, answer);
                }
                // Positions farther from the box's edges than a square and its margin (0.4°) are all answered by the grid.
                if (l > region.MinLongitude + 0.4 && l < region.MaxLongitude - 0.4 && b > region.MinLatitude + 0.4 && b < region.MaxLatitude - 0.4)
                {
                    deep++;
                    deepKnown += answer is null ? 0 : 1;
                }
            }
        }
        Assert.True(known > 0);
        Assert.Equal(deep, deepKnown);
    }

    [Fact]
    public void For_GeographicOrForeignCrs_HasNoGrid()
    {
        Assert.Null(RegionGrid.For(CrsRegistry.Wgs84, new Reprojector(CrsRegistry.Wgs84, CrsRegistry.Wgs84)));
        Assert.Null(RegionGrid.For(CrsRegistry.Lambert2Etendu, new Reprojector(CrsRegistry.Lambert2Etendu, CrsRegistry.Wgs84)));
    }
}
