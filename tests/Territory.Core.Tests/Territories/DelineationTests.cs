using NetTopologySuite.IO;
using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Territories;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;
using static Territory.Core.Tests.Analysis.Geo;

namespace Territory.Core.Tests.Territories;

public sealed class DelineationTests
{
    [Fact]
    public void Run_CommuneAndQpv_SplitsQpvPartsWithCompositeIds()
    {
        var r = TerritoryAnalysis.Run(Scenario.Build(), TypologyConfig.Default);
        var ids = r.Territories.Select(t => t.Id).ToList();
        Assert.Equal(
            new[] { Scenario.City, $"{Scenario.City}-{Scenario.BigQpv}", $"{Scenario.City}-{Scenario.SmallQpv}", Scenario.Town, Scenario.Village }.Order(StringComparer.Ordinal),
            ids.Order(StringComparer.Ordinal));
        var commune = r.Territories.Single(t => t.Id == Scenario.City);
        Assert.Equal(TerritoryKind.Commune, commune.Kind);
        Assert.False(commune.Geometry.Contains(Pt(1500, 1500)), "commune territory must exclude the QPV");
        var qpv = r.Territories.Single(t => t.Id == $"{Scenario.City}-{Scenario.BigQpv}");
        Assert.Equal(TerritoryKind.QpvPart, qpv.Kind);
        Assert.Equal(1_000_000, qpv.Geometry.Area, 1);
    }

    [Fact]
    public void Run_Sectors_GroupsBySectorAndKeepsOutsideEstates()
    {
        var input = Scenario.Build() with
        {
            Delineation = DelineationMode.Sectors,
            Sectors = [("S1", "Secteur urbain", Box(0, 0, 5000, 5000))],
        };
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        var s1 = r.Territories.Single(t => t.Id == "S1");
        Assert.Equal(3, s1.Indicators.Estates);
        Assert.Equal(162, s1.Indicators.QpvDwellings);
        var outside = r.Territories.Single(t => t.Id == "hors-secteur");
        Assert.Equal(4, outside.Indicators.Estates);
    }

    [Fact]
    public void Run_AgencyCatchment_OneTerritoryPerNearestAgency()
    {
        var input = Scenario.Build() with
        {
            Delineation = DelineationMode.AgencyCatchment,
            Agencies = [Agency("AG1", 2500, 2500), Agency("AG2", 61_000, 2000)],
        };
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        Assert.Equal(["AG1", "AG2"], r.Territories.Select(t => t.Id).ToList());
        Assert.Equal(3, r.Territories.Single(t => t.Id == "AG2").Indicators.Estates);
        Assert.All(r.Territories, t => Assert.True(t.Geometry.Area > 0));
    }

    [Fact]
    public void Run_AnyInput_DoesNotMutateInputGeometries()
    {
        var input = Scenario.Build();
        var before = input.Estates.Select(e => e.Geometry.AsText()).Concat(input.Communes.Select(c => c.Geometry.AsText())).ToList();
        TerritoryAnalysis.Run(input, TypologyConfig.Default);
        var after = input.Estates.Select(e => e.Geometry.AsText()).Concat(input.Communes.Select(c => c.Geometry.AsText())).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public void Run_NoAccess_TravelIsStraightLineEstimate()
    {
        var input = Scenario.Build() with { Estates = [Geo.Estate("E", 2500, 8500, 10, commune: Scenario.City)] };
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        var ind = r.Territories.Single().Indicators;
        Assert.True(ind.TravelEstimated);
        Assert.True(r.TravelEstimated);
        // 6 km × 1.3 at 40 km/h = 11.7 min.
        Assert.Equal(11.7, ind.MeanTravelMinutes!.Value, 6);
    }

    [Fact]
    public void Run_WithAccess_UsesRoutedTimeUnflagged()
    {
        var input = Scenario.Build() with
        {
            Estates = [Geo.Estate("E", 2500, 8500, 10, commune: Scenario.City)],
            Access = new Dictionary<string, EstateAccess> { ["E"] = new("E", "AG1", 1500, 9000, false) },
        };
        var ind = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single().Indicators;
        Assert.False(ind.TravelEstimated);
        Assert.Equal(25, ind.MeanTravelMinutes!.Value, 6);
    }
}
