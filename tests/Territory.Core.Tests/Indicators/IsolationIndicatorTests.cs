using NetTopologySuite.Geometries;
using Territory.Core.Indicators;
using Territory.Core.Model;

namespace Territory.Core.Tests.Indicators;

public sealed class IsolationIndicatorTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);

    /// <summary>Clustered estates of several landlords (points and small polygons), duplicates, and a few estates hundreds of km away.</summary>
    private static List<Estate> Portfolio(int seed, int count, int landlords)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, 12).Select(_ => (X: 600_000 + random.NextDouble() * 300_000, Y: 6_400_000 + random.NextDouble() * 300_000)).ToArray();
        var estates = new List<Estate>(count);
        for (int i = 0; i < count; i++)
        {
            double x, y;
            int kind = random.Next(20);
            if (kind == 0)
            {
                // Scattered far away: some beyond every search bound (no nearest estate).
                x = 100_000 + random.NextDouble() * 2_000_000; y = 5_000_000 + random.NextDouble() * 3_000_000;
            }
            else if (kind == 1 && estates.Count > 0)
            {
                var twin = estates[random.Next(estates.Count)].Geometry.Centroid;
                (x, y) = (twin.X, twin.Y);
            }
            else
            {
                var c = centres[random.Next(centres.Length)];
                double spread = random.Next(3) switch { 0 => 800, 1 => 4_000, _ => 15_000 };
                x = c.X + Gaussian(random) * spread; y = c.Y + Gaussian(random) * spread;
            }
            Geometry geometry = random.Next(4) == 0
                ? Factory.CreatePolygon([new(x - 40, y - 30), new(x + 60, y - 30), new(x + 60, y + 50), new(x - 40, y + 50), new(x - 40, y - 30)])
                : Factory.CreatePoint(new Coordinate(x, y));
            estates.Add(new Estate
            {
                Id = "E" + i,
                Landlord = random.Next(landlords + 1) == 0 ? null : "Bailleur " + random.Next(landlords),
                Geometry = geometry,
                Dwellings = 1 + random.Next(400),
            });
        }
        return estates;
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static List<EstateFacts> Facts(IEnumerable<Estate> estates) => estates.Select(e => new EstateFacts
    {
        Estate = e,
        Location = e.Geometry is Point p ? p : e.Geometry.InteriorPoint,
        LandlordKey = e.Landlord ?? "",
    }).ToList();

    [Theory]
    [InlineData(1, 3_000, 1, 5_000)]
    [InlineData(2, 3_000, 4, 5_000)]
    [InlineData(3, 2_000, 7, 2_500)]
    [InlineData(4, 2_500, 3, 12_000)]
    [InlineData(5, 400, 2, 1_000)]
    public void Compute_RandomPortfolio_EqualsReferenceToTheDwelling(int seed, int count, int landlords, double radius)
    {
        var estates = Portfolio(seed, count, landlords);
        var expected = Facts(estates);
        var actual = Facts(estates);
        IsolationReference.Compute(expected, radius);
        IsolationIndicator.Compute(actual, radius, CancellationToken.None);
        int withNearest = 0, withoutNearest = 0;
        for (int i = 0; i < estates.Count; i++)
        {
            Assert.Equal(expected[i].NearbyLandlordDwellings, actual[i].NearbyLandlordDwellings);
            Assert.Equal(expected[i].NearestSameLandlordMeters, actual[i].NearestSameLandlordMeters);
            if (expected[i].NearestSameLandlordMeters is null) withoutNearest++; else withNearest++;
        }
        Assert.True(withNearest > count / 2);
        Assert.True(estates.Count(e => e.Geometry is Polygon) > count / 10);
        if (landlords > 1) Assert.True(withoutNearest > 0 || count < 1000);
    }

    [Fact]
    public void Compute_TwinEstates_CountEachOtherAtZeroMetres()
    {
        var estates = new[]
        {
            new Estate { Id = "a", Landlord = "L", Geometry = Factory.CreatePoint(new Coordinate(700_000, 6_600_000)), Dwellings = 10 },
            new Estate { Id = "b", Landlord = "L", Geometry = Factory.CreatePoint(new Coordinate(700_000, 6_600_000)), Dwellings = 20 },
            new Estate { Id = "c", Landlord = "L", Geometry = Factory.CreatePoint(new Coordinate(705_000, 6_600_000)), Dwellings = 40 },
            new Estate { Id = "d", Landlord = "M", Geometry = Factory.CreatePoint(new Coordinate(700_001, 6_600_000)), Dwellings = 80 },
        };
        var facts = Facts(estates);
        IsolationIndicator.Compute(facts, 5_000, CancellationToken.None);
        Assert.Equal(60, facts[0].NearbyLandlordDwellings);
        Assert.Equal(0.0, facts[0].NearestSameLandlordMeters);
        Assert.Equal(50, facts[1].NearbyLandlordDwellings);
        Assert.Equal(30, facts[2].NearbyLandlordDwellings);
        Assert.Equal(5_000.0, facts[2].NearestSameLandlordMeters);
        Assert.Equal(0, facts[3].NearbyLandlordDwellings);
        Assert.Null(facts[3].NearestSameLandlordMeters);
    }
}
