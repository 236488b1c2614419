using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;
using static Territory.Core.Tests.Analysis.Geo;

namespace Territory.Core.Tests.Presence;

public sealed class PresenceRecommenderTests
{
    [Fact]
    public void Run_RuralVillage_RecommendsSeedFormsWithFrenchReasons()
    {
        var r = TerritoryAnalysis.Run(Scenario.Build(), TypologyConfig.Default);
        var village = r.Territories.Single(t => t.Id == Scenario.Village);
        var forms = village.Presence.Select(p => p.Form).ToList();
        Assert.Contains("agence mobile", forms);
        Assert.Contains("lieux relais", forms);
        Assert.Contains("réseau de prestataires", forms);
        Assert.All(village.Presence, p => Assert.EndsWith(".", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_VillageFarFromAgency_LieuxRelaisReasonCitesTravelTime()
    {
        var r = TerritoryAnalysis.Run(Scenario.Build(), TypologyConfig.Default);
        var village = r.Territories.Single(t => t.Id == Scenario.Village);
        Assert.True(village.Indicators.MeanTravelMinutes > 30);
        var relais = village.Presence.Single(p => p.Form == "lieux relais");
        Assert.True(relais.FromContext);
        Assert.Contains("min", relais.Reason, StringComparison.Ordinal);
        Assert.Contains("vol d'oiseau", relais.Reason, StringComparison.Ordinal);
        Assert.Contains(village.Presence, p => p.Form == "arrêts d'agence mobile");
    }

    [Fact]
    public void Run_QpvWithTwoLandlords_RecommendsInterLandlordCoordination()
    {
        var input = Scenario.Build() with
        {
            Estates = [Geo.Estate("A", 1200, 1200, 150), Geo.Estate("B", 1800, 1800, 200, landlord: "Bailleur B")],
        };
        var t = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single(x => x.QpvCode == Scenario.BigQpv);
        var coord = t.Presence.Single(p => p.Form == "coordination inter-bailleurs");
        Assert.Contains("2 bailleurs", coord.Reason, StringComparison.Ordinal);
        Assert.Contains("Bailleur B", coord.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LargeQpvWithoutOffice_RecommendsAgencyInDistrict()
    {
        var input = Scenario.Build() with { Estates = [Geo.Estate("A", 1200, 1200, 600)] };
        var t = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single();
        Assert.Equal(TerritoryType.PriorityDistrict, t.Type);
        Assert.Contains(t.Presence, p => p.Form == "agence ou antenne dans le quartier" && p.Reason.Contains("600", StringComparison.Ordinal));
        Assert.Contains(t.Presence, p => p.Form == "agence au cœur du quartier");
    }

    [Fact]
    public void Run_LargeQpvWithAntennaInside_NoInDistrictRecommendation()
    {
        var input = Scenario.Build() with
        {
            Estates = [Geo.Estate("A", 1200, 1200, 600)],
            Agencies = [Agency("AG1", 2500, 2500), Agency("ANT", 1500, 1500, AgencyKind.Antenne)],
        };
        var t = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single();
        Assert.Equal(1, t.Indicators.OfficesInside);
        Assert.DoesNotContain(t.Presence, p => p.Form == "agence ou antenne dans le quartier");
    }

    [Theory]
    [InlineData(TerritoryType.PriorityDistrict, AccueilModes.PiedImmeuble, true)]
    [InlineData(TerritoryType.RuralDiffuse, AccueilModes.PiedImmeuble, false)]
    [InlineData(TerritoryType.RuralDiffuse, AccueilModes.SurRendezVous, true)]
    [InlineData(TerritoryType.UrbanCollective, AccueilModes.PermanencePhysique, true)]
    public void Accueil_Type_RecommendsExpectedModes(TerritoryType type, AccueilModes mode, bool expected)
    {
        var mix = Core.Presence.PresenceRecommender.Accueil(type);
        Assert.Equal(expected, mix.Recommended.HasFlag(mode));
        Assert.Contains("29", Core.Presence.AccueilMix.Survey, StringComparison.Ordinal);
    }
}
