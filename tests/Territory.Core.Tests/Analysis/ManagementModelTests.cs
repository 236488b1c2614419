using Territory.Core.Analysis;

namespace Territory.Core.Tests.Analysis;

public sealed class ManagementModelTests
{
    [Theory]
    [InlineData(14, 1, false)]
    [InlineData(15, 2, false)]
    [InlineData(25, 2, false)]
    [InlineData(26, 2, true)]
    [InlineData(30, 2, true)]
    [InlineData(31, 3, false)]
    public void FromStaff_Boundaries_MatchSeed003(int staff, int model, bool transition)
    {
        var m = ManagementModel.FromStaff(staff);
        Assert.Equal(model, m.Model);
        Assert.Equal(transition, m.Transition);
        Assert.Contains(staff.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Description.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromStaff_Unknown_NoModel() => Assert.Null(ManagementModel.FromStaff(null).Model);

    [Fact]
    public void Run_AgencyWithSiteStaff_CountedAtTheAgencyNeverSpreadOverTerritories()
    {
        var input = Scenario.Build() with
        {
            Agencies = [Geo.Agency("AG1", 2500, 2500, staff: 20, siteStaff: 4)],
        };
        var r = TerritoryAnalysis.Run(input, Territory.Core.Typology.TypologyConfig.Default);
        var ag = Assert.Single(r.Agencies);
        Assert.Equal(2, ag.Management.Model);
        Assert.Equal(7, ag.ManagedEstates);
        Assert.Equal(4, ag.Staff.UnlocatedSiteFte, 9);
        Assert.Equal(4, ag.Staff.DeclaredSiteFte, 9);
        Assert.Equal(r.Territories.Sum(t => t.Indicators.Dwellings) / 4.0, ag.DwellingsPerSiteAgent!.Value, 9);
        Assert.All(r.Territories, t => Assert.Equal(0, t.Staff.DeclaredSiteFte, 9));
        Assert.Equal(0, r.Types.Sum(t => t.Staff.DeclaredSiteFte), 9);
        Assert.Equal(5, PerimeterModels.Responsibilities(3).Count(x => x != "NR"));
    }
}
