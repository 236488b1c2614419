using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;

namespace Territory.Core.Tests.Presence;

/// <summary>The seed's management stakes per type, and context stated only where data supports it.</summary>
public sealed class StakesAndContextTests
{
    [Theory]
    [InlineData(TerritoryType.RuralDiffuse, 4, "approches commerciales")]
    [InlineData(TerritoryType.Isolated, 3, "veille régulière")]
    [InlineData(TerritoryType.UrbanCollective, 2, "occupation sociale")]
    [InlineData(TerritoryType.PriorityDistrict, 4, "renouvellement urbain")]
    public void For_Type_SeedStakes(TerritoryType type, int count, string excerpt)
    {
        var stakes = Stakes.For(type);
        Assert.Equal(count, stakes.Count);
        Assert.Contains(stakes, s => s.Render(Lang.Fr).Contains(excerpt, StringComparison.Ordinal));
        Assert.All(stakes, s => Assert.True(Catalogue.Has(s.Code), s.Code));
    }

    [Fact]
    public void Run_UrbanResidenceWithoutConstructionYear_NeverSaysAgeing()
    {
        var t = TerritoryAnalysis.Run(Scenario.Build() with { Estates = [Geo.Estate("C", 4500, 4500, 80)] }, TypologyConfig.Default).Territories.Single();
        Assert.Equal(TerritoryType.UrbanCollective, t.Type);
        Assert.DoesNotContain(t.Context, m => m.Code is "context_old_stock" or "context_ageing_district");
        Assert.DoesNotContain(t.Context.Concat(t.Stakes), m => m.Render(Lang.Fr).Contains("vieillissante", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1968, true)]
    [InlineData(1990, false)]
    public void Run_ConstructionYear_OldStockStatedOnlyBefore1975(int year, bool stated)
    {
        var estate = Geo.Estate("C", 4500, 4500, 80) with { ConstructionYear = year };
        var t = TerritoryAnalysis.Run(Scenario.Build() with { Estates = [estate] }, TypologyConfig.Default).Territories.Single();
        Assert.Equal(stated, t.Context.Any(m => m.Code == "context_old_stock"));
    }

    [Fact]
    public void Run_QpvIndicators_AgeingAndPovertyStatedFromInsee()
    {
        var input = Scenario.Build() with
        {
            Estates = [Geo.Estate("A", 1500, 1500, 150)],
            Districts =
            [
                new PriorityDistrict { Code = Scenario.BigQpv, Name = "Les Minguettes", CommuneCode = Scenario.City, Geometry = Geo.Box(1000, 1000, 2000, 2000),
                    Population = 5200, PovertyRate = 43.9, MedianIncome = 13305, YouthIndex = 0.7 },
            ],
        };
        var t = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single();
        var codes = t.Context.Select(m => m.Code).ToList();
        Assert.Contains("context_ageing_district", codes);
        Assert.Contains("context_poverty", codes);
        Assert.Contains("context_district_population", codes);
        Assert.Equal(5200, t.Indicators.DistrictPopulation);
        Assert.Contains(t.Decision.Scores.Single(s => s.Type == TerritoryType.PriorityDistrict).Criteria, c => c.Name == "district_population" && c.Score == 1);
    }

    [Fact]
    public void Classify_SmallPartOfADistrictWhereOtherLandlordsHoldMost_JudgedOnTheWholeStock()
    {
        var alone = TerritoryAnalysis.Run(Scenario.Build() with { Estates = [Geo.Estate("A", 3200, 3200, 30)] }, TypologyConfig.Default)
            .Territories.Single();
        Assert.NotEqual(TerritoryType.PriorityDistrict, alone.Type);
        var shared = TerritoryAnalysis.Run(Scenario.Build() with
        {
            Estates = [Geo.Estate("A", 3200, 3200, 30), Geo.Estate("A2", 3100, 3100, 10), Geo.Estate("B", 3300, 3300, 400, landlord: "Bailleur B")],
        }, TypologyConfig.Default).Territories.Single();
        Assert.Equal(TerritoryType.PriorityDistrict, shared.Type);
        Assert.Equal(440, shared.Indicators.DistrictDwellings);
        Assert.Equal(40, shared.OwnDwellings);
    }
}
