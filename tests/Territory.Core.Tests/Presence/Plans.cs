using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Core.Typology;

namespace Territory.Core.Tests.Presence;

/// <summary>Helpers for plan tests: explicit travel times, one territory's plan line, the exclusive pairs.</summary>
internal static class Plans
{
    public static PresenceAccess At(string estate, AgencyKind kind, double minutes, string? agency = null) =>
        new(estate, kind, agency ?? $"{kind}-1", minutes * 60, false);

    public static IEnumerable<PresenceAccess> All(IEnumerable<Estate> estates, AgencyKind kind, double minutes, string? agency = null) =>
        estates.Select(e => At(e.Id, kind, minutes, agency));

    public static TerritoryResult Of(AnalysisInput input, string id, TypologyConfig? config = null) =>
        TerritoryAnalysis.Run(input, config ?? TypologyConfig.Default).Territories.Single(t => t.Id == id);

    public static PlanItem Line(TerritoryResult t, PresenceForm form) => t.Plan.Single(p => p.Form == form);

    public static bool Retained(TerritoryResult t, PresenceForm form) => t.Plan.Any(p => p.Form == form && p.Status != PlanStatus.NotRetained);

    /// <summary>The pairs that must never be retained together, with the small-part rule of the district agency.</summary>
    public static void AssertNoExclusivePair(TerritoryResult t, TypologyConfig config)
    {
        var forms = t.Plan.Select(p => p.Form).ToList();
        Assert.Equal(forms.Count, forms.Distinct().Count());
        Assert.False(Retained(t, PresenceForm.SiteCaretakers) && Retained(t, PresenceForm.MobileAgency), t.Id);
        Assert.False(Retained(t, PresenceForm.ReinforcedSiteManagement) && Retained(t, PresenceForm.MobileAgency), t.Id);
        Assert.False(Retained(t, PresenceForm.RelayPlace) && Retained(t, PresenceForm.MobileAgency), t.Id);
        Assert.False(Retained(t, PresenceForm.SiteCaretakers) && Retained(t, PresenceForm.GroupedOffice), t.Id);
        Assert.False(Retained(t, PresenceForm.DistrictAgency) && Retained(t, PresenceForm.DistrictAntenna), t.Id);
        Assert.False(Retained(t, PresenceForm.RelayPlace) && (Retained(t, PresenceForm.GroupedOffice) || Retained(t, PresenceForm.DistrictAntenna)
            || Retained(t, PresenceForm.DistrictAgency)), t.Id);
        if (Retained(t, PresenceForm.DistrictAgency) || Retained(t, PresenceForm.DistrictAntenna))
            Assert.True(t.OwnDwellings >= config.Presence.DistrictPartMinDwellings, t.Id);
    }
}
