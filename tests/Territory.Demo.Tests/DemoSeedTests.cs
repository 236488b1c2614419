using Territory.Demo;

namespace Territory.Demo.Tests;

public sealed class DemoSeedTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    public void Generate_OtherSeed_InvariantsHold(int seed)
    {
        var d = DemoGenerator.Generate(seed);
        var main = d.Estates.Where(e => e.Landlord == d.Landlord).ToList();

        Assert.InRange(main.Count, 1275, 1725);
        Assert.InRange(main.Sum(e => e.Dwellings), 25_500, 34_500);
        Assert.Equal(7, d.Communes.Select(c => c.DensityLevel).Distinct().Count());
        Assert.Equal(1.0, d.Communes.Sum(c => c.Geometry.Area) / d.Outline.Area, 6);
        var byCode = d.Communes.ToDictionary(c => c.Code);
        Assert.All(d.Estates, e => Assert.True(byCode[e.CommuneCode!].Geometry.Contains(e.Geometry), e.Id));
        Assert.NotEmpty(d.FarFromRoadEstateIds);
        var roads = new DirectedRoads(d.Roads);
        var start = roads.NodeIds.First();
        var from = roads.Dijkstra(start);
        var to = roads.Dijkstra(start, reverse: true);
        Assert.All(roads.NodeIds, id => Assert.True(from.ContainsKey(id) && to.ContainsKey(id), $"node {id} is not strongly connected"));
    }
}
