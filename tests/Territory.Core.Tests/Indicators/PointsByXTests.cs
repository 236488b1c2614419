using NetTopologySuite.Geometries;
using Territory.Core.Indicators;
using Territory.Core.Model;

namespace Territory.Core.Tests.Indicators;

public sealed class PointsByXTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);

    [Fact]
    public void Around_RandomEstates_SameAsScanningEveryEstate()
    {
        var random = new Random(7);
        var facts = Enumerable.Range(0, 3_000).Select(i =>
        {
            // Whole metres: many points on a square's very border.
            var p = Factory.CreatePoint(new Coordinate(700_000 + random.Next(40_000), 6_600_000 + random.Next(40_000)));
            return new EstateFacts { Estate = new Estate { Id = "E" + i, Geometry = p, Dwellings = 1 }, Location = p, LandlordKey = "" };
        }).ToList();
        facts.Add(new EstateFacts { Estate = new Estate { Id = "empty", Geometry = Factory.CreatePoint(), Dwellings = 1 }, Location = Factory.CreatePoint(), LandlordKey = "" });
        var index = new PointsByX(facts);

        for (var q = 0; q < 200; q++)
        {
            var centre = facts[random.Next(3_000)].Location;
            double r = random.Next(6) switch { 0 => 0, 1 => 100, _ => 500 + random.Next(5_000) };
            var expected = facts.Where(f => !f.Location.IsEmpty && Math.Abs(f.Location.X - centre.X) <= r && Math.Abs(f.Location.Y - centre.Y) <= r)
                .Select(f => f.Estate.Id).Order(StringComparer.Ordinal);
            Assert.Equal(expected, index.Around(centre, r).Select(f => f.Estate.Id).Order(StringComparer.Ordinal));
        }
    }
}
