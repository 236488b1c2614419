using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Typology;

namespace Territory.Core.Presence;

/// <summary>
/// The presence plan of a territory: each candidate form of its type with a status, the measure that
/// decided it, a size, ranked with the actions first.
/// </summary>
/// <remarks>
/// <para>Candidates per type (source table « Quelle proximité ? »): rural diffuse stock — relay place or mobile
/// agency (one or the other, by the stock's size); isolated residences — relay place, caretakers where an
/// ensemble calls for them; collective residences in town — caretakers with lodges or a grouped office (one or
/// the other); large districts — reinforced on-site management, an antenna or an agency in the heart of the
/// district (one or the other, by the stock), inter-landlord coordination. A relay place joins any type far
/// from every office, caretakers any territory where the caretaking rule applies.</para>
/// <para>Exclusive pairs never both retained: caretakers on site vs mobile-agency stops; relay place vs
/// mobile agency; lodges vs grouped office; agency in the district vs antenna, and vs a QPV part of a few
/// dozen dwellings (<see cref="PresenceSettings.DistrictPartMinDwellings"/>). A relay place is not proposed
/// beside a grouped office, antenna or agency retained for the same territory: that office is the fixed point.</para>
/// </remarks>
internal static class PresencePlanner
{
    public static IReadOnlyList<PlanItem> Plan(PlanContext c)
    {
        var items = new List<PlanItem>();
        var legal = c.Caretaking.Own.Status == CaretakingStatus.Applies;
        switch (c.Type)
        {
            case TerritoryType.RuralDiffuse:
                var relay = PointForms.RelayPlace(c, smallStockGoesMobile: true);
                var site = legal ? Site(c, PresenceForm.SiteCaretakers) : null;
                items.Add(relay);
                items.Add(PointForms.MobileAgency(c, relay, site));
                if (site is not null) items.Add(site);
                break;
            case TerritoryType.Isolated:
                items.Add(PointForms.RelayPlace(c, smallStockGoesMobile: false));
                if (legal || c.LargestEnsemble >= c.Config.Presence.LodgeMinDwellings)
                    items.Add(Site(c, PresenceForm.SiteCaretakers));
                break;
            case TerritoryType.UrbanCollective:
                var caretakers = Site(c, PresenceForm.SiteCaretakers);
                var office = PointForms.GroupedOffice(c, caretakers);
                items.Add(caretakers);
                items.Add(office);
                // A relay place only where no office is retained to be the fixed point of contact.
                if (office.Status == PlanStatus.NotRetained && PointForms.FarFromOffices(c))
                    items.Add(PointForms.RelayPlace(c, smallStockGoesMobile: false));
                break;
            default:
                items.Add(Site(c, PresenceForm.ReinforcedSiteManagement));
                var inDistrict = false;
                if (c.QpvCode is not null)
                {
                    var agency = PointForms.DistrictAgency(c);
                    var antenna = PointForms.DistrictAntenna(c, agency);
                    items.Add(agency);
                    items.Add(antenna);
                    inDistrict = agency.Status != PlanStatus.NotRetained || antenna.Status != PlanStatus.NotRetained;
                }
                if (!inDistrict && PointForms.FarFromOffices(c))
                    items.Add(PointForms.RelayPlace(c, smallStockGoesMobile: false));
                break;
        }
        if (c.QpvCode is not null && (c.Type == TerritoryType.PriorityDistrict || c.DistrictLandlords.Count >= c.Config.Presence.InterLandlordMinLandlords))
            items.Add(InterLandlord(c));
        return Rank(items.ConvertAll(i => PlanSites.Attach(c, i)));
    }

    /// <summary>Caretakers on site (town) or reinforced on-site management (district): need against staff declared where they work.</summary>
    internal static PlanItem Site(PlanContext c, PresenceForm form)
    {
        var p = c.Config.Presence;
        var care = c.Caretaking.Own;
        var legal = care.Status == CaretakingStatus.Applies;
        var measure = form == PresenceForm.ReinforcedSiteManagement ? c.CollectiveDwellings : c.LargestEnsemble;
        var trigger = new PlanTrigger(form == PresenceForm.ReinforcedSiteManagement ? "collective_dwellings" : "largest_ensemble_dwellings",
            measure, p.LodgeMinDwellings);
        if (!legal && measure < p.LodgeMinDwellings)
            return Item(form, PlanStatus.NotRetained, Message.Of("site_small", ("dwellings", measure), ("min", p.LodgeMinDwellings)), trigger, null, null, 0);
        var need = c.Staff.NeededSiteFte;
        // The managing office's unlocated gardiens count for the legal part they were allotted to (to be located).
        var cover = (legal ? care.CoverFte : 0) + c.PoolSiteFte;
        var declared = c.Staff.DeclaredSiteFte + cover;
        var note = cover > 1e-9 ? Message.Of("site_agency_cover", ("cover", cover)) : null;
        var basis = legal
            ? Message.Of("site_basis_legal", ("required", care.RequiredFte))
            : Message.Of("site_basis_ratio", ("per", c.Config.Staff.SiteDwellingsPerFte(c.Type)));
        var collective = c.CollectiveDwellings;
        if (declared + 1e-6 >= need)
            return Item(form, PlanStatus.Present, Message.Of("site_present", ("need", need), ("declared", declared), ("basis", basis), ("note", note)), trigger, null, null, 0);
        var gap = Math.Round(need - declared, 1);
        var reason = declared > 1e-9
            ? Message.Of("site_reinforce", ("need", need), ("declared", declared), ("gap", gap), ("basis", basis), ("note", note))
            : Message.Of("site_create", ("need", need), ("gap", gap), ("basis", basis));
        return Item(form, declared > 1e-9 ? PlanStatus.ToReinforce : PlanStatus.ToCreate, reason, trigger, gap, "fte", collective) with
        {
            Legal = legal && care.DeficitFte > 1e-9,
        };
    }

    private static PlanItem InterLandlord(PlanContext c)
    {
        var min = c.Config.Presence.InterLandlordMinLandlords;
        var count = c.DistrictLandlords.Count;
        var trigger = new PlanTrigger("landlords_in_district", count, min);
        return count >= min
            ? Item(PresenceForm.InterLandlord, PlanStatus.ToCreate,
                Message.Of("inter_landlord_create", ("count", count), ("landlords", string.Join(", ", c.DistrictLandlords))), trigger, null, null, c.Dwellings)
            : Item(PresenceForm.InterLandlord, PlanStatus.NotRetained, Message.Of("inter_landlord_single", ("min", min)), trigger, null, null, 0);
    }

    internal static PlanItem Item(PresenceForm form, PlanStatus status, Message reason, PlanTrigger trigger, double? quantity, string? unit, int dwellings,
        string? point = null, bool estimated = false) =>
        new(form, status, reason, trigger, quantity, unit, [], dwellings, point, estimated);

    /// <summary>Actions first (the legal obligation first, then by dwellings concerned), then what is present, then what is not retained.</summary>
    private static List<PlanItem> Rank(List<PlanItem> items) =>
        items.OrderBy(i => i.Status.IsAction() ? 0 : i.Status == PlanStatus.Present ? 1 : 2)
            .ThenBy(i => i.Legal ? 0 : 1)
            .ThenByDescending(i => i.DwellingsConcerned)
            .ThenBy(i => i.Form)
            .Select((i, k) => i with { Rank = k + 1 })
            .ToList();
}
