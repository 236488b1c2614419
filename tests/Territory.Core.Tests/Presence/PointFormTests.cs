using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;
using static Territory.Core.Tests.Analysis.Geo;
using static Territory.Core.Tests.Presence.Plans;

namespace Territory.Core.Tests.Presence;

/// <summary>Each point form flips exactly at its threshold; an existing point turns it to « présent ».</summary>
public sealed class PointFormTests
{
    private static Estate[] Village(params int[] dwellings) =>
        dwellings.Select((d, i) => Geo.Estate($"V{i + 1}", 61_000 + 300 * i, 1000, d, HousingKind.Individual)).ToArray();

    private static AnalysisInput Rural(Estate[] estates, params IEnumerable<PresenceAccess>[] access) =>
        Scenario.Build() with { Estates = estates, NearestPresence = access.SelectMany(a => a).ToList() };

    [Theory]
    [InlineData(30.0, PlanStatus.NotRetained)]
    [InlineData(30.5, PlanStatus.ToCreate)]
    public void Plan_RelayPlace_FlipsAtFarFromAgencyMinutes(double minutes, PlanStatus expected)
    {
        var estates = Village(8, 8, 8);
        var t = Of(Rural(estates, All(estates, AgencyKind.Agence, minutes)), Scenario.Village);
        Assert.Equal(TerritoryType.RuralDiffuse, t.Type);
        var relay = Line(t, PresenceForm.RelayPlace);
        Assert.Equal(expected, relay.Status);
        Assert.Equal(new PlanTrigger("minutes_to_nearest_office", minutes, 30), relay.Trigger);
        if (expected == PlanStatus.ToCreate)
        {
            Assert.Equal(1, relay.Quantity);
            Assert.Equal("relay_places", relay.Unit);
            Assert.Empty(relay.Sites);
            Assert.Equal(24, relay.DwellingsConcerned);
            Assert.Equal(1, relay.Rank);
        }
        Assert.Equal(PlanStatus.NotRetained, Line(t, PresenceForm.MobileAgency).Status);
    }

    [Fact]
    public void Plan_RelayPlaceServingPart_ToReinforce_AllServed_Present()
    {
        var estates = Village(8, 8, 8);
        var partial = Of(Rural(estates, All(estates, AgencyKind.Agence, 40),
            [At("V1", AgencyKind.LieuRelais, 5, "R"), At("V2", AgencyKind.LieuRelais, 5, "R"), At("V3", AgencyKind.LieuRelais, 20, "R")]), Scenario.Village);
        var relay = Line(partial, PresenceForm.RelayPlace);
        Assert.Equal(PlanStatus.ToReinforce, relay.Status);
        Assert.Equal(8, relay.DwellingsConcerned);
        Assert.Equal("R", relay.PointId);

        var served = Of(Rural(estates, All(estates, AgencyKind.Agence, 40), All(estates, AgencyKind.LieuRelais, 15, "R")), Scenario.Village);
        Assert.Equal(PlanStatus.Present, Line(served, PresenceForm.RelayPlace).Status);
    }

    [Theory]
    [InlineData(new[] { 7, 6, 6 }, PlanStatus.NotRetained, PlanStatus.ToCreate)]
    [InlineData(new[] { 7, 7, 6 }, PlanStatus.ToCreate, PlanStatus.NotRetained)]
    public void Plan_RuralStock_RelayPlaceOrMobileAgencyFlipsAtRelayMinDwellings(int[] dwellings, PlanStatus relay, PlanStatus mobile)
    {
        var estates = Village(dwellings);
        var t = Of(Rural(estates, All(estates, AgencyKind.Agence, 45)), Scenario.Village);
        Assert.Equal(relay, Line(t, PresenceForm.RelayPlace).Status);
        var stops = Line(t, PresenceForm.MobileAgency);
        Assert.Equal(mobile, stops.Status);
        Assert.Equal(new PlanTrigger("dwellings", dwellings.Sum(), 20), stops.Trigger);
        if (mobile == PlanStatus.ToCreate)
            Assert.Equal("stops", stops.Unit);
        Plans.AssertNoExclusivePair(t, TypologyConfig.Default);
    }

    [Fact]
    public void Plan_RelayPlaceAddedInTheVillage_TurnsTheFormPresent()
    {
        var input = Scenario.Build() with { Estates = Village(8, 8, 8) };
        Assert.Equal(PlanStatus.ToCreate, Line(Of(input, Scenario.Village), PresenceForm.RelayPlace).Status);
        var withRelay = input with { Agencies = [.. input.Agencies, Agency("R1", 61_300, 1200, AgencyKind.LieuRelais, staff: null, landlord: null)] };
        var relay = Line(Of(withRelay, Scenario.Village), PresenceForm.RelayPlace);
        Assert.Equal(PlanStatus.Present, relay.Status);
        Assert.Equal("R1", relay.PointId);
        Assert.True(relay.TravelEstimated);
    }

    [Fact]
    public void Plan_MobileStopAddedInTheVillage_TurnsTheMobileAgencyPresent()
    {
        var input = Scenario.Build();
        Assert.Equal(PlanStatus.ToCreate, Line(Of(input, Scenario.Village), PresenceForm.MobileAgency).Status);
        var withStop = input with { Agencies = [.. input.Agencies, Agency("STOP", 61_200, 1000, AgencyKind.ArretAgenceMobile, staff: null)] };
        Assert.Equal(PlanStatus.Present, Line(Of(withStop, Scenario.Village), PresenceForm.MobileAgency).Status);
    }

    [Theory]
    [InlineData(new[] { 50, 50, 49 }, PlanStatus.NotRetained)]
    [InlineData(new[] { 50, 50, 50 }, PlanStatus.ToCreate)]
    public void Plan_TownResidences_GroupedOfficeFlipsAtGroupedOfficeMinDwellings(int[] dwellings, PlanStatus expected)
    {
        var estates = dwellings.Select((d, i) => Geo.Estate($"C{i + 1}", 3800 + 400 * i, 500, d)).ToArray();
        var input = Scenario.Build() with { Estates = estates, NearestPresence = All(estates, AgencyKind.Agence, 12).ToList() };
        var t = Of(input, Scenario.City);
        Assert.Equal(TerritoryType.UrbanCollective, t.Type);
        Assert.Equal(PlanStatus.NotRetained, Line(t, PresenceForm.SiteCaretakers).Status);
        var office = Line(t, PresenceForm.GroupedOffice);
        Assert.Equal(expected, office.Status);
        Assert.Equal(new PlanTrigger("collective_dwellings", dwellings.Sum(), 150), office.Trigger);
        Assert.DoesNotContain(t.Plan, p => p.Form == PresenceForm.RelayPlace);
    }

    [Fact]
    public void Plan_TownResidencesWithAgencyNearby_GroupedOfficePresent()
    {
        var estates = new[] { Geo.Estate("C1", 3800, 500, 60), Geo.Estate("C2", 4200, 500, 60), Geo.Estate("C3", 4600, 500, 60) };
        var office = Line(Of(Scenario.Build() with { Estates = estates }, Scenario.City), PresenceForm.GroupedOffice);
        Assert.Equal(PlanStatus.Present, office.Status);
        Assert.Equal("AG1", office.PointId);
    }

    [Theory]
    [InlineData(349, PlanStatus.NotRetained)]
    [InlineData(350, PlanStatus.ToCreate)]
    public void Plan_District_AntennaFlipsAtLargeQpvDwellingsOfTheWholeStock(int otherLandlord, PlanStatus expected)
    {
        Estate[] estates = [Geo.Estate("A", 1200, 1200, 150), Geo.Estate("B", 1800, 1800, otherLandlord, landlord: "Bailleur B")];
        var input = Scenario.Build() with { Estates = estates, NearestPresence = All(estates, AgencyKind.Agence, 20).ToList() };
        var t = Of(input, $"{Scenario.City}-{Scenario.BigQpv}");
        Assert.Equal(TerritoryType.PriorityDistrict, t.Type);
        Assert.Equal(150, t.OwnDwellings);
        var antenna = Line(t, PresenceForm.DistrictAntenna);
        Assert.Equal(expected, antenna.Status);
        Assert.Equal(new PlanTrigger("district_social_dwellings", 150 + otherLandlord, 500), antenna.Trigger);
        Assert.Equal(PlanStatus.NotRetained, Line(t, PresenceForm.DistrictAgency).Status);
        Assert.Equal(PlanStatus.ToCreate, Line(t, PresenceForm.InterLandlord).Status);
    }

    [Theory]
    [InlineData(499, PlanStatus.NotRetained, PlanStatus.ToCreate)]
    [InlineData(500, PlanStatus.ToCreate, PlanStatus.NotRetained)]
    public void Plan_District_AgencyInTheHeartFlipsAtDistrictAgencyDwellings(int second, PlanStatus agency, PlanStatus antenna)
    {
        Estate[] estates = [Geo.Estate("A", 1200, 1200, 500), Geo.Estate("A2", 1800, 1800, second)];
        var input = Scenario.Build() with { Estates = estates, NearestPresence = All(estates, AgencyKind.Agence, 20).ToList() };
        var t = Of(input, $"{Scenario.City}-{Scenario.BigQpv}");
        Assert.Equal(agency, Line(t, PresenceForm.DistrictAgency).Status);
        Assert.Equal(antenna, Line(t, PresenceForm.DistrictAntenna).Status);
        Assert.Equal(new PlanTrigger("own_district_dwellings", 500 + second, 1000), Line(t, PresenceForm.DistrictAgency).Trigger);
        Plans.AssertNoExclusivePair(t, TypologyConfig.Default);
    }

    [Fact]
    public void Plan_AntennaInsideTheDistrict_Present()
    {
        Estate[] estates = [Geo.Estate("A", 1200, 1200, 300), Geo.Estate("B", 1800, 1800, 300, landlord: "Bailleur B")];
        var input = Scenario.Build() with { Estates = estates, Agencies = [Agency("AG1", 2500, 2500), Agency("ANT", 1500, 1500, AgencyKind.Antenne)] };
        var antenna = Line(Of(input, $"{Scenario.City}-{Scenario.BigQpv}"), PresenceForm.DistrictAntenna);
        Assert.Equal(PlanStatus.Present, antenna.Status);
        Assert.Equal("ANT", antenna.PointId);
    }

    [Fact]
    public void Plan_QpvPartOfAFewDozenDwellingsInALargeDistrict_NeverAnAgencyNorAntenna()
    {
        Estate[] estates = [Geo.Estate("A", 3200, 3200, 30), Geo.Estate("B", 3300, 3300, 2000, landlord: "Bailleur B")];
        var input = Scenario.Build() with { Estates = estates, NearestPresence = All(estates, AgencyKind.Agence, 25).ToList() };
        var t = Of(input, $"{Scenario.City}-{Scenario.SmallQpv}");
        Assert.Equal(TerritoryType.PriorityDistrict, t.Type);
        Assert.Equal(PlanStatus.NotRetained, Line(t, PresenceForm.DistrictAgency).Status);
        var antenna = Line(t, PresenceForm.DistrictAntenna);
        Assert.Equal(PlanStatus.NotRetained, antenna.Status);
        Assert.Equal("antenna_small_part", antenna.Reason.Code);
        Assert.Equal(PlanStatus.ToCreate, Line(t, PresenceForm.InterLandlord).Status);
        Assert.Equal(PlanStatus.NotRetained, Line(t, PresenceForm.ReinforcedSiteManagement).Status);
    }

    [Theory]
    [InlineData(false, PlanStatus.NotRetained)]
    [InlineData(true, PlanStatus.ToCreate)]
    public void Plan_InterLandlord_FlipsAtTwoLandlords(bool second, PlanStatus expected)
    {
        Estate[] estates = second
            ? [Geo.Estate("A", 1200, 1200, 150), Geo.Estate("B", 1800, 1800, 50, landlord: "Bailleur B")]
            : [Geo.Estate("A", 1200, 1200, 150)];
        var line = Line(Of(Scenario.Build() with { Estates = estates }, $"{Scenario.City}-{Scenario.BigQpv}"), PresenceForm.InterLandlord);
        Assert.Equal(expected, line.Status);
        Assert.Equal(new PlanTrigger("landlords_in_district", second ? 2 : 1, 2), line.Trigger);
        if (second)
            Assert.Contains("Bailleur B", line.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Scenario_NoExclusivePairAndActionsRankedFirst()
    {
        var config = TypologyConfig.Default;
        foreach (var t in TerritoryAnalysis.Run(Scenario.Build(), config).Territories)
        {
            Plans.AssertNoExclusivePair(t, config);
            Assert.Equal(Enumerable.Range(1, t.Plan.Count), t.Plan.Select(p => p.Rank));
            var firstOther = t.Plan.TakeWhile(p => p.Status.IsAction()).Count();
            Assert.All(t.Plan.Skip(firstOther), p => Assert.False(p.Status.IsAction()));
        }
    }

    [Theory]
    [InlineData(15.0, PlanStatus.Present)]
    [InlineData(15.5, PlanStatus.ToCreate)]
    public void Plan_RelayPlace_PresentFlipsAtRelayReachMinutes(double minutes, PlanStatus expected)
    {
        var estates = Village(8, 8, 8);
        var t = Of(Rural(estates, All(estates, AgencyKind.Agence, 40), All(estates, AgencyKind.LieuRelais, minutes, "R")), Scenario.Village);
        Assert.Equal(expected, Line(t, PresenceForm.RelayPlace).Status);
    }

    [Theory]
    [InlineData(99, PlanStatus.NotRetained)]
    [InlineData(100, PlanStatus.ToCreate)]
    public void Plan_TownResidence_SiteCaretakersFlipAtLodgeMinDwellings(int dwellings, PlanStatus expected)
    {
        var t = Of(Scenario.Build() with { Estates = [Geo.Estate("C", 4500, 4500, dwellings)] }, Scenario.City);
        Assert.Equal(TerritoryType.UrbanCollective, t.Type);
        var site = Line(t, PresenceForm.SiteCaretakers);
        Assert.Equal(expected, site.Status);
        Assert.Equal(new PlanTrigger("largest_ensemble_dwellings", dwellings, 100), site.Trigger);
        if (expected == PlanStatus.ToCreate)
        {
            Assert.Equal("fte", site.Unit);
            Assert.True(site.Legal);
            Assert.Equal(PlanStatus.NotRetained, Line(t, PresenceForm.GroupedOffice).Status);
        }
    }

    [Theory]
    [InlineData(99, PlanStatus.NotRetained)]
    [InlineData(100, PlanStatus.ToCreate)]
    public void Plan_QpvPart_AntennaFlipsAtDistrictPartMinDwellings(int own, PlanStatus expected)
    {
        Estate[] estates = [Geo.Estate("A", 1200, 1200, own), Geo.Estate("A2", 4500, 4500, 150), Geo.Estate("B", 1800, 1800, 600, landlord: "Bailleur B")];
        var input = Scenario.Build() with { Estates = estates, NearestPresence = All(estates, AgencyKind.Agence, 20).ToList() };
        var antenna = Line(Of(input, $"{Scenario.City}-{Scenario.BigQpv}"), PresenceForm.DistrictAntenna);
        Assert.Equal(expected, antenna.Status);
        if (expected == PlanStatus.NotRetained)
            Assert.Equal("antenna_small_part", antenna.Reason.Code);
    }
}
