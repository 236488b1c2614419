using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Model;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;
using static Territory.Core.Tests.Analysis.Geo;

namespace Territory.Core.Tests.Caretaking;

public sealed class CaretakingCheckTests
{
    private static AnalysisInput With(params Estate[] estates) => Scenario.Build() with { Estates = estates };

    [Fact]
    public void Run_150CollectiveInQpvWithoutSiteStaff_Requires1Point5FteFlagged()
    {
        var r = TerritoryAnalysis.Run(With(Geo.Estate("A", 1500, 1500, 150)), TypologyConfig.Default);
        var e = Assert.Single(r.Ensembles);
        Assert.True(e.Applies);
        Assert.Equal(1.5, e.RequiredFte, 9);
        Assert.Equal(0, e.DeclaredFte);
        Assert.True(e.Deficit);
        Assert.Contains(Scenario.BigQpv, e.Ground, StringComparison.Ordinal);
        var t = r.Territories.Single();
        Assert.Equal(1.5, t.CaretakerRequiredFte, 9);
        Assert.Contains(t.Presence, p => p.Form == "gardiennage à renforcer");
    }

    [Fact]
    public void Run_90CollectiveInQpv_NotApplicable()
    {
        var r = TerritoryAnalysis.Run(With(Geo.Estate("A", 1500, 1500, 90)), TypologyConfig.Default);
        var e = Assert.Single(r.Ensembles);
        Assert.False(e.Applies);
        Assert.Equal(0, e.RequiredFte);
        Assert.Equal(0, r.Territories.Single().CaretakerRequiredFte);
    }

    [Fact]
    public void Run_Commune30000OutsideQpv_Applies()
    {
        var input = With(Geo.Estate("A", 31_500, 1500, 120)) with
        {
            Communes = [Commune(Scenario.Town, "Ville moyenne", Box(30_000, 0, 33_000, 3000), 30_000, 2)],
        };
        var e = Assert.Single(TerritoryAnalysis.Run(input, TypologyConfig.Default).Ensembles);
        Assert.True(e.Applies);
        Assert.Empty(e.QpvCodes);
        Assert.Equal(1.2, e.RequiredFte, 9);
        Assert.Contains("30", e.Ground, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SmallTownOutsideQpv_NotApplicable()
    {
        var e = Assert.Single(TerritoryAnalysis.Run(With(Geo.Estate("A", 31_500, 1500, 120)), TypologyConfig.Default).Ensembles);
        Assert.False(e.Applies);
    }

    [Theory]
    [InlineData(100, 1)]
    [InlineData(200, 2)]
    public void Run_TwoResidencesOf60_LinkedOnlyWithinLinkDistance(double gap, int expectedEnsembles)
    {
        var r = TerritoryAnalysis.Run(With(Geo.Estate("A", 2500, 4000, 60), Geo.Estate("B", 2500 + gap, 4000, 60)), TypologyConfig.Default);
        Assert.Equal(expectedEnsembles, r.Ensembles.Count);
        Assert.Equal(expectedEnsembles == 1, r.Ensembles.Any(e => e.Applies));
    }

    [Fact]
    public void Run_IndividualHouses_NeverFormAnEnsemble()
    {
        var r = TerritoryAnalysis.Run(With(Geo.Estate("A", 1500, 1500, 150, HousingKind.Individual)), TypologyConfig.Default);
        Assert.Empty(r.Ensembles);
    }

    [Fact]
    public void Run_LodgeWithTwoGardiensNearby_CoversRequirement()
    {
        var input = With(Geo.Estate("A", 1500, 1500, 150)) with
        {
            Agencies = [Agency("AG1", 2500, 2500), Agency("LOGE", 1550, 1500, AgencyKind.Loge, staff: null, siteStaff: 2)],
        };
        var e = Assert.Single(TerritoryAnalysis.Run(input, TypologyConfig.Default).Ensembles);
        Assert.Equal(2, e.DeclaredFte, 9);
        Assert.False(e.Deficit);
    }

    [Fact]
    public void Citation_MentionsCodeDeLaSecuriteInterieure()
    {
        Assert.Contains("L271-1", CaretakingRule.Citation, StringComparison.Ordinal);
        Assert.Contains("R127-1", CaretakingRule.Citation, StringComparison.Ordinal);
    }
}
