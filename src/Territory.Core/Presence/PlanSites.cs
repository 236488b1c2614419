using Territory.Core.Model;

namespace Territory.Core.Presence;

/// <summary>The sites hook of the plan: a line creating relay places, mobile stops or offices lists the located sites serving the territory.</summary>
/// <remarks>
/// Without a located site the line keeps an empty list (« à localiser »). Forms and the kinds of point
/// that fulfil them: relay place ← <c>lieu_relais</c>; mobile agency ← <c>arret_agence_mobile</c>; antenna
/// in the district ← <c>antenne</c>, <c>bureau_proximite</c>; grouped office ← <c>bureau_proximite</c>;
/// agency in the district ← <c>agence</c>.
/// </remarks>
internal static class PlanSites
{
    public static PlanItem Attach(PlanContext c, PlanItem item)
    {
        if (c.Sites.Count == 0 || !item.Status.IsAction() || item.Unit is null or "fte")
            return item;
        var kinds = item.Form switch
        {
            PresenceForm.RelayPlace => [AgencyKind.LieuRelais],
            PresenceForm.MobileAgency => [AgencyKind.ArretAgenceMobile],
            PresenceForm.DistrictAntenna => [AgencyKind.Antenne, AgencyKind.BureauProximite],
            PresenceForm.GroupedOffice => [AgencyKind.BureauProximite],
            PresenceForm.DistrictAgency => new[] { AgencyKind.Agence },
            _ => [],
        };
        var sites = c.Sites.Where(s => kinds.Contains(s.Kind)).Select(s => s.Name ?? s.Id).Distinct(StringComparer.Ordinal).ToList();
        return sites.Count == 0 ? item : item with { Sites = sites };
    }
}
