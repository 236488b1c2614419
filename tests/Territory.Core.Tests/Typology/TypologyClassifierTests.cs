using Territory.Core.Analysis;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;

namespace Territory.Core.Tests.Typology;

public sealed class TypologyClassifierTests
{
    private static readonly AnalysisResult Result = TerritoryAnalysis.Run(Scenario.Build(), TypologyConfig.Default);

    private static TerritoryResult T(string id) => Result.Territories.Single(t => t.Id == id);

    [Fact]
    public void Run_QpvPartOf150Dwellings_IsPriorityDistrict()
    {
        var t = T($"{Scenario.City}-{Scenario.BigQpv}");
        Assert.Equal(TerritoryType.PriorityDistrict, t.Type);
        Assert.Equal(150, t.Indicators.QpvDwellings);
        Assert.True(t.Decision.Margin > 0.1, $"margin {t.Decision.Margin}");
    }

    [Fact]
    public void Run_QpvPartOf12Dwellings_IsUrbanCollectiveWithSmallQpvNote()
    {
        var t = T($"{Scenario.City}-{Scenario.SmallQpv}");
        Assert.Equal(TerritoryType.UrbanCollective, t.Type);
        Assert.Equal(TerritoryType.PriorityDistrict, t.Decision.RunnerUp);
        Assert.Contains(t.Decision.Notes, n => n.Code == "typology_note_small_qpv");
        Assert.Contains(t.Decision.NotesIn(Territory.Core.Messages.Lang.Fr), n => n.Contains("Part de QPV de 12\u00a0logements", StringComparison.Ordinal));
        Assert.Contains(t.Decision.NotesIn(Territory.Core.Messages.Lang.En), n => n.StartsWith("Priority-district part of 12\u00a0dwellings", StringComparison.Ordinal));
        Assert.StartsWith("Highest score: 'Collective housing in town'", t.Decision.RuleIn(Territory.Core.Messages.Lang.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VillageWithThreeHouses_IsRuralDiffuse()
    {
        var t = T(Scenario.Village);
        Assert.Equal(TerritoryType.RuralDiffuse, t.Type);
        Assert.Equal(3, t.Indicators.Dwellings);
        Assert.Equal(0, t.Indicators.CollectiveShare);
    }

    [Fact]
    public void Run_LoneCollectiveResidenceInSmallTown_IsIsolated()
    {
        var t = T(Scenario.Town);
        Assert.Equal(TerritoryType.Isolated, t.Type);
        Assert.Equal(0, t.Indicators.NearbyLandlordDwellings);
        Assert.Equal(TerritoryType.UrbanCollective, t.Decision.RunnerUp);
    }

    [Fact]
    public void Run_CollectiveBesideQpvInBigCity_IsUrbanCollective()
    {
        var t = T(Scenario.City);
        Assert.Equal(TerritoryType.UrbanCollective, t.Type);
        Assert.Equal(0, t.Indicators.QpvDwellings);
        Assert.Equal(["BESIDE"], t.EstateIds);
    }

    [Fact]
    public void Classify_AnyTerritory_TraceHasFourScoresAndConsistentMargin()
    {
        foreach (var t in Result.Territories)
        {
            var d = t.Decision;
            Assert.Equal(4, d.Scores.Count);
            Assert.Equal(d.Scores.Max(s => s.Score), d.Score, 9);
            Assert.NotEqual(d.Type, d.RunnerUp);
            Assert.InRange(d.Margin, 0, 1);
            Assert.All(d.Scores, s => Assert.Equal(1, s.Criteria.Sum(c => c.Weight), 9));
            Assert.Equal("typology_rule", d.Rule.Code);
            Assert.Contains("écart", d.RuleIn(Territory.Core.Messages.Lang.Fr), StringComparison.Ordinal);
            Assert.Contains("gap", d.RuleIn(Territory.Core.Messages.Lang.En), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Classify_ZeroQpvWeightOnDwellings_SmallQpvPartBecomesPriorityDistrict()
    {
        var config = TypologyConfig.Parse("""
            { "classification": { "weights": { "priority_district": { "qpv_dwellings": 0 } } } }
            """);
        var result = TerritoryAnalysis.Run(Scenario.Build(), config);
        var t = result.Territories.Single(x => x.Id == $"{Scenario.City}-{Scenario.SmallQpv}");
        Assert.Equal(TerritoryType.PriorityDistrict, t.Type);
    }

    [Fact]
    public void Run_QpvPartOf150AloneInSmallTown_IsPriorityDistrictNotIsolated()
    {
        var input = Scenario.Build() with
        {
            Districts = [new Core.Model.PriorityDistrict { Code = "QP038001", Name = "Quartier", Geometry = Geo.Box(31_000, 1000, 32_000, 2000) }],
            Estates = [Geo.Estate("Q", 31_500, 1500, 150)],
        };
        var t = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single();
        Assert.Equal(TerritoryType.PriorityDistrict, t.Type);
        Assert.Equal(TerritoryType.Isolated, t.Decision.RunnerUp);
        Assert.Equal(0.2, t.Decision.Margin, 6);
    }
}
