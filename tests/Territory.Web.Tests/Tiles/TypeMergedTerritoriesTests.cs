using NetTopologySuite.Geometries;
using Territory.Web.Tiles;

namespace Territory.Web.Tests.Tiles;

public sealed class TypeMergedTerritoriesTests
{
    private static readonly GeometryFactory Mercator = new(new PrecisionModel(), 3857);
    // Coordinates on the union's grid (about 1.2 km), so that snapping moves no corner and areas compare exactly.
    private static readonly double G = TypeMergedTerritories.GridMeters;
    private static readonly double Side = 16 * G;

    // A 6 × 6 grid of squares of about 20 km (Web Mercator metres, over France): the west half urban, the east half rural, and one
    // rural square alone inside the urban half.
    private static List<(Geometry, string, string)> Grid()
    {
        var list = new List<(Geometry, string, string)>();
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
            {
                var rural = i >= 3 || (i == 1 && j == 2);
                double x = 250 * G + i * Side, y = 4_750 * G + j * Side;
                var square = Mercator.ToGeometry(new Envelope(x, x + Side, y, y + Side));
                list.Add((square, rural ? "rural_diffuse" : "urban_collective", rural ? "#2a9d8f" : "#e76f51"));
            }
        return list;
    }

    [Fact]
    public void Of_SquaresOfTwoTypes_OneAreaPerConnectedGroupWithTheSquaresArea()
    {
        var merged = TypeMergedTerritories.Of(Grid());

        var urban = merged.Where(m => (string)m.Attributes["type"] == "urban_collective").Select(m => m.Mercator).ToList();
        var rural = merged.Where(m => (string)m.Attributes["type"] == "rural_diffuse").Select(m => m.Mercator).ToList();
        // The urban half is one area with a hole (the lone rural square); the rural squares are two areas.
        var urbanArea = Assert.Single(urban);
        Assert.Equal(1, ((Polygon)urbanArea).NumInteriorRings);
        Assert.Equal(2, rural.Count);
        Assert.Equal(17 * Side * Side, urbanArea.Area, 0.001 * Side * Side);
        Assert.Equal(19 * Side * Side, rural.Sum(g => g.Area), 0.001 * Side * Side);
        // The types in the order they first appear; every feature says it is merged and carries its colour, no territory id.
        Assert.Equal("urban_collective", merged[0].Attributes["type"]);
        Assert.All(merged, m =>
        {
            Assert.True((bool)m.Attributes["merged"]);
            Assert.False(m.Attributes.Exists("id"));
            Assert.Equal((string)m.Attributes["type"] == "rural_diffuse" ? "#2a9d8f" : "#e76f51", m.Attributes["colour"]);
        });
    }

    [Fact]
    public void Of_NeighboursWithSlightlyDifferentEdges_LeaveNoSliverBetweenThem()
    {
        // Two neighbours whose shared edge differs by 30 m in its middle (as two simplified outlines do): one area, no sliver.
        var west = Mercator.CreatePolygon([new(0, 0), new(Side, 0), new(Side - 30, Side / 2), new(Side, Side), new(0, Side), new(0, 0)]);
        var east = Mercator.CreatePolygon([new(Side, 0), new(2 * Side, 0), new(2 * Side, Side), new(Side, Side), new(Side, 0)]);
        var merged = TypeMergedTerritories.Of([(west, "rural_diffuse", "#2a9d8f"), (east, "rural_diffuse", "#2a9d8f")]);

        var area = (Polygon)Assert.Single(merged).Mercator;
        Assert.Equal(0, area.NumInteriorRings);
        Assert.Equal(2 * Side * Side, area.Area, 1e-6 * Side * Side);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(TypeMergedTerritories.UpToZoom, true)]
    [InlineData(TypeMergedTerritories.UpToZoom + 1, false)]
    public void Applies_ByZoom_MergesOnlyTheNationalView(int z, bool merged) => Assert.Equal(merged, TypeMergedTerritories.Applies(z));
}
