using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Operation.Valid;
using Territory.Demo;

namespace Territory.Demo.Tests;

[Collection(DemoCollection.Name)]
public sealed class DemoGeometryTests(DemoFixture fixture)
{
    private readonly DemoDataset _d = fixture.Dataset;

    [Fact]
    public void Generate_Default_AllPolygonsValid()
    {
        var polygons = _d.Communes.Select(c => c.Geometry).Concat(_d.Districts.Select(q => q.Geometry)).Append(_d.Outline);
        Assert.All(polygons, g =>
        {
            Assert.IsType<Polygon>(g);
            var error = new IsValidOp(g).ValidationError;
            Assert.True(error is null, error?.ToString());
        });
    }

    [Fact]
    public void Generate_Default_CommunesTileTheOutline()
    {
        var outlineArea = _d.Outline.Area;
        var sum = _d.Communes.Sum(c => c.Geometry.Area);
        var union = CascadedPolygonUnion.Union(_d.Communes.Select(c => c.Geometry).ToList());

        Assert.Equal(1.0, sum / outlineArea, 6);
        Assert.Equal(1.0, union.Area / outlineArea, 6);
        Assert.True(union.SymmetricDifference(_d.Outline).Area < 1000, "communes leave gaps or spill over the outline");
    }

    [Fact]
    public void Generate_Default_CommunesDoNotOverlap()
    {
        var communes = _d.Communes;
        for (var i = 0; i < communes.Count; i++)
            for (var j = i + 1; j < communes.Count; j++)
            {
                if (!communes[i].Geometry.EnvelopeInternal.Intersects(communes[j].Geometry.EnvelopeInternal))
                    continue;
                var overlap = communes[i].Geometry.Intersection(communes[j].Geometry).Area;
                Assert.True(overlap < 1, $"{communes[i].Code} and {communes[j].Code} overlap by {overlap} m²");
            }
    }

    [Fact]
    public void Generate_Default_AreaMatchesPolygon()
    {
        Assert.All(_d.Communes, c => Assert.InRange(Math.Abs(c.Geometry.Area / 1e6 - c.AreaKm2!.Value), 0, 0.001));
    }

    [Fact]
    public void Generate_Default_EveryEstateInsideItsCommune()
    {
        var byCode = _d.Communes.ToDictionary(c => c.Code);
        Assert.All(_d.Estates, e => Assert.True(byCode[e.CommuneCode!].Geometry.Contains(e.Geometry), $"{e.Id} outside {e.CommuneCode}"));
    }

    [Fact]
    public void Generate_Default_QpvCodesMatchDistrictPolygons()
    {
        foreach (var e in _d.Estates)
        {
            var containing = _d.Districts.Where(q => q.Geometry.Contains(e.Geometry)).Select(q => q.Code).SingleOrDefault();
            Assert.Equal(containing, e.QpvCode);
        }
        Assert.True(_d.Estates.Count(e => e.QpvCode is not null) >= 15);
    }

    [Fact]
    public void Generate_Default_DistrictsInsideTheirCommune()
    {
        var byCode = _d.Communes.ToDictionary(c => c.Code);
        Assert.All(_d.Districts, q => Assert.True(byCode[q.CommuneCode!].Geometry.Covers(q.Geometry), q.Code));
    }

    [Fact]
    public void Generate_Default_AgenciesInsideTheirCommune()
    {
        var byCode = _d.Communes.ToDictionary(c => c.Code);
        Assert.All(_d.Agencies, a => Assert.True(byCode[a.CommuneCode!].Geometry.Contains(a.Location), a.Id));
    }
}
