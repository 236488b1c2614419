using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Demo;

namespace Territory.Demo.Tests;

[Collection(DemoCollection.Name)]
public sealed class DemoContentTests(DemoFixture fixture)
{
    private readonly DemoDataset _d = fixture.Dataset;
    private IEnumerable<Estate> Main => _d.Estates.Where(e => e.Landlord == _d.Landlord);

    [Fact]
    public void Generate_Default_NamesAndLandlord()
    {
        Assert.Equal("habitat-demo", _d.Name);
        Assert.Equal("Habitat Démo", _d.Landlord);
        Assert.Equal("00", _d.DepartmentCode);
    }

    [Fact]
    public void Generate_Default_EstateAndDwellingCountsInRange()
    {
        Assert.InRange(Main.Count(), 1275, 1725);
        Assert.InRange(Main.Sum(e => e.Dwellings), 25_500, 34_500);
        Assert.All(_d.Estates, e => Assert.True(e.Dwellings > 0));
        Assert.Equal(_d.Estates.Count, _d.Estates.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_Default_CommunesCoverEveryDensityLevel()
    {
        Assert.InRange(_d.Communes.Count, 60, 120);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], _d.Communes.Select(c => c.DensityLevel!.Value).Distinct().Order());
        Assert.All(_d.Communes, c => Assert.Matches("^00[0-9]{3}$", c.Code));
        Assert.Equal(_d.Communes.Count, _d.Communes.Select(c => c.Name).Distinct().Count());
        var city = Assert.Single(_d.Communes, c => c.DensityLevel == 1);
        Assert.InRange(city.Population!.Value, 150_000, 250_000);
        var mid = Assert.Single(_d.Communes, c => c.DensityLevel == 2);
        Assert.InRange(mid.Population!.Value, 30_000, 40_000);
    }

    [Fact]
    public void Generate_Default_DensityFallsWithLevel()
    {
        double Density(Commune c) => c.Population!.Value / c.AreaKm2!.Value;
        var byLevel = _d.Communes.GroupBy(c => c.DensityLevel!.Value).OrderBy(g => g.Key).Select(g => g.Average(Density)).ToList();
        for (var i = 1; i < byLevel.Count; i++)
            Assert.True(byLevel[i] < byLevel[i - 1], $"mean density of level {i + 1} is not below level {i}");
    }

    [Fact]
    public void Generate_Default_DistrictsInCityAndMidTown()
    {
        Assert.InRange(_d.Districts.Count, 3, 8);
        Assert.All(_d.Districts, q => Assert.Matches("^QN[0-9]{6}$", q.Code));
        var city = _d.Communes.Single(c => c.DensityLevel == 1).Code;
        Assert.InRange(_d.Districts.Count(q => q.CommuneCode == city), 3, 5);
    }

    [Fact]
    public void Generate_Default_SomeDistrictsSharedByLandlords()
    {
        var shared = _d.Estates.Where(e => e.QpvCode is not null).GroupBy(e => e.QpvCode)
            .Count(g => g.Select(e => e.Landlord).Distinct().Count() >= 2);
        Assert.InRange(shared, 1, _d.Districts.Count - 1);
    }

    [Fact]
    public void Generate_Default_GrandsEnsemblesInDistricts()
    {
        var inQpv = Main.Where(e => e.QpvCode is not null).ToList();
        Assert.All(inQpv, e => Assert.Equal(HousingKind.Collective, e.Housing));
        Assert.All(inQpv, e => Assert.InRange(e.Dwellings, 100, 600));
        Assert.All(inQpv, e => Assert.InRange(e.ConstructionYear!.Value, 1955, 1979));
        Assert.Contains(Main, e => e.Housing == HousingKind.Individual);
    }

    [Fact]
    public void Generate_Default_AgenciesCoverKindsAndManagementModels()
    {
        Assert.InRange(_d.Agencies.Count, 6, 10);
        Assert.Equal(_d.Agencies.Count, _d.Agencies.Select(a => a.Id).Distinct().Count());
        foreach (var kind in new[] { AgencyKind.Siege, AgencyKind.Agence, AgencyKind.Antenne, AgencyKind.Loge })
            Assert.Contains(_d.Agencies, a => a.Kind == kind);
        var managing = _d.Agencies.Where(a => a.Kind is AgencyKind.Agence or AgencyKind.Antenne).ToList();
        Assert.Contains(managing, a => a.Staff < 15);
        Assert.Contains(managing, a => a.Staff is >= 15 and <= 25);
        Assert.Contains(managing, a => a.Staff > 30);
        Assert.All(_d.Agencies, a => Assert.InRange(a.PerimeterModel!.Value, 1, 6));
    }

    [Fact]
    public void Generate_Default_EveryMainEstateManagedByAnAgency()
    {
        var ids = _d.Agencies.Select(a => a.Id).ToHashSet();
        Assert.All(Main, e => Assert.Contains(e.AgencyId!, ids));
    }

    [Fact]
    public void Generate_Default_LodgesCaretakingBothSufficientAndShort()
    {
        var ratios = new List<double>();
        foreach (var loge in _d.Agencies.Where(a => a.Kind == AgencyKind.Loge))
        {
            var qpv = _d.Districts.Single(q => q.Geometry.Contains(loge.Location));
            var dwellings = Main.Where(e => e.QpvCode == qpv.Code).Sum(e => e.Dwellings);
            ratios.Add(loge.SiteStaff!.Value * 100.0 / dwellings);
        }
        Assert.Contains(ratios, r => r >= 1);
        Assert.Contains(ratios, r => r < 1);
    }

    [Fact]
    public void Generate_Default_AllGeometriesInLambert93()
    {
        var geometries = _d.Communes.Select(c => c.Geometry)
            .Concat(_d.Districts.Select(q => q.Geometry))
            .Concat(_d.Estates.Select(e => e.Geometry))
            .Concat(_d.Agencies.Select(a => (NetTopologySuite.Geometries.Geometry)a.Location))
            .Append(_d.Outline);
        Assert.All(geometries, g =>
        {
            Assert.Equal(CrsRegistry.Lambert93, g.SRID);
            Assert.InRange(g.EnvelopeInternal.MinX, 600_000, 800_000);
            Assert.InRange(g.EnvelopeInternal.MinY, 6_520_000, 6_700_000);
        });
    }
}
