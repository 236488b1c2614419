using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;
using static Territory.Core.Tests.Analysis.Geo;

namespace Territory.Core.Tests.Caretaking;

public sealed class CaretakingCheckTests
{
    private static AnalysisInput With(params Estate[] estates) => Scenario.Build() with { Estates = estates };

    private static AnalysisInput InTown(int? population, string? area = null, int? areaPopulation = null, int? neighbour = null, params Estate[] estates)
    {
        List<Commune> communes =
        [
            Commune(Scenario.City, "Grande-Ville", Box(0, 0, 5000, 5000), 65_000, 1),
            Commune(Scenario.Town, "Petite-Ville", Box(30_000, 0, 33_000, 3000), population, 4) with { UrbanAreaCode = area, UrbanAreaPopulation = areaPopulation },
        ];
        if (neighbour is { } n)
            communes.Add(Commune("38200", "Voisine", Box(33_000, 0, 36_000, 3000), n, 3) with { UrbanAreaCode = area });
        return With(estates.Length > 0 ? estates : [Geo.Estate("A", 31_500, 1500, 120)]) with { Communes = communes };
    }

    private static CaretakingEnsemble One(AnalysisInput input) => Assert.Single(TerritoryAnalysis.Run(input, TypologyConfig.Default).Ensembles);

    [Fact]
    public void Run_150CollectiveInQpvWithoutSiteStaff_Requires1Point5FteFlagged()
    {
        var r = TerritoryAnalysis.Run(With(Geo.Estate("A", 1500, 1500, 150)), TypologyConfig.Default);
        var e = Assert.Single(r.Ensembles);
        Assert.Equal(CaretakingStatus.Applies, e.Status);
        Assert.Equal(CaretakingCase.PriorityDistrict, e.Case);
        Assert.Equal(1.5, e.RequiredFte, 9);
        Assert.Equal(0, e.DeclaredFte);
        Assert.Equal(1.5, e.DeficitFte, 9);
        Assert.Contains(Scenario.BigQpv, e.Ground.ToString(), StringComparison.Ordinal);
        var t = r.Territories.Single();
        Assert.Equal(1.5, t.Caretaking.Own.RequiredFte, 9);
        Assert.Equal(1.5, t.Caretaking.Own.DeficitFte, 9);
        Assert.Contains(t.Plan, p => p.Form == Core.Presence.PresenceForm.ReinforcedSiteManagement && p.Legal && p.Rank == 1);
    }

    [Fact]
    public void Run_90CollectiveInQpv_NotApplicable()
    {
        var e = One(With(Geo.Estate("A", 1500, 1500, 90)));
        Assert.Equal(CaretakingStatus.NotApplicable, e.Status);
        Assert.Equal(0, e.RequiredFte);
        Assert.Equal("caretaking_ground_small", e.Ground.Code);
    }

    [Theory]
    [InlineData(25_000, CaretakingStatus.NotApplicable)]
    [InlineData(25_001, CaretakingStatus.Applies)]
    public void Run_CommunePopulation_FlipsAbove25000(int population, CaretakingStatus expected)
    {
        var e = One(InTown(population, area: "000"));
        Assert.Equal(expected, e.Status);
        Assert.Equal(expected == CaretakingStatus.Applies ? CaretakingCase.CommunePopulation : CaretakingCase.None, e.Case);
    }

    [Fact]
    public void Run_CommuneOfAnUrbanAreaOf60000WithATownOver15000_Applies()
    {
        var e = One(InTown(8_000, area: "AU042", areaPopulation: 60_000, neighbour: 20_000));
        Assert.Equal(CaretakingStatus.Applies, e.Status);
        Assert.Equal(CaretakingCase.UrbanArea, e.Case);
        Assert.Equal(1.2, e.RequiredFte, 9);
        Assert.Contains("Voisine", e.Ground.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(49_999, 20_000, CaretakingStatus.NotApplicable)]
    [InlineData(50_000, 15_000, CaretakingStatus.ToCheck)]
    [InlineData(50_000, 15_001, CaretakingStatus.Applies)]
    public void Run_UrbanArea_FlipsAtItsThresholds(int areaPopulation, int town, CaretakingStatus expected) =>
        Assert.Equal(expected, One(InTown(8_000, area: "AU042", areaPopulation: areaPopulation, neighbour: town)).Status);

    [Fact]
    public void Run_UrbanAreaPopulationNotGiven_KnownCommunesReachingTheThreshold_Applies() =>
        Assert.Equal(CaretakingStatus.Applies, One(InTown(8_000, area: "AU042", neighbour: 45_000 - 3_000)).Status);

    [Fact]
    public void Run_UrbanAreaUnknown_ToCheckNeverNotApplicable()
    {
        var input = InTown(8_000);
        var e = One(input);
        Assert.Equal(CaretakingStatus.ToCheck, e.Status);
        Assert.Equal("caretaking_ground_check_area", e.Ground.Code);
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        Assert.Equal(CaretakingStatus.ToCheck, r.Territories.Single().Caretaking.Status);
        Assert.Equal(120, r.Territories.Single().Caretaking.Own.ToCheckDwellings);
        Assert.Contains(r.Notes, n => n.Code == "caretaking_to_check_total");
    }

    [Fact]
    public void Run_CommunePopulationUnknown_ToCheck() =>
        Assert.Equal("caretaking_ground_check_population", One(InTown(null, area: "000")).Ground.Code);

    [Fact]
    public void Run_CommuneOutsideEveryUrbanArea_NotApplicable() =>
        Assert.Equal("caretaking_ground_none", One(InTown(8_000, area: "000")).Ground.Code);

    [Fact]
    public void Run_UnknownConstructionType_NotAssessableWithTheDwellingsCounted()
    {
        var r = TerritoryAnalysis.Run(With(Geo.Estate("U1", 1500, 1500, 150, HousingKind.Unknown), Geo.Estate("U2", 31_500, 1500, 7, HousingKind.Unknown)),
            TypologyConfig.Default);
        Assert.Equal(2, r.Ensembles.Count);
        Assert.All(r.Ensembles, e => Assert.Equal(CaretakingStatus.NotAssessable, e.Status));
        Assert.Equal(157, r.OwnCaretaking.NotAssessableDwellings);
        var note = Assert.Single(r.Notes, n => n.Code == "caretaking_not_assessable_total");
        Assert.Contains("157", note.Render(Lang.Fr), StringComparison.Ordinal);
        Assert.All(r.Territories, t => Assert.Equal(CaretakingStatus.NotAssessable, t.Caretaking.Status));
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
    public void Run_IndividualHouses_NeverFormAnEnsemble() =>
        Assert.Empty(TerritoryAnalysis.Run(With(Geo.Estate("A", 1500, 1500, 150, HousingKind.Individual)), TypologyConfig.Default).Ensembles);

    [Fact]
    public void Run_LodgeWithTwoGardiensNearby_CoversRequirement()
    {
        var input = With(Geo.Estate("A", 1500, 1500, 150)) with
        {
            Agencies = [Agency("AG1", 2500, 2500), Agency("LOGE", 1550, 1500, AgencyKind.Loge, staff: null, siteStaff: 2)],
        };
        var e = One(input);
        Assert.Equal(2, e.DeclaredFte, 9);
        Assert.False(e.Deficit);
    }

    [Fact]
    public void Run_EnsembleWithItsOwnCaretakers_NotInDeficitWhileTheAgencysOtherEstateIs()
    {
        var input = With(Geo.Estate("A", 1200, 1200, 150, agency: "AG1") with { SiteStaffFte = 1.5 },
            Geo.Estate("B", 3200, 3200, 120, agency: "AG1"), Geo.Estate("C", 4500, 4500, 200, agency: "AG1"));
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        var a = r.Ensembles.Single(e => e.EstateIds.Contains("A"));
        Assert.True(a.Applies);
        Assert.False(a.Deficit);
        Assert.Equal(1.5, a.DeclaredFte, 9);
        Assert.True(r.Ensembles.Single(e => e.EstateIds.Contains("B")).Deficit);
        Assert.True(r.Ensembles.Single(e => e.EstateIds.Contains("C")).Deficit);
        Assert.Equal(0, r.Territories.Single(t => t.QpvCode == Scenario.BigQpv).Caretaking.Own.DeficitFte, 9);
    }

    [Fact]
    public void Run_AgencyDeclaringEnoughUnlocatedCaretakers_NoDeficit()
    {
        var input = With(Geo.Estate("A", 1200, 1200, 150, agency: "AG1"), Geo.Estate("C", 4500, 4500, 200, agency: "AG1")) with
        {
            Agencies = [Agency("AG1", 2500, 2500, staff: 20, siteStaff: 4)],
        };
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        Assert.Equal(2, r.Ensembles.Count(e => e.Applies));
        Assert.All(r.Ensembles, e => Assert.False(e.Deficit));
        Assert.Equal(3.5, r.Ensembles.Sum(e => e.AgencyCoverFte), 9);
        Assert.Equal(0, r.OwnCaretaking.DeficitFte, 9);
        Assert.Equal(3.5, r.OwnCaretaking.DeclaredFte, 9);
    }

    [Fact]
    public void Run_AgencyDeclaringTooFewCaretakers_CoverSharedByWhatEachLacks()
    {
        var input = With(Geo.Estate("A", 1200, 1200, 150, agency: "AG1"), Geo.Estate("C", 4500, 4500, 250, agency: "AG1")) with
        {
            Agencies = [Agency("AG1", 2500, 2500, staff: 20, siteStaff: 2)],
        };
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        Assert.Equal(0.75, r.Ensembles.Single(e => e.EstateIds.Contains("A")).AgencyCoverFte, 9);
        Assert.Equal(1.25, r.Ensembles.Single(e => e.EstateIds.Contains("C")).AgencyCoverFte, 9);
        Assert.Equal(2, r.OwnCaretaking.DeficitFte, 9);
    }

    [Fact]
    public void Run_AnotherLandlordsDeficit_StaysTheirs()
    {
        var input = With(Geo.Estate("A", 1200, 1200, 150) with { SiteStaffFte = 2 }, Geo.Estate("A2", 1900, 1100, 10),
            Geo.Estate("B", 1800, 1800, 300, landlord: "Bailleur B"));
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        Assert.Equal("Bailleur A", r.OwnLandlord);
        var t = r.Territories.Single(x => x.QpvCode == Scenario.BigQpv);
        Assert.Equal(1.5, t.Caretaking.Own.RequiredFte, 9);
        Assert.Equal(0, t.Caretaking.Own.DeficitFte, 9);
        var other = t.Caretaking.Landlords.Single(l => l.Landlord == "Bailleur B");
        Assert.False(other.Own);
        Assert.Equal(3, other.RequiredFte, 9);
        Assert.Equal(3, other.DeficitFte, 9);
        Assert.Equal(0, r.OwnCaretaking.DeficitFte, 9);
        Assert.Equal(1.5, r.Types.Sum(x => x.CaretakingRequiredFte), 9);
        Assert.Contains(r.Notes, n => n.Code == "caretaking_other_landlord_deficit" && n.ToString().Contains("Bailleur B", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_OurAgencysUnlocatedCaretakers_NeverCoverAnotherLandlord()
    {
        var input = With(Geo.Estate("A", 1200, 1200, 150), Geo.Estate("A2", 1900, 1100, 10), Geo.Estate("B", 1800, 1800, 300, landlord: "Bailleur B")) with
        {
            Agencies = [Agency("AG1", 2500, 2500, staff: 20, siteStaff: 10)],
        };
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        var b = r.Ensembles.Single(e => e.Landlord == "Bailleur B");
        Assert.Equal(0, b.AgencyCoverFte);
        Assert.Equal(3, b.DeficitFte, 9);
        Assert.Null(b.AgencyId);
        Assert.Equal(1.5, r.Ensembles.Single(e => e.EstateIds.Contains("A")).AgencyCoverFte, 9);
    }

    [Theory]
    [InlineData(Lang.Fr, "Code de la sécurité intérieure", "R127-1")]
    [InlineData(Lang.Fr, "L271-1", "service juridique")]
    [InlineData(Lang.En, "Internal Security Code", "R127-2")]
    public void Citation_NamesTheCodesAndTheLegalService(Lang lang, string first, string second)
    {
        var text = Catalogue.Text(lang, "caretaking_citation") + " " + Catalogue.Text(lang, "caretaking_disclaimer", ("meters", 150));
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains(second, text, StringComparison.Ordinal);
        Assert.Contains(lang == Lang.Fr ? "Code de la construction et de l'habitation" : "Construction and Housing Code", text, StringComparison.Ordinal);
    }
}
