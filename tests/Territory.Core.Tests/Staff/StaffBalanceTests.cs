using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;
using static Territory.Core.Tests.Analysis.Geo;

namespace Territory.Core.Tests.Staff;

/// <summary>Means against needs: needs from ratios, the caretaking rule and driving; staff counted where it works.</summary>
public sealed class StaffBalanceTests
{
    [Fact]
    public void Run_RuralHousesThirtyMinutesAway_DrivingHoursFromVisitFrequency()
    {
        var houses = new[] { Geo.Estate("H1", 61_000, 1000, 10, HousingKind.Individual), Geo.Estate("H2", 61_300, 1000, 10, HousingKind.Individual) };
        var input = Scenario.Build() with
        {
            Estates = houses,
            Access = houses.ToDictionary(h => h.Id, h => new EstateAccess(h.Id, "AG1", 1800, 30_000, false)),
        };
        var t = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single();
        Assert.Equal(TerritoryType.RuralDiffuse, t.Type);
        // Two estates, a return trip of 2 × 30 min, 12 visits a year each: 2 × 1 h × 12 / 52 hours a week.
        Assert.Equal(2 * 1.0 * 12 / 52, t.Staff.DriveHoursPerWeek, 9);
        Assert.Equal(t.Staff.DriveHoursPerWeek / 35, t.Staff.DriveFte, 9);
        Assert.False(t.Staff.DriveEstimated);
        Assert.Equal(0, t.Staff.NeededSiteFte);
        Assert.Equal(20 / 250.0, t.Staff.NeededProximityFte, 9);
        Assert.Equal(0, t.Staff.DeclaredProximityFte);
        Assert.Equal(t.Staff.NeededFte, t.Staff.GapFte, 9);
    }

    [Fact]
    public void Run_LegalRequirementFloorsTheSiteNeed_RatioAppliesAbove()
    {
        var config = TypologyConfig.Default;
        var r = TerritoryAnalysis.Run(Scenario.Build() with { Estates = [Geo.Estate("A", 1500, 1500, 140)] }, config);
        var t = r.Territories.Single();
        Assert.Equal(TerritoryType.PriorityDistrict, t.Type);
        Assert.Equal(140 / 80.0, t.Staff.NeededSiteFte, 9);
        Assert.Equal(140 / 150.0, t.Staff.NeededProximityFte, 9);

        var strict = TypologyConfig.Parse("""{ "staff": { "byType": { "priority_district": { "siteDwellingsPerFte": 200 } } } }""");
        var u = TerritoryAnalysis.Run(Scenario.Build() with { Estates = [Geo.Estate("A", 1500, 1500, 140)] }, strict).Territories.Single();
        Assert.Equal(1.4, u.Staff.NeededSiteFte, 9);
        Assert.Equal(140 / 150.0, u.Staff.NeededProximityFte, 9);
    }

    [Fact]
    public void Run_StaffCountedWhereItWorks_TerritoriesDiffer()
    {
        var input = Scenario.Build() with
        {
            Estates = [Geo.Estate("A", 1500, 1500, 200) with { SiteStaffFte = 3 }, Geo.Estate("B", 4500, 4500, 200)],
            Agencies = [Agency("AG1", 2500, 2500, staff: 10, siteStaff: 1)],
        };
        var r = TerritoryAnalysis.Run(input, TypologyConfig.Default);
        var qpv = r.Territories.Single(t => t.QpvCode == Scenario.BigQpv);
        var city = r.Territories.Single(t => t.Id == Scenario.City);
        Assert.Equal(3, qpv.Staff.DeclaredSiteFte, 9);
        Assert.Equal(0, city.Staff.DeclaredSiteFte, 9);
        Assert.Equal(200 / 3.0, qpv.Staff.DeclaredSiteFte > 0 ? 200 / qpv.Staff.DeclaredSiteFte : 0, 9);
        // The agency's 10 collaborators work at its office, in the city outside the QPV.
        Assert.Equal(10, city.Staff.DeclaredProximityFte, 9);
        Assert.Equal(0, qpv.Staff.DeclaredProximityFte, 9);
        var agency = Assert.Single(r.Agencies);
        Assert.Equal(1, agency.Staff.UnlocatedSiteFte, 9);
        Assert.Equal(4, agency.Staff.DeclaredSiteFte, 9);
        Assert.Equal(10, agency.Staff.DeclaredProximityFte, 9);
        Assert.Equal(qpv.Staff.NeededFte + city.Staff.NeededFte, agency.Staff.NeededFte, 9);
        // The organisation's total reconciles what the territories leave out: the agency's unlocated site staff.
        Assert.Equal(4, r.Staff.DeclaredSiteFte, 9);
        Assert.Equal(10, r.Staff.DeclaredProximityFte, 9);
        Assert.Equal(r.Types.Sum(t => t.Staff.NeededFte), r.Staff.NeededFte, 9);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    public void Run_PerimeterModelWithoutSocialSupportOrDsu_FlaggedWhenCarryingALargeDistrict(int model, bool flagged)
    {
        var input = Scenario.Build() with
        {
            Estates = [Geo.Estate("A", 1500, 1500, 400, agency: "AG1")],
            Agencies = [Agency("AG1", 2500, 2500, staff: 10) with { PerimeterModel = model }],
        };
        var agency = Assert.Single(TerritoryAnalysis.Run(input, TypologyConfig.Default).Agencies);
        Assert.Equal(flagged, agency.Flags.Any(f => f.Code == "agency_perimeter_gap"));
        if (flagged)
            Assert.Contains("accompagnement social", agency.Flags.First().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelOneAgencyWhoseNeedCallsForModelTwo_Flagged()
    {
        var estates = Enumerable.Range(0, 10).Select(i => Geo.Estate($"E{i}", 4000 + 40 * i, 4600, 300, agency: "AG1")).ToArray();
        var input = Scenario.Build() with { Estates = estates, Agencies = [Agency("AG1", 2500, 2500, staff: 12)] };
        var agency = Assert.Single(TerritoryAnalysis.Run(input, TypologyConfig.Default).Agencies);
        Assert.Equal(1, agency.Management.Model);
        Assert.True(agency.Staff.NeededProximityFte >= 15);
        Assert.Contains(agency.Flags, f => f.Code == "agency_model_undersized");
    }

    [Fact]
    public void Run_AgencyWithEnoughUnlocatedCaretakers_PlanSiteFormPresentButTerritoryFiguresCountOnlyLocatedStaff()
    {
        var input = Scenario.Build() with
        {
            Estates = [Geo.Estate("A", 1500, 1500, 160, agency: "AG1")],
            Agencies = [Agency("AG1", 2500, 2500, staff: 10, siteStaff: 5)],
        };
        var t = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single();
        Assert.Equal(2, t.Staff.NeededSiteFte, 9);
        Assert.Equal(0, t.Staff.DeclaredSiteFte, 9);
        var site = t.Plan.Single(p => p.Form == Core.Presence.PresenceForm.ReinforcedSiteManagement);
        Assert.Equal(Core.Presence.PlanStatus.Present, site.Status);
        Assert.Contains("à localiser", site.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AgencyWithTooFewUnlocatedCaretakers_PlanSiteFormToReinforceByWhatRemains()
    {
        var input = Scenario.Build() with
        {
            Estates = [Geo.Estate("A", 1500, 1500, 160, agency: "AG1")],
            Agencies = [Agency("AG1", 2500, 2500, staff: 10, siteStaff: 1)],
        };
        var site = TerritoryAnalysis.Run(input, TypologyConfig.Default).Territories.Single().Plan
            .Single(p => p.Form == Core.Presence.PresenceForm.ReinforcedSiteManagement);
        Assert.Equal(Core.Presence.PlanStatus.ToReinforce, site.Status);
        Assert.Equal(1, site.Quantity);
        Assert.True(site.Legal);
    }
}
