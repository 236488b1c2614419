using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.Core.Presence;

/// <summary>The plan's forms that are points on the map: relay place, mobile-agency stops, grouped office, district antenna and agency.</summary>
/// <remarks>
/// « Présent » when a point of the kind reaches at least <see cref="Typology.PresenceSettings.CoveredShare"/> of
/// the organisation's dwellings within the form's reach (travel time by car from the nearest point);
/// « à renforcer » when it reaches fewer; « à créer » when none does. New points are counted by a greedy cover
/// of the estates left (straight-line radius of the reach at the average speed) and left « à localiser ».
/// </remarks>
internal static class PointForms
{
    private static readonly AgencyKind[] RelayKinds =
        [AgencyKind.LieuRelais, AgencyKind.Siege, AgencyKind.Agence, AgencyKind.Antenne, AgencyKind.BureauProximite];
    private static readonly AgencyKind[] StopKinds = [AgencyKind.ArretAgenceMobile];
    private static readonly AgencyKind[] FullAgencyKinds = [AgencyKind.Siege, AgencyKind.Agence];
    private static readonly AgencyKind[] LocalOfficeKinds = [AgencyKind.Antenne, AgencyKind.BureauProximite];

    /// <summary>True when the dwelling-weighted mean time to the nearest office exceeds the relay-place threshold.</summary>
    public static bool FarFromOffices(PlanContext c) =>
        Coverage.Of(c.Own, c.Access, KindAccessIndex.OfficeKinds, c.Config.Presence.FarFromAgencyMinutes).MeanMinutes is not { } m
        || m > c.Config.Presence.FarFromAgencyMinutes;

    public static PlanItem RelayPlace(PlanContext c, bool smallStockGoesMobile)
    {
        var p = c.Config.Presence;
        var dwellings = c.Dwellings;
        var office = Coverage.Of(c.Own, c.Access, KindAccessIndex.OfficeKinds, p.FarFromAgencyMinutes);
        var minutes = office.MeanMinutes;
        var trigger = new PlanTrigger("minutes_to_nearest_office", Round(minutes), p.FarFromAgencyMinutes);
        var note = Note(office.Estimated);
        const PresenceForm form = PresenceForm.RelayPlace;
        if (minutes <= p.FarFromAgencyMinutes)
            return PresencePlanner.Item(form, PlanStatus.NotRetained,
                Message.Of("relay_near_office", ("minutes", minutes), ("threshold", p.FarFromAgencyMinutes), ("note", note)), trigger, null, null, 0,
                estimated: office.Estimated);
        if (smallStockGoesMobile && dwellings < p.RelayMinDwellings)
            return PresencePlanner.Item(form, PlanStatus.NotRetained,
                Message.Of("relay_small_stock", ("dwellings", dwellings), ("minutes", minutes), ("min", p.RelayMinDwellings), ("note", note)),
                trigger, null, null, 0, estimated: office.Estimated);
        var relay = Coverage.Of(c.Own, c.Access, RelayKinds, p.RelayReachMinutes);
        var estimated = office.Estimated || relay.Estimated;
        if (relay.Share >= p.CoveredShare)
            return PresencePlanner.Item(form, PlanStatus.Present, Message.Of("relay_present", ("minutes", minutes), ("point", Name(c, relay.PointId)),
                ("share", relay.Share), ("reach", p.RelayReachMinutes), ("note", Note(estimated))), trigger, null, null, 0, relay.PointId, estimated);
        var quantity = Coverage.PointsNeeded(relay.Uncovered, Radius(c, p.RelayReachMinutes));
        var reason = relay.Share > 0
            ? Message.Of("relay_partial", ("minutes", minutes), ("point", Name(c, relay.PointId)), ("share", relay.Share), ("reach", p.RelayReachMinutes),
                ("quantity", quantity), ("uncovered", relay.UncoveredDwellings), ("note", Note(estimated)))
            : minutes is null
                ? Message.Of("relay_create_no_office", ("quantity", quantity), ("dwellings", dwellings))
                : Message.Of("relay_create", ("minutes", minutes), ("threshold", p.FarFromAgencyMinutes), ("reach", p.RelayReachMinutes),
                    ("quantity", quantity), ("dwellings", dwellings), ("note", Note(estimated)));
        return PresencePlanner.Item(form, relay.Share > 0 ? PlanStatus.ToReinforce : PlanStatus.ToCreate, reason, trigger, quantity, "relay_places",
            relay.UncoveredDwellings, relay.PointId, estimated);
    }

    public static PlanItem MobileAgency(PlanContext c, PlanItem relay, PlanItem? site)
    {
        var p = c.Config.Presence;
        var dwellings = c.Dwellings;
        var trigger = new PlanTrigger("dwellings", dwellings, p.RelayMinDwellings);
        const PresenceForm form = PresenceForm.MobileAgency;
        if (site is { Status: not PlanStatus.NotRetained })
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("mobile_site_staff_instead"), site.Trigger, null, null, 0);
        if (relay.Trigger.Value is { } minutes && minutes <= p.FarFromAgencyMinutes)
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("mobile_near_office", ("minutes", minutes),
                ("threshold", p.FarFromAgencyMinutes), ("note", Note(relay.TravelEstimated))), relay.Trigger, null, null, 0, estimated: relay.TravelEstimated);
        if (relay.Status != PlanStatus.NotRetained)
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("mobile_relay_instead", ("dwellings", dwellings), ("min", p.RelayMinDwellings)),
                trigger, null, null, 0);
        var stops = Coverage.Of(c.Own, c.Access, StopKinds, p.MobileStopReachMinutes);
        var note = Note(stops.Estimated || relay.TravelEstimated);
        if (stops.Share >= p.CoveredShare)
            return PresencePlanner.Item(form, PlanStatus.Present, Message.Of("mobile_present", ("point", Name(c, stops.PointId)), ("share", stops.Share),
                ("reach", p.MobileStopReachMinutes), ("note", note)), trigger, null, null, 0, stops.PointId, stops.Estimated);
        var quantity = Coverage.PointsNeeded(stops.Uncovered, Radius(c, p.MobileStopReachMinutes));
        var reason = stops.Share > 0
            ? Message.Of("mobile_partial", ("point", Name(c, stops.PointId)), ("share", stops.Share), ("reach", p.MobileStopReachMinutes),
                ("quantity", quantity), ("note", note))
            : Message.Of("mobile_create", ("dwellings", dwellings), ("min", p.RelayMinDwellings), ("minutes", relay.Trigger.Value), ("quantity", quantity),
                ("note", note));
        return PresencePlanner.Item(form, stops.Share > 0 ? PlanStatus.ToReinforce : PlanStatus.ToCreate, reason, trigger, quantity, "stops",
            stops.UncoveredDwellings, stops.PointId, stops.Estimated || relay.TravelEstimated);
    }

    public static PlanItem GroupedOffice(PlanContext c, PlanItem caretakers)
    {
        var p = c.Config.Presence;
        var collective = c.CollectiveDwellings;
        var trigger = new PlanTrigger("collective_dwellings", collective, p.GroupedOfficeMinDwellings);
        const PresenceForm form = PresenceForm.GroupedOffice;
        if (caretakers.Status != PlanStatus.NotRetained)
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("office_lodges_instead"), trigger, null, null, 0);
        if (collective < p.GroupedOfficeMinDwellings)
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("office_small", ("dwellings", collective), ("min", p.GroupedOfficeMinDwellings)),
                trigger, null, null, 0);
        var office = Coverage.Of(c.Own, c.Access, KindAccessIndex.OfficeKinds, p.OfficeReachMinutes);
        return Served(c, form, office, trigger, p.OfficeReachMinutes, "office_present", "office_partial", "office_create", inside: false);
    }

    public static PlanItem DistrictAgency(PlanContext c)
    {
        var p = c.Config.Presence;
        var trigger = new PlanTrigger("own_district_dwellings", c.OwnDistrictDwellings, p.DistrictAgencyDwellings);
        const PresenceForm form = PresenceForm.DistrictAgency;
        if (c.OwnDistrictDwellings < p.DistrictAgencyDwellings || c.Dwellings < p.DistrictPartMinDwellings)
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("agency_small", ("dwellings", c.OwnDistrictDwellings),
                ("part", c.Dwellings), ("min", p.DistrictAgencyDwellings), ("part_min", p.DistrictPartMinDwellings)), trigger, null, null, 0);
        var full = Coverage.Of(c.Own, c.Access, FullAgencyKinds, p.OfficeReachMinutes);
        var inside = Inside(c, FullAgencyKinds);
        if (inside is not null || full.Share >= p.CoveredShare)
            return PresencePlanner.Item(form, PlanStatus.Present, Message.Of("agency_present", ("point", Name(c, inside?.Id ?? full.PointId)),
                ("reach", p.OfficeReachMinutes)), trigger, null, null, 0, inside?.Id ?? full.PointId, full.Estimated);
        var local = Coverage.Of(c.Own, c.Access, LocalOfficeKinds, p.OfficeReachMinutes);
        var localInside = Inside(c, LocalOfficeKinds);
        if (localInside is not null || local.Share >= p.CoveredShare)
            return PresencePlanner.Item(form, PlanStatus.ToReinforce, Message.Of("agency_reinforce", ("point", Name(c, localInside?.Id ?? local.PointId)),
                ("dwellings", c.OwnDistrictDwellings)), trigger, 1, "offices", c.Dwellings, localInside?.Id ?? local.PointId, local.Estimated);
        return PresencePlanner.Item(form, PlanStatus.ToCreate, Message.Of("agency_create", ("dwellings", c.OwnDistrictDwellings), ("min", p.DistrictAgencyDwellings)),
            trigger, 1, "offices", c.Dwellings, estimated: full.Estimated);
    }

    public static PlanItem DistrictAntenna(PlanContext c, PlanItem agency)
    {
        var p = c.Config.Presence;
        var trigger = new PlanTrigger("district_social_dwellings", c.DistrictStock, p.LargeQpvDwellings);
        const PresenceForm form = PresenceForm.DistrictAntenna;
        if (agency.Status != PlanStatus.NotRetained)
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("antenna_agency_instead"), trigger, null, null, 0);
        if (c.DistrictStock < p.LargeQpvDwellings)
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("antenna_small_district", ("stock", c.DistrictStock), ("min", p.LargeQpvDwellings)),
                trigger, null, null, 0);
        if (c.Dwellings < p.DistrictPartMinDwellings)
            return PresencePlanner.Item(form, PlanStatus.NotRetained, Message.Of("antenna_small_part", ("dwellings", c.Dwellings), ("min", p.DistrictPartMinDwellings)),
                trigger, null, null, 0);
        var office = Coverage.Of(c.Own, c.Access, KindAccessIndex.OfficeKinds, p.OfficeReachMinutes);
        return Served(c, form, office, trigger, p.OfficeReachMinutes, "antenna_present", "antenna_partial", "antenna_create", inside: true);
    }

    private static PlanItem Served(PlanContext c, PresenceForm form, Coverage office, PlanTrigger trigger, double reach, string present, string partial,
        string create, bool inside)
    {
        var p = c.Config.Presence;
        var within = inside ? Inside(c, KindAccessIndex.OfficeKinds) : null;
        var note = Note(office.Estimated);
        if (within is not null || office.Share >= p.CoveredShare)
            return PresencePlanner.Item(form, PlanStatus.Present, Message.Of(present, ("point", Name(c, within?.Id ?? office.PointId)), ("share", office.Share),
                ("reach", reach), ("note", note)), trigger, null, null, 0, within?.Id ?? office.PointId, office.Estimated);
        if (office.Share > 0)
            return PresencePlanner.Item(form, PlanStatus.ToReinforce, Message.Of(partial, ("point", Name(c, office.PointId)), ("share", office.Share),
                ("reach", reach), ("uncovered", office.UncoveredDwellings), ("note", note)), trigger, 1, "offices", office.UncoveredDwellings, office.PointId,
                office.Estimated);
        return PresencePlanner.Item(form, PlanStatus.ToCreate, Message.Of(create, ("dwellings", c.Dwellings), ("collective", c.CollectiveDwellings),
            ("stock", c.DistrictStock), ("reach", reach), ("note", note)), trigger, 1, "offices", c.Dwellings, estimated: office.Estimated);
    }

    /// <summary>A point of these kinds inside the district's polygon.</summary>
    private static Agency? Inside(PlanContext c, IReadOnlyList<AgencyKind> kinds) =>
        c.District is null ? null : c.Points.Where(a => kinds.Contains(a.Kind) && c.District.Geometry.Covers(a.Location))
            .OrderBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault();

    private static string? Name(PlanContext c, string? id) =>
        id is null ? null : c.Points.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    private static Message? Note(bool estimated) => estimated ? Message.Of("travel_estimated_note") : null;

    private static double Radius(PlanContext c, double minutes) =>
        minutes * 60 * (c.Config.Travel.AverageSpeedKmh / 3.6) / c.Config.Travel.DetourFactor;

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 1) : null;
}
