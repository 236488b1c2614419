using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.Core.Tests.Analysis;

public sealed class TerritoryAnalysisTests
{
    [Fact]
    public void Run_NoEstates_EmptyTerritoriesAndZeroTotals()
    {
        var r = TerritoryAnalysis.Run(Scenario.Build() with { Estates = [] }, TypologyConfig.Default);
        Assert.Empty(r.Territories);
        Assert.Empty(r.Ensembles);
        Assert.Equal(4, r.Types.Count);
        Assert.All(r.Types, t => Assert.Equal(0, t.Dwellings));
    }

    [Fact]
    public void Run_Lodge_HasNoManagementModel()
    {
        var input = Scenario.Build() with
        {
            Agencies = [Geo.Agency("AG1", 2500, 2500, staff: 40), Geo.Agency("L", 1500, 1500, AgencyKind.Loge, staff: 3, siteStaff: 1)],
        };
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        Assert.Equal(3, r.Agencies.Single(a => a.Agency.Id == "AG1").Management.Model);
        var lodge = r.Agencies.Single(a => a.Agency.Id == "L");
        Assert.Null(lodge.Management.Model);
        Assert.Equal(150, lodge.ManagedDwellings);
        var qpv = r.Territories.Single(t => t.QpvCode == Scenario.BigQpv);
        Assert.Equal(1, qpv.Staff.DeclaredSiteFte, 9);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TerritoryAnalysis.Run(Scenario.Build(), TypologyConfig.Default, cts.Token));
    }

    [Fact]
    public void Run_UnknownHousingAndNoDensity_NeutralScoresWithNotes()
    {
        var input = Scenario.Build() with
        {
            Communes = [],
            Estates = [Geo.Estate("U", 100, 100, 40, HousingKind.Unknown, commune: "99999")],
        };
        var t = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single();
        Assert.Null(t.Indicators.CollectiveShare);
        Assert.Null(t.Indicators.DensityLevel);
        Assert.Contains(t.Decision.Notes, n => n.Code == "typology_note_density_unknown");
        Assert.True(t.GeometryApproximate);
        Assert.True(t.Geometry.Area > 0);
    }
}
